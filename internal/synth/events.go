package synth

import (
	"math/rand/v2"
	"strings"
)

// What sets one synthetic event apart from the others of its day, as the
// subject, the village and the local official set real ones apart: two
// stories of the same two people share the formulas of the templates,
// but not what happened, where or who else spoke.

// topics are what an event is about, each in its own words.
var topics = []string{
	"the grain corridor", "a prisoner exchange", "the Zaporizhzhia nuclear plant",
	"air defence deliveries", "the evacuation of civilians", "artillery shell stocks",
	"cyber attacks on banks", "the Black Sea fleet", "gas transit fees",
	"a humanitarian corridor", "long-range missiles", "fighter jet training",
	"a ceasefire proposal", "mine clearing on farmland", "drone strikes on refineries",
	"tank deliveries", "a new sanctions package", "frozen central bank assets",
	"expelled embassy staff", "the New START inspections", "joint naval exercises",
	"the port blockade", "refugee reception centres", "diesel shortages",
	"damage to the power grid", "war crimes investigators", "a monitoring mission",
	"troop rotations", "chemical weapons claims", "the Kerch bridge",
	"an ammunition depot fire", "closed border crossings", "fertiliser exports",
	"Patriot batteries", "rocket launcher supplies", "winter equipment for soldiers",
	"field hospitals", "railway sabotage", "detained journalists", "seized cargo ships",
	"the ammonia pipeline", "satellite internet terminals", "mobilisation orders",
	"a referendum plan", "captured foreign fighters", "the dam on the Dnipro",
}

// localityParts are syllables of the villages and towns synthetic events
// happen near: first, middle and last part of one word.
var localityParts = [3][]string{
	{"Novo", "Staro", "Velyka", "Mala", "Krasno", "Bilo", "Chorno", "Zoloto", "Pisko", "Verkhno", "Nyzhno", "Dobro", "Sukho", "Kamyano"},
	{"hor", "dan", "lyp", "vod", "sel", "myr", "prud", "dub", "lis", "bers", "kal", "rad", "pol", "yar", "tro"},
	{"ivka", "ove", "ivske", "ynka", "ne", "ka", "ets", "ivtsi", "any", "yne", "opil"},
}

// firstNames and lastNames make the local officials, commanders and
// analysts a story quotes; titles say what they are.
var (
	firstNames = []string{"Ivan", "Olena", "Petro", "Iryna", "Mykola", "Tetiana", "Andriy", "Natalia",
		"Serhiy", "Oksana", "Yuriy", "Halyna", "Roman", "Larysa", "Taras", "Viktoria", "Bohdan", "Maria",
		"Anton", "Svitlana", "Karl", "Ingrid", "Tomasz", "Agnieszka", "Pierre", "Claire", "David", "Sarah",
		"Michael", "Emily", "Igor", "Anna"}
	lastNames = []string{"Marchenko", "Bondar", "Tkachuk", "Kravets", "Oliynyk", "Shevchuk", "Polishchuk",
		"Lysenko", "Moroz", "Savchenko", "Rudenko", "Kovalchuk", "Hnatyuk", "Zinchenko", "Yaremko",
		"Tymoshchuk", "Pavlenko", "Klymenko", "Danylyuk", "Fedorenko", "Kowalski", "Nowak", "Lindqvist",
		"Berger", "Dumont", "Hartley", "Whitman", "Okafor", "Rossi", "Novak", "Sokolov", "Volkov",
		"Orlova", "Belova", "Gromov", "Karimov"}
	titles = []string{"the regional governor", "a military spokesman", "the mayor", "a local commander",
		"an analyst", "a UN envoy", "a Red Cross official", "the head of the district council",
		"an energy ministry adviser", "a border guard spokeswoman"}
)

// locality returns a village or town name made of localityParts.
func locality(rng *rand.Rand) string {
	var b strings.Builder
	for _, parts := range localityParts {
		b.WriteString(pick(rng, parts))
	}
	return b.String()
}

// localFigure returns someone a story quotes: a name and what they are.
func localFigure(rng *rand.Rand) (name, title string) {
	return pick(rng, firstNames) + " " + pick(rng, lastNames), pick(rng, titles)
}
