package extract

import (
	"testing"

	"github.com/newsroom/timeline/internal/timeline"
)

// formLanguage is a headline and a lede without a time expression in one
// language, so that only the page head decides the publication date.
type formLanguage struct{ headline, lede string }

// formLanguages are the languages of the pages in TestPublicationWorld,
// written for this test.
var formLanguages = map[string]formLanguage{
	"en": {"Ministers extend grain corridor deal\n", pubLede},
	"de": {"Minister verlängern das Abkommen über den Getreidekorridor\n",
		"Die Minister haben sich nach den Gesprächen in der Hauptstadt darauf geeinigt, den Getreidekorridor um weitere vier Monate zu verlängern.\n" +
			"Die Vereinbarung muss noch von beiden Parlamenten gebilligt werden, die in den kommenden Wochen darüber abstimmen sollen.\n"},
	"fr": {"Les ministres prolongent l'accord sur le corridor céréalier\n",
		"Les ministres ont convenu de prolonger le corridor céréalier de quatre mois, ont indiqué des responsables après les pourparlers dans la capitale.\n" +
			"L'accord doit encore être approuvé par les deux parlements, qui devraient se prononcer dans les semaines à venir.\n"},
	"es": {"Los ministros prorrogan el acuerdo del corredor de cereales\n",
		"Los ministros acordaron prorrogar el corredor de cereales otros cuatro meses, según informaron fuentes oficiales tras las conversaciones en la capital.\n" +
			"El acuerdo aún necesita la aprobación de ambos parlamentos, que deberán votarlo en las próximas semanas.\n"},
	"it": {"I ministri prorogano l'accordo sul corridoio del grano\n",
		"I ministri hanno concordato di prorogare il corridoio del grano per altri quattro mesi, hanno riferito i funzionari dopo i colloqui nella capitale.\n" +
			"L'accordo deve ancora essere approvato da entrambi i parlamenti, che dovrebbero votarlo nelle prossime settimane.\n"},
	"pt": {"Ministros prorrogam acordo do corredor de cereais\n",
		"Os ministros concordaram em prorrogar o corredor de cereais por mais quatro meses, disseram autoridades após as conversações na capital.\n" +
			"O acordo ainda precisa da aprovação dos dois parlamentos, que devem votá-lo nas próximas semanas.\n"},
	"nl": {"Ministers verlengen akkoord over graancorridor\n",
		"De ministers zijn overeengekomen de graancorridor met nog eens vier maanden te verlengen, zeiden functionarissen na de besprekingen in de hoofdstad.\n" +
			"Het akkoord moet nog worden goedgekeurd door beide parlementen, die er de komende weken over stemmen.\n"},
	"pl": {"Ministrowie przedłużają porozumienie w sprawie korytarza zbożowego\n",
		"Ministrowie uzgodnili przedłużenie korytarza zbożowego o kolejne cztery miesiące, poinformowali urzędnicy po rozmowach w stolicy.\n" +
			"Porozumienie musi jeszcze zostać zatwierdzone przez oba parlamenty, które mają głosować w najbliższych tygodniach.\n"},
	"ru": {"Министры продлили соглашение о зерновом коридоре\n",
		"Министры договорились продлить зерновой коридор еще на четыре месяца, сообщили официальные лица после переговоров в столице.\n" +
			"Соглашение еще должны одобрить парламенты обеих стран, которые проголосуют по нему в ближайшие недели.\n"},
	"uk": {"Міністри продовжили угоду про зерновий коридор\n",
		"Міністри домовилися продовжити зерновий коридор ще на чотири місяці, повідомили посадовці після переговорів у столиці.\n" +
			"Угоду ще мають схвалити парламенти обох країн, які проголосують за неї найближчими тижнями.\n"},
}

// worldNav is a list of other stories with their dates in several
// languages, as a scrape keeps it around an article.
const worldNav = "Meistgelesen\nHochwasser vertreibt Tausende\n2. Mai 2022\nLa banque centrale relève ses taux\n3 mai 2022\nHuelga en los puertos\n4 de mayo de 2022\nПожары в лесах\n5 мая 2022\n"

// TestPublicationWorld checks publication dates as pages in other
// languages, and more English layouts, print them: month and weekday
// names, abbreviations, ordinals, stamps with clock and zone,
// "published"/"updated" pairs in either order, day-first numeric dates,
// a dateline, the end of the article. Every form is tried with the
// headline as line 1, alone and with dated lists of other stories
// around it, and as a scrape without line 1. The cases that want ""
// must stay undated: update dates, relative stamps, captions, lists of
// other stories, copyright years, ambiguous numeric dates.
func TestPublicationWorld(t *testing.T) {
	tests := []struct {
		name, lang, head, tail, want string
	}{
		// German.
		{"de published on", "de", "Veröffentlicht am 13. Mai 2022\n", "", "2022-05-13"},
		{"de weekday date", "de", "Freitag, 13. Mai 2022\n", "", "2022-05-13"},
		{"de date clock uhr", "de", "13. Mai 2022, 14:05 Uhr\n", "", "2022-05-13"},
		{"de numeric clock uhr", "de", "13.05.2022, 14:05 Uhr\n", "", "2022-05-13"},
		{"de no dot after day", "de", "13 Mai 2022\n", "", "2022-05-13"},
		{"de abbreviated month", "de", "13. Dez. 2022\n", "", "2022-12-13"},
		{"de maerz", "de", "Veröffentlicht: 13. März 2022\n", "", "2022-03-13"},
		{"de byline von", "de", "Von Jana Muster | 13.05.2022\n", "", "2022-05-13"},
		{"de created and updated", "de", "Erstellt: 13.05.2022, 14:05 Uhr\nAktualisiert: 14.05.2022, 09:00 Uhr\n", "", "2022-05-13"},
		{"de updated then published", "de", "Aktualisiert am 14.05.2022 | Veröffentlicht am 13.05.2022\n", "", "2022-05-13"},
		{"de updated only", "de", "Aktualisiert am 14. Mai 2022\n", "", ""},
		{"de stand only", "de", "Stand: 14.05.2022 09:00 Uhr\n", "", ""},
		{"de relative", "de", "vor 2 Stunden\n", "", ""},
		// French.
		{"fr published on", "fr", "Publié le 13 mai 2022 à 14h05\n", "", "2022-05-13"},
		{"fr weekday date", "fr", "vendredi 13 mai 2022\n", "", "2022-05-13"},
		{"fr first of month", "fr", "Publié le 1er mai 2022\n", "", "2022-05-01"},
		{"fr abbreviated", "fr", "13 sept. 2022 à 14:05\n", "", "2022-09-13"},
		{"fr accented month", "fr", "Publié le 13 février 2022\n", "", "2022-02-13"},
		{"fr byline par", "fr", "Par Jeanne Dupont, le 13 mai 2022 à 14h05\n", "", "2022-05-13"},
		{"fr published updated", "fr", "Publié le 13/05/2022 à 14h05, mis à jour le 14/05/2022 à 09h00\n", "", "2022-05-13"},
		{"fr updated published", "fr", "Mis à jour le 14 mai 2022 à 09h00\nPublié le 13 mai 2022 à 14h05\n", "", "2022-05-13"},
		{"fr updated only", "fr", "Mis à jour le 14 mai 2022\n", "", ""},
		{"fr relative", "fr", "Il y a 2 heures\n", "", ""},
		// Spanish.
		{"es de", "es", "13 de mayo de 2022\n", "", "2022-05-13"},
		{"es published", "es", "Publicado el 13 de mayo de 2022, 14:05\n", "", "2022-05-13"},
		{"es weekday clock", "es", "viernes, 13 de mayo de 2022 - 14:05 h\n", "", "2022-05-13"},
		{"es del", "es", "13 de mayo del 2022\n", "", "2022-05-13"},
		{"es abbreviated", "es", "13 may. 2022 14:05 CEST\n", "", "2022-05-13"},
		{"es setiembre", "es", "Publicado el 13 de setiembre de 2022\n", "", "2022-09-13"},
		{"es updated only", "es", "Actualizado el 14 de mayo de 2022\n", "", ""},
		{"es updated published", "es", "Actualizado 14/05/2022 09:00 | Publicado 13/05/2022 14:05\n", "", "2022-05-13"},
		// Italian.
		{"it published", "it", "Pubblicato il 13 maggio 2022 alle 14:05\n", "", "2022-05-13"},
		{"it weekday", "it", "venerdì 13 maggio 2022\n", "", "2022-05-13"},
		{"it abbreviated", "it", "13 mag 2022\n", "", "2022-05-13"},
		{"it updated only", "it", "Aggiornato il 14 maggio 2022\n", "", ""},
		// Portuguese.
		{"pt published", "pt", "Publicado em 13 de maio de 2022 às 14h05\n", "", "2022-05-13"},
		{"pt updated only", "pt", "Atualizado em 14/05/2022 09h00\n", "", ""},
		{"pt marco", "pt", "13 de março de 2022\n", "", "2022-03-13"},
		// Dutch.
		{"nl published", "nl", "Gepubliceerd op 13 mei 2022 14:05\n", "", "2022-05-13"},
		{"nl weekday", "nl", "vrijdag 13 mei 2022\n", "", "2022-05-13"},
		{"nl abbreviated", "nl", "13 mrt. 2022\n", "", "2022-03-13"},
		{"nl updated only", "nl", "Bijgewerkt op 14 mei 2022\n", "", ""},
		{"nl dashes", "nl", "13-05-2022 14:05\n", "", "2022-05-13"},
		// Polish.
		{"pl published", "pl", "Opublikowano: 13 maja 2022, 14:05\n", "", "2022-05-13"},
		{"pl numeric", "pl", "13.05.2022 14:05\n", "", "2022-05-13"},
		{"pl updated only", "pl", "Aktualizacja: 14 maja 2022\n", "", ""},
		// Russian and Ukrainian.
		{"ru date clock", "ru", "13 мая 2022, 14:05\n", "", "2022-05-13"},
		{"ru published year word", "ru", "Опубликовано: 13 мая 2022 г.\n", "", "2022-05-13"},
		{"ru weekday", "ru", "пятница, 13 мая 2022\n", "", "2022-05-13"},
		{"ru capital month", "ru", "13 Мая 2022 года\n", "", "2022-05-13"},
		{"ru updated only", "ru", "Обновлено 14 мая 2022\n", "", ""},
		{"ru relative", "ru", "2 часа назад\n", "", ""},
		{"uk date clock", "uk", "13 травня 2022, 14:05\n", "", "2022-05-13"},
		{"uk published", "uk", "Опубліковано 13 травня 2022 р.\n", "", "2022-05-13"},
		{"uk updated only", "uk", "Оновлено: 14 травня 2022\n", "", ""},
		// English layouts.
		{"ordinal day first", "en", "13th May 2022\n", "", "2022-05-13"},
		{"ordinal month first", "en", "May 13th, 2022\n", "", "2022-05-13"},
		{"ordinal no comma", "en", "Published May 13th 2022\n", "", "2022-05-13"},
		{"iso clock zone", "en", "2022-05-13 14:05 CET\n", "", "2022-05-13"},
		{"at pm zone", "en", "May 13, 2022 at 2:05 p.m. EDT\n", "", "2022-05-13"},
		{"sept dot", "en", "Sept. 13, 2022\n", "", "2022-09-13"},
		{"sept no dot", "en", "By Jane Doe | Sept 13, 2022\n", "", "2022-09-13"},
		{"day first dashes", "en", "13-05-2022\n", "", "2022-05-13"},
		{"date field iso", "en", "Date: 2022-05-13\n", "", "2022-05-13"},
		{"lower case month", "en", "13 may 2022\n", "", "2022-05-13"},
		{"date below byline block", "en", "By Jane Doe\nSenior Correspondent\nFri 13 May 2022 14.05 BST\n", "", "2022-05-13"},
		{"dateline", "en", "", "", "2022-05-13"},
		{"published at end", "en", "By Jane Doe\n", "Published on 13 May 2022\n", "2022-05-13"},
		{"first published at end", "en", "By Jane Doe\n", "First published on Fri 13 May 2022 14.05 BST\n", "2022-05-13"},
		{"de published at end", "de", "Von Jana Muster\n", "Veröffentlicht am 13.05.2022\n", "2022-05-13"},
		// All-numeric dates whose day and month are both 12 or under: day
		// first on a page that dates itself in a language that writes
		// them so, else undated.
		{"fr ambiguous numeric", "fr", "Publié le 03/04/2022 à 14h05\n", "", "2022-04-03"},
		{"es ambiguous numeric", "es", "Actualizado 04/04/2022 09:00 | Publicado 03/04/2022 14:05\n", "", "2022-04-03"},
		{"de ambiguous numeric", "de", "Veröffentlicht am 03-04-2022\n", "", "2022-04-03"},
		{"fr ambiguous no marker", "fr", "Par Jeanne Dupont\n03/04/2022\n", "", ""},
		{"en ambiguous marker", "en", "Published 03/04/2022\n", "", ""},
		// Must stay undated.
		{"ambiguous slashes", "en", "03/04/2022\n", "", ""},
		{"ambiguous dashes", "en", "03-04-2022\n", "", ""},
		{"caption date", "en", "The minister speaks in Kyiv on May 10, 2022. Photo: Jane Roe/Agency\nBy Jane Doe\n", "", ""},
		{"caption credit date", "fr", "Le ministre à Kyiv, le 10 mai 2022. Photo: Jeanne Roe/Agence\nPar Jeanne Dupont\n", "", ""},
		{"copyright", "en", "By Jane Doe\n", "© 2022 Example News Ltd. All rights reserved.\n", ""},
		{"related list below", "en", "By Jane Doe\n", "Related stories\nFloods force thousands from their homes\nPublished 2 May 2022\nCentral bank raises rates again\nPublished 3 May 2022\n", ""},
		{"updated at end", "en", "By Jane Doe\n", "Updated on 14 May 2022\n", ""},
		{"es relative", "es", "hace 2 horas\n", "", ""},
	}
	for _, tt := range tests {
		lang := formLanguages[tt.lang]
		h, lede := lang.headline, lang.lede
		if tt.name == "dateline" {
			lede = "KYIV, May 13 (Reuters) - " + lede
		}
		head := tt.head
		if head == "" {
			head = "By Jane Doe\n"
		}
		texts := map[string]string{
			"":                    h + head + "\n" + lede + tt.tail,
			", nav above":         h + worldNav + h + head + "\n" + lede + tt.tail,
			", related below":     h + head + "\n" + lede + tt.tail + worldNav,
			", nav both sides":    h + worldNav + h + head + lede + tt.tail + worldNav,
			", scrape, nav above": worldNav + h + head + "\n" + lede + tt.tail,
		}
		for variant, in := range texts {
			a := Extract("x.txt", []byte(in), Options{WindowStart: timeline.DayOf(2021, 11, 1), WindowEnd: timeline.DayOf(2022, 12, 31)})
			got := a.Published.ISO()
			got = got[:min(10, len(got))]
			if got != tt.want {
				t.Errorf("%s%s: published %q (%v), want %q", tt.name, variant, got, a.PublishedEvidence, tt.want)
			}
			if a.Title != h[:len(h)-1] {
				t.Errorf("%s%s: headline %q, want %q", tt.name, variant, a.Title, h[:len(h)-1])
			}
		}
	}
}

// TestPublicationPlaces checks where in a page the publication date may
// sit, as whole texts: above the headline past a menu, below it past a
// standfirst, a caption and a share row, in a byline with other words,
// and, to stay undated, under each story of a list above the headline.
func TestPublicationPlaces(t *testing.T) {
	const h = "Ministers extend grain corridor deal\n"
	const list = "Most read\nFloods force thousands\nPublished 2 May 2022\nBank raises rates\nPublished 3 May 2022\nStrikes close ports\nPublished 4 May 2022\n"
	tests := []struct{ name, in, want string }{
		{"date three above past a menu", "Home\nWorld\nEurope\nApril 21, 2022\nWorld\n" + h + "By Jane Doe\n\n" + pubLede, "2022-04-21"},
		{"posted three above", h + "Posted on April 21, 2022 by admin\nWorld\nNews\n" + h + "\n" + pubLede, "2022-04-21"},
		{"date line over the headline", "April 21, 2022\n" + h + "\n" + pubLede, "2022-04-21"},
		{"past caption and share row", h + "A four-month extension keeps grain moving through the winter.\nShips wait to enter the port. (Photo: Jane Roe)\nShare\nFacebook\nTwitter\nBy Jane Doe\nApril 21, 2022\n\n" + pubLede, "2022-04-21"},
		{"past standfirst and image credit", h + "The extension keeps grain moving through the winter, officials said.\nImage: Reuters\nJane Doe\n21 April 2022\n" + pubLede, "2022-04-21"},
		{"day dashes month name", h + "21-Apr-2022\n\n" + pubLede, "2022-04-21"},
		{"month day year clock", h + "Apr 21 2022 10:35AM\n\n" + pubLede, "2022-04-21"},
		{"unknown zone", h + "21 Apr 2022 | 10:35 IST\n\n" + pubLede, "2022-04-21"},
		{"posted by in", h + "Posted by admin on April 21, 2022 in World News\n\n" + pubLede, "2022-04-21"},
		{"date comments category", h + "April 21, 2022 / 0 Comments / in World / by admin\n\n" + pubLede, "2022-04-21"},
		{"written by on", h + "Written by Jane Doe on 21 April 2022\n\n" + pubLede, "2022-04-21"},
		{"byline agency clock", h + "Jane Doe | Reuters | April 21, 2022 10:35 AM\n\n" + pubLede, "2022-04-21"},
		{"capitals", h + "THURSDAY, APRIL 21, 2022\n" + pubLede, "2022-04-21"},
		{"weekday ordinal", h + "Thursday 21st April 2022\n" + pubLede, "2022-04-21"},
		{"last updated over published", h + "Last Updated: April 22, 2022\nPublished: April 21, 2022\n" + pubLede, "2022-04-21"},
		{"ago over date", h + "By Jane Doe\n2 days ago\nApril 21, 2022\n" + pubLede, "2022-04-21"},
		{"published then updated em dash", h + "Published April 21, 2022 — Updated April 22, 2022\n" + pubLede, "2022-04-21"},
		{"meta lines between date and headline", h + "Home\nNews\nLOCAL NEWS\nApril 21, 2022\nBy Jane Doe\n3 min read\n" + h + "\n" + pubLede, "2022-04-21"},
		{"comment count between", h + "World\nApril 21, 2022\n0 Comments\n" + h + pubLede, "2022-04-21"},
		{"blog footer", h + "By Jane Doe\n\n" + pubLede + "This entry was posted on Thursday, April 21st, 2022 at 10:35 am and is filed under News. You can follow any responses to this entry through the RSS 2.0 feed.\n", "2022-04-21"},
		{"agency dateline with year", h + "\nBRIDGETOWN, Barbados, April 21, 2022 (CMC) – " + pubLede, "2022-04-21"},
		{"past share rows", h + "Share on Facebook\nShare on Twitter\nShare on WhatsApp\nEmail\nPrint\nBy Jane Doe\nApril 21, 2022\n" + pubLede, "2022-04-21"},
		{"clock on its own line", h + "By Jane Doe\nApril 21, 2022\n10:35 AM\n" + pubLede, "2022-04-21"},
		{"marker over weekday over date", h + "By Jane Doe\nPublished\nThursday\nApril 21, 2022\n" + pubLede, "2022-04-21"},
		{"past a two-paragraph standfirst", h + "The extension keeps grain moving through the winter, but the harder questions were left for later by the ministers.\nExporters welcomed the news, though insurers said premiums would stay high for ships bound for the region.\nBy Jane Doe\nApril 21, 2022\n" + pubLede, "2022-04-21"},
		{"published under the last paragraph", h + "By Jane Doe\n" + pubLede + "Published: April 21, 2022\n", "2022-04-21"},
		{"posted under the last paragraph", h + "By Jane Doe\n" + pubLede + "Posted April 21, 2022 in News\n", "2022-04-21"},
		{"caption line before byline", h + h + "Ships wait at the port of Odesa before the deal was signed by the ministers.\nBy Jane Doe\nApril 21, 2022\n" + pubLede, "2022-04-21"},
		{"many widgets", h + h + "Share\nFacebook\nTwitter\nWhatsApp\nTelegram\nEmail\nPrint\nCopy link\nListen to this article\n5 min read\nBy Jane Doe\nApril 21, 2022\n" + pubLede, "2022-04-21"},
		{"at sign clock", h + "April 21, 2022 @ 10:35 am\n" + pubLede, "2022-04-21"},
		{"weekday numeric dash clock", h + "Thu, 04/21/2022 - 10:35\n" + pubLede, "2022-04-21"},
		{"long byline", h + "By Jane Doe, Senior Political Correspondent of the Daily Example, on Thursday, April 21, 2022\n" + pubLede, "2022-04-21"},
		{"update ago over published", h + "Updated 2 hours ago\nPublished April 21, 2022\n" + pubLede, "2022-04-21"},
		{"counts and share buttons between", h + "World\nApril 21, 2022\n0\nShare\n" + h + pubLede, "2022-04-21"},
		{"lone by and separator between", h + "April 21, 2022\nBy\n-\n" + h + pubLede, "2022-04-21"},
		{"long meta row", h + "By Jane Doe | April 21, 2022 | Local News | 5 Comments | Share this article on Facebook Twitter WhatsApp Email\n" + pubLede, "2022-04-21"},
		{"meta row with a long byline field", h + "Barbados Today Staff Reporter Jane Doe | April 21, 2022 | Local News\n" + pubLede, "2022-04-21"},
		// Must stay undated.
		{"two stories with their dates in one row", h + "Floods force thousands | April 2, 2022 | Bank raises rates | April 3, 2022\n" + pubLede, ""},
		{"site today over share buttons and a menu", h + "Friday, May 20, 2022\nShare\nHome\n" + h + "By Jane Doe\n" + pubLede, ""},
		{"published under a list's title", h + "By Jane Doe\n" + pubLede + "More news\nFloods force thousands\nPublished April 20, 2022\n", ""},
		{"published under a story's title", h + "By Jane Doe\n" + pubLede + "Floods force thousands from their homes\nPublished April 20, 2022\n", ""},
		{"ago with a dated list below", h + "By Jane Doe\n3 hours ago\n" + pubLede + "More news\nFloods\nApril 20, 2022\n", ""},
		{"site today over a menu", h + "News\nApril 21, 2022\nHome\nNews\nWorld\n" + h + pubLede, ""},
		{"site today over menu and byline", h + "Friday, May 20, 2022\nHome\nBy Jane Doe\n3 min read\n" + h + pubLede, ""},
		{"list with published dates above", list + h + "By Jane Doe\n" + pubLede, ""},
		{"list with published dates above line 1's copy", h + list + h + "By Jane Doe\n" + pubLede, ""},
		{"two-digit year", h + "Published: 21/04/22\n" + pubLede, ""},
		{"site today over the menu", h + "Freitag, 20. Mai 2022\nStartseite\nPolitik\nWelt\n" + h + "Von Jana Muster\n" + pubLede, ""},
	}
	for _, tt := range tests {
		a := Extract("x.txt", []byte(tt.in), Options{WindowStart: timeline.DayOf(2021, 11, 1), WindowEnd: timeline.DayOf(2022, 12, 31)})
		got := a.Published.ISO()
		if got = got[:min(10, len(got))]; got != tt.want {
			t.Errorf("%s: published %q (%v), want %q", tt.name, got, a.PublishedEvidence, tt.want)
		}
	}
}
