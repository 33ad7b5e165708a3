package extract

import (
	"testing"

	"github.com/newsroom/timeline/internal/timeline"
)

// pubLede is a lede with no time expression, so that the event date
// follows the publication date and only the head decides.
const pubLede = "The ministers agreed to extend the grain corridor for another four months, officials said after the talks in the capital.\n" +
	"The agreement still needs the approval of both parliaments, which are expected to vote on it in the coming weeks.\n"

// pubNav is a list of other stories, each with its own date, as a scrape
// that keeps all visible text prints it around an article.
const pubNav = "Most read\nFloods force thousands from their homes\n2 May 2022\nCentral bank raises rates again\n3 May 2022\nStrikes close the ports\n4 May 2022\n"

// TestPublicationForms checks the common ways news pages print their
// publication date as visible text, each with the headline as line 1,
// alone and with lists of other dated stories around it. Update stamps,
// relative stamps and the other stories' dates never give it.
func TestPublicationForms(t *testing.T) {
	window := Options{WindowStart: timeline.DayOf(2021, 11, 1), WindowEnd: timeline.DayOf(2022, 12, 31)}
	const h = "Ministers extend grain corridor deal\n"
	tests := []struct {
		name, head, want string
	}{
		{"published day month year", "Published 13 May 2022\n", "2022-05-13"},
		{"month day year clock zone", "May 13, 2022 2:02 PM EDT\n", "2022-05-13"},
		{"updated only", "Updated: 3:02 PM EDT, Fri May 13, 2022\n", ""},
		{"published then updated", "Published 3:02 PM EDT, Thu May 12, 2022\nUpdated 5:10 PM EDT, Fri May 13, 2022\n", "2022-05-12"},
		{"updated then published", "Updated 5:10 PM EDT, Fri May 13, 2022\nPublished 3:02 PM EDT, Thu May 12, 2022\n", "2022-05-12"},
		{"updated in byline", "By Jane Doe\nUpdated May 13, 2022\n", ""},
		{"clock first weekday date", "3:02 PM EDT, Fri May 13, 2022\n", "2022-05-13"},
		{"numeric day first clock", "13/05/2022 14:02\n", "2022-05-13"},
		{"iso timestamp", "2022-05-13T14:02:00Z\n", "2022-05-13"},
		{"iso timestamp offset", "2022-05-13T14:02:00+02:00\n", "2022-05-13"},
		{"live stamp dotted clock", "Fri 13 May 2022 14.02 BST\n", "2022-05-13"},
		{"day month year comma clock", "13 May 2022, 14:02\n", "2022-05-13"},
		{"byline bar date", "By Jane Doe | May 13, 2022\n", "2022-05-13"},
		{"byline dot date", "Jane Doe · 13 May 2022\n", "2022-05-13"},
		{"byline dot date clock", "Jane Doe · 13 May 2022 · 14:02\n", "2022-05-13"},
		{"agency bar date", "Reporting by Jane Doe | Editing by John Roe\nMay 13, 2022 | 2:02 PM\n", "2022-05-13"},
		{"first published on", "First published on Fri 13 May 2022 14.02 BST\n", "2022-05-13"},
		{"published colon iso", "Published: 2022-05-13\n", "2022-05-13"},
		{"posted on with at", "Posted on May 13, 2022 at 2:02 pm\n", "2022-05-13"},
		{"day dotted month name", "13. May 2022\n", "2022-05-13"},
		{"weekday comma day month year", "Friday, 13 May 2022\n", "2022-05-13"},
		{"weekday month day year", "Friday, May 13, 2022\n", "2022-05-13"},
		{"abbrev month dot", "Published May. 13, 2022 14:02 GMT\n", "2022-05-13"},
		{"last updated only", "Last updated 13 May 2022\n", ""},
		{"relative only", "2 hours ago\n", ""},
		{"relative byline", "By Jane Doe · 2 hours ago\n", ""},
		{"date then reading time", "13 May 2022 · 4 min read\n", "2022-05-13"},
		{"byline then date line", "By Jane Doe, Staff Writer\nMay 13, 2022\n", "2022-05-13"},
		{"date then updated ago", "By Jane Doe and John Roe\nMay 13, 2022 2:02 PM GMT+1 Updated 2 hours ago\n", "2022-05-13"},
		{"published and updated one line", "PUBLISHED: 14:02 BST, 13 May 2022 | UPDATED: 15:10 BST, 14 May 2022\n", "2022-05-13"},
		{"updated then originally published", "Updated May 14, 2022, originally published May 13, 2022\n", "2022-05-13"},
		{"originally published", "Originally published May 13, 2022\n", "2022-05-13"},
		{"posted weekday no comma", "Posted: Fri, May 13 2022 2:02 PM EDT\n", "2022-05-13"},
		{"iso with space", "2022-05-13 14:02\n", "2022-05-13"},
		{"numeric dotted bar clock", "13.05.2022 | 14:02\n", "2022-05-13"},
		{"numeric ambiguous", "05/06/2022\n", ""},
		{"us numeric", "05/13/2022 2:02 PM\n", "2022-05-13"},
		{"marker on its own line", "Published\n13 May 2022\n", "2022-05-13"},
		{"standfirst then byline date", "A four-month extension keeps grain moving through the winter, but the harder questions were left for later.\nBy Jane Doe\n13 May 2022\n", "2022-05-13"},
		{"caption before byline date", "The minister speaks in Kyiv on May 10, 2022. Photo: Jane Roe/Agency\nBy Jane Doe | May 13, 2022\n", "2022-05-13"},
		{"date then place", "May 13, 2022 | WASHINGTON\n", "2022-05-13"},
		{"share bar then date", "Share this article\nFacebook Twitter Email\n13 May 2022\n", "2022-05-13"},
		{"guardian pair", "Fri 13 May 2022 14.02 BST\nLast modified on Fri 13 May 2022 16.10 BST\n", "2022-05-13"},
		{"modified first", "Last modified on Sat 14 May 2022 16.10 BST\nFri 13 May 2022 14.02 BST\n", "2022-05-13"},
		{"date at clock", "May 13, 2022 at 2:02 p.m.\n", "2022-05-13"},
		{"category bar date", "World | Europe | May 13, 2022\n", "2022-05-13"},
		{"ordinal", "Published on 13th May 2022\n", "2022-05-13"},
		{"name newline agency newline date", "Jane Doe\nReuters\n13 May 2022\n", "2022-05-13"},
		{"date comma weekday later", "13 May 2022 (Friday)\n", "2022-05-13"},
		{"release date label", "Release date: 13 May 2022\n", "2022-05-13"},
		{"issued", "Issued on 13 May 2022\n", "2022-05-13"},
		{"short month no comma", "13 May 2022 | 2 min read | Share\n", "2022-05-13"},
		{"ago and date", "2 hours ago | 13 May 2022\n", "2022-05-13"},
		{"gmt offset", "13 May 2022, 14:02 GMT+2\n", "2022-05-13"},
		{"above headline", "", "2022-05-13"},
	}
	for _, tt := range tests {
		texts := map[string]string{
			"":                    h + tt.head + "\n" + pubLede,
			", nav above":         h + pubNav + h + tt.head + "\n" + pubLede,
			", related below":     h + tt.head + "\n" + pubLede + pubNav,
			", nav both sides":    h + pubNav + h + tt.head + pubLede + pubNav,
			", scrape, nav above": pubNav + h + tt.head + "\n" + pubLede,
		}
		if tt.head == "" {
			texts = map[string]string{
				"":                h + "13 May 2022\n" + h + "By Jane Doe\n" + pubLede,
				", related below": h + "13 May 2022\n" + h + "By Jane Doe\n" + pubLede + pubNav,
			}
		}
		for variant, in := range texts {
			a := Extract("x.txt", []byte(in), window)
			got := a.Published.ISO()
			got = got[:min(10, len(got))]
			if got != tt.want {
				t.Errorf("%s%s: published %q, want %q", tt.name, variant, got, tt.want)
			}
		}
	}
}

// TestSiteToday checks that the date a site prints at the top of every
// page (its "today") is not the article's publication date.
func TestSiteToday(t *testing.T) {
	window := Options{WindowStart: timeline.DayOf(2021, 11, 1), WindowEnd: timeline.DayOf(2022, 12, 31)}
	const h = "Ministers extend grain corridor deal\n"
	tests := []struct{ name, in, want string }{
		{"today only", h + "Friday, May 20, 2022\nHome\nNews\nWorld\n" + h + "By Jane Doe\n" + pubLede, ""},
		{"date over a section label", h + "Home\nNews\nWorld\n13 May 2022\nWorld\n" + h + "By Jane Doe\n" + pubLede, "2022-05-13"},
		{"today and byline date", h + "Friday, May 20, 2022\nHome\nNews\nWorld\n" + h + "By Jane Doe | May 13, 2022\n" + pubLede, "2022-05-13"},
	}
	for _, tt := range tests {
		a := Extract("x.txt", []byte(tt.in), window)
		got := a.Published.ISO()
		if got = got[:min(10, len(got))]; got != tt.want {
			t.Errorf("%s: published %q, want %q", tt.name, got, tt.want)
		}
	}
}
