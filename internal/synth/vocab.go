package synth

// person is someone the synthetic press writes about: the canonical name
// people.yaml lists, the other spellings articles use, and a role.
type person struct {
	Name      string
	Aliases   []string
	Country   string
	Role      string
	RoleStart string
	// Short is how a second mention names the person ("Austin").
	Short string
}

// people are the names of the sample chronology, with the spellings the
// seed articles use.
var people = []person{
	{"Joe Biden", []string{"Joseph Biden", "President Biden"}, "United States", "President of the United States", "2021-01-20", "Biden"},
	{"Vladimir Putin", []string{"President Putin"}, "Russia", "President of Russia", "2012-05-07", "Putin"},
	{"Antony Blinken", []string{"Tony Blinken"}, "United States", "US Secretary of State", "2021-01-26", "Blinken"},
	{"Sergey Lavrov", []string{"Sergei Lavrov"}, "Russia", "Minister of Foreign Affairs of Russia", "2004-03-09", "Lavrov"},
	{"Lloyd Austin", []string{"Lloyd J. Austin", "Lloyd J. Austin III"}, "United States", "US Secretary of Defense", "2021-01-22", "Austin"},
	{"Sergei Shoigu", []string{"Sergey Shoigu"}, "Russia", "Minister of Defence of Russia", "2012-11-06", "Shoigu"},
	{"Mark Milley", []string{"Mark A. Milley", "General Mark Milley"}, "United States", "Chairman of the Joint Chiefs of Staff", "2019-10-01", "Milley"},
	{"Valery Gerasimov", []string{"Valeriy Gerasimov"}, "Russia", "Chief of the General Staff of the Russian Armed Forces", "2012-11-09", "Gerasimov"},
	{"Valerii Zaluzhnyi", []string{"Valery Zaluzhny", "Valeriy Zaluzhnyi"}, "Ukraine", "Commander-in-Chief of the Armed Forces of Ukraine", "2021-07-27", "Zaluzhnyi"},
	{"Tony Radakin", []string{"Admiral Tony Radakin"}, "United Kingdom", "Chief of the Defence Staff", "2021-11-30", "Radakin"},
	{"Oleksii Reznikov", []string{"Oleksiy Reznikov"}, "Ukraine", "Minister of Defence of Ukraine", "2021-11-04", "Reznikov"},
	{"John Kirby", nil, "United States", "Pentagon Press Secretary", "2021-01-20", "Kirby"},
	{"Volodymyr Zelenskyy", []string{"Volodymyr Zelensky", "Volodymyr Zelenskiy"}, "Ukraine", "President of Ukraine", "2019-05-20", "Zelenskyy"},
	{"Ned Price", nil, "United States", "US State Department Spokesperson", "2021-01-20", "Price"},
	{"Pat Ryder", []string{"Patrick Ryder", "Brigadier General Pat Ryder"}, "United States", "Pentagon Press Secretary", "2022-08-01", "Ryder"},
	{"Dmytro Kuleba", nil, "Ukraine", "Minister of Foreign Affairs of Ukraine", "2020-03-04", "Kuleba"},
	{"Denys Shmyhal", []string{"Denys Shmygal"}, "Ukraine", "Prime Minister of Ukraine", "2020-03-04", "Shmyhal"},
	{"Mateusz Morawiecki", nil, "Poland", "Prime Minister of Poland", "2017-12-11", "Morawiecki"},
	{"Viktor Gulevich", nil, "Belarus", "Chief of the General Staff of the Armed Forces of Belarus", "2021-01-01", "Gulevich"},
	{"Jens Stoltenberg", nil, "NATO", "Secretary General of NATO", "2014-10-01", "Stoltenberg"},
	{"Jake Sullivan", nil, "United States", "US National Security Advisor", "2021-01-20", "Sullivan"},
	{"Nikolai Patrushev", []string{"Nikolay Patrushev"}, "Russia", "Secretary of the Security Council of Russia", "2008-05-12", "Patrushev"},
	{"Dmitry Peskov", []string{"Dmitri Peskov"}, "Russia", "Kremlin Spokesman", "2012-05-22", "Peskov"},
	{"Wendy Sherman", nil, "United States", "US Deputy Secretary of State", "2021-04-14", "Sherman"},
	{"Sergei Ryabkov", []string{"Sergey Ryabkov"}, "Russia", "Deputy Foreign Minister of Russia", "2008-06-01", "Ryabkov"},
}

// places are where the synthetic events happen.
var places = []string{
	"Kyiv", "Moscow", "Washington", "Brussels", "Geneva", "Kharkiv", "Kherson",
	"the Donbas", "Crimea", "Warsaw", "Ramstein", "Istanbul", "Helsinki",
	"Stockholm", "Minsk", "Mariupol", "Odesa", "Zaporizhzhia", "Bucha", "Vienna",
}

// tags are the editors' tags; Hugo makes a taxonomy page of each.
var tags = []string{
	"diplomacy", "military channels", "sanctions", "buildup", "nato", "energy",
	"grain", "nuclear", "prisoners", "aid", "deconfliction", "drones",
}

// outlets name the sources, with the way their trailer or dateline reads.
var outlets = []string{
	"Dawn", "CNN", "Al Jazeera", "Fox News", "Reuters", "Associated Press",
	"BBC News", "The Guardian", "Republic World", "Kyiv Independent",
	"Deutsche Welle", "France 24",
}

// reporters sign the bylines.
var reporters = []string{
	"Jane Doe", "Papa Linc", "Greg Palkot", "Dorsa Jabbari", "Oren Liebermann",
	"Barbara Starr", "Natasha Bertrand", "Lolita Baldor", "Idrees Ali",
	"Phil Stewart", "Maria Tsvetkova", "Olena Harmash",
}

// kinds of the synthetic entries, as content.Kinds allows them.
var kinds = []string{"call", "meeting", "statement", "military", "diplomacy", "sanctions", "other"}

// kindVerbs say in an entry's title what two people of each kind of
// entry did.
var kindVerbs = map[string]string{
	"call":      "speak by phone",
	"meeting":   "meet",
	"statement": "trade statements",
	"military":  "discuss military channels",
	"diplomacy": "hold talks",
	"sanctions": "discuss sanctions",
	"other":     "are in contact",
}

// Sentence templates. Placeholders:
//
//	{A}, {B}      a person, named in full (canonical name or an alias)
//	{a}, {b}      the same people, by short name
//	{roleA}       A's role
//	{place}       a place, another at each use
//	{where}       the story's own place
//	{topic}       what the event is about ({Topic}: capitalised)
//	{locality}    the village or town it happened near
//	{figure}      someone the story quotes, {figureTitle} what they are
//	{count}       a number the story gives
//	{weekday}     the weekday of the event ("Friday")
//	{month}       a month name of the window
//	{n}           a number
//	{outlet}      the article's outlet
//	{talkedWith}, {met}, {per}, ...  a phrase of phrasing, another at each use
var ledes = []string{
	"{roleA} {A} {talkedWith} {B} on {weekday} about {topic}, {per}.",
	"{A} and {B} {met} in {where} on {weekday} over {topic}, {per}.",
	"{A} pressed {B} on {topic} on {weekday} after {violence} near {locality}, {per}.",
	"{A} said on {weekday} that {talks} with {B} on {topic} had {outcome}.",
	"{Talks} between {A} and {B} on {topic} {expected} on {weekday}, after {violence} near {locality}.",
	"{A} and {B} {discussed} {topic} on {weekday}, {per}.",
}

// phrasing holds the words the press has many of for one thing: each use
// of a placeholder picks one, so that unrelated stories share few words.
var phrasing = map[string][]string{
	"talkedWith": {"spoke with", "talked to", "held a call with", "phoned", "conferred with", "had a video call with"},
	"met":        {"met", "held talks", "sat down together", "met face to face", "held a meeting"},
	"per": {"according to a readout", "officials said", "a spokesman said", "aides said",
		"two people briefed on the talks said", "the foreign ministry said", "state media reported", "a statement said"},
	"violence":  {"shelling", "missile strikes", "heavy fighting", "a drone attack", "an explosion", "artillery fire"},
	"talks":     {"talks", "the conversation", "the call", "the meeting", "discussions"},
	"Talks":     {"Talks", "A call", "A meeting", "Discussions", "A video link"},
	"outcome":   {"been frank and useful", "produced no breakthrough", "ended without agreement", "been constructive", "gone badly", "made some progress"},
	"expected":  {"are expected", "are planned", "are due", "are scheduled", "may take place"},
	"discussed": {"discussed", "debated", "went over", "weighed", "argued over"},
	"affected":  {"had been affected", "had lost power", "had left their homes", "were without water", "were waiting for news", "had been evacuated"},
	"things":    {"vehicles", "trucks", "buses", "families", "ambulances", "trains"},
}

// ledeDetails end a lede with what a local figure said: the names,
// numbers and places that set one event apart.
var ledeDetails = []string{
	"{figure}, {figureTitle}, said {count} people near {locality} {affected}.",
	"In {locality}, {figure}, {figureTitle}, said {topic} had been on people's minds for {count} days.",
	"{figure}, {figureTitle} in {locality}, told {outlet} that {count} families {affected}.",
	"According to {figure}, {figureTitle}, {count} {things} were stuck outside {locality}.",
}

var sentences = []string{
	"The call lasted approximately an hour and was at the request of {a}, according to a senior defense official.",
	"{a} emphasised the importance of maintaining lines of communication amid the ongoing war, {outlet} reported.",
	"Russia also confirmed the contact, the {n}th between the two officials since the invasion began.",
	"\"We have not stopped trying to establish communications since the last time they spoke,\" a senior official told reporters.",
	"The official tempered expectations, saying the call would not solve any acute issues or result in direct change.",
	"{B} has repeatedly refused to engage with his counterparts, officials in Washington said.",
	"Satellite imagery released last month showed more than {n},000 troops massed near {place}.",
	"{a} said the alliance would not bend its open-door policy, whatever the demands from Moscow.",
	"Kyiv's forces have since regained swathes of territory in the east and south of the country.",
	"The two militaries established a deconfliction line in March because they operate so close together near {place}.",
	"The line has been tested once or twice daily, the Pentagon said, but no message of substance has passed over it.",
	"Relations between Moscow and Washington have sunk to new lows since the start of the war.",
	"{roleA} {A} is expected to travel to {place} later this month, two officials familiar with the plans said.",
	"European Union members agreed on new measures against Moscow, the bloc said in a statement.",
	"Ukrainian citizens endured scheduled power outages so that repairs could be made to damaged energy plants near {place}.",
	"\"We can confirm that the talks took place,\" {a} told a daily briefing with reporters, without providing details.",
	"The Kremlin said the conversation had been held at the initiative of the American side.",
	"Washington has condemned the invasion as illegal and pledged another ${n} billion in aid.",
	"Finland and Sweden are drawing ever closer to joining NATO, despite warnings from {b}.",
	"There was no immediate public reaction from {place} to the accusations.",
	"{b}'s office said the leader expressed deep concern about the military situation around {place}.",
	"The readout said both sides agreed to keep talking, without setting a date for the next call.",
	"{A} and {B} last spoke in {month}, according to people familiar with the exchanges.",
	"Analysts in {place} said the contact was a sign that neither side wanted the war to widen.",
	"The grain corridor through the Black Sea remained open, officials in {place} said, though inspections had slowed.",
	"Russia's defence and foreign ministries did not immediately respond to requests for comment.",
}

var subheadings = []string{
	"Lines of communication", "Iranian trainers", "Sanctions and aid", "On the ground",
	"What comes next", "Reaction in Moscow", "The view from Kyiv", "Deconfliction",
}

var headlines = []string{
	"{a} and {b} speak by phone as fighting rages near {locality}",
	"US urges Russia to keep talking on {topic}",
	"{a} holds talks with {b} on {topic}",
	"{Topic} tops agenda as {a} and {b} meet in {where}",
	"{A} speaks with {B} about {topic}",
	"{a} warns of miscalculation over {topic} after call with {b}",
	"Talks on {topic} end without breakthrough, {a} says",
	"{a}, {b} discuss {topic} as {locality} counts the cost",
}

// chromeNav is site navigation that scrapers keep before the headline.
var chromeNav = []string{
	"Subscribe to Updates",
	"Get the latest news about politics, business and the world.",
	"Facebook Twitter Instagram",
	"Login",
	"• News\n  • International\n• Politics\n• Sports\n• Live TV",
}

// captionCredits end photo captions.
var captionCredits = []string{
	"(AP Photo)", "(Mikhail Tereshchenko, Sputnik, Kremlin Pool Photo via AP)",
	"The White House/Handout via REUTERS.", "(Image: AP)", "Photo: AFP",
	"(Russian Defense Ministry Press Service via AP)",
}
