package extract

import (
	"os"
	"strings"
	"testing"
)

// TestMarkup reads articles given as markup: a feed's XML and a saved
// page are read for their headline, dates and paragraphs, never as
// prose with their tags.
func TestMarkup(t *testing.T) {
	tests := []struct {
		file, title, published, event, lede string
	}{
		{"testdata/markup/nitf.xml", "Harbour workers end strike after pay deal", "2022-04-12", "2022-04-11",
			"Harbour workers voted on Monday to end a week-long strike"},
		{"testdata/markup/saved_page.html", "Library reopens after repairs", "2022-06-03", "2022-06-02",
			"The town library reopened on Thursday"},
	}
	for _, tt := range tests {
		data, err := os.ReadFile(tt.file)
		if err != nil {
			t.Fatal(err)
		}
		a := Extract(tt.file, data, Options{})
		if a.Title != tt.title || a.Published.ISO()[:min(10, len(a.Published.ISO()))] != tt.published || a.Event.ISO() != tt.event {
			t.Errorf("%s: title %q published %q event %q (%s), want %q %q %q", tt.file, a.Title, a.Published.ISO(), a.Event.ISO(), a.Undated,
				tt.title, tt.published, tt.event)
		}
		if !strings.HasPrefix(a.Summary, tt.lede) {
			t.Errorf("%s: summary %q, want it to start %q", tt.file, a.Summary, tt.lede)
		}
		for _, b := range a.Blocks {
			if strings.ContainsAny(b.Text, "<>") || strings.Contains(b.Text, "&amp;") {
				t.Errorf("%s: markup in block %q", tt.file, b.Text)
			}
		}
	}
}

// TestReadMarkupPlainText checks that plain texts are not markup.
func TestReadMarkupPlainText(t *testing.T) {
	for _, in := range []string{"", "Headline\n\nBody <b>bold</b> text.", "\ufeff  Title",
		"Headline\n\n<Name> said the talks ended.", "Headline\n<3 hearts and <b>", "Headline\n\n<unclosed"} {
		if _, _, ok := readMarkup([]byte(in), nil); ok {
			t.Errorf("%q read as markup", in)
		}
	}
}

// TestFeedDate reads the issue date forms of feeds and refuses days
// that do not exist.
func TestFeedDate(t *testing.T) {
	for in, want := range map[string]string{
		"20220412T093000Z": "2022-04-12", "2022-04-12": "2022-04-12", "2022-04-12T09:30:00+02:00": "2022-04-12",
		"20220231": "", "2022": "", "": "", "abc": "",
		"Thu, 21 Apr 2022 10:05:00 GMT": "2022-04-21", "Fri, 21 Apr 2022 10:05:00 GMT": "", "21 Apr 2022": "2022-04-21",
	} {
		f := feed{date: in}
		if got := f.meta().Published.ISO(); got != want {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
	}
}

// TestLocalFeedDate checks which of a feed's dates gives its day: a UTC
// time gives way to the same day written in the outlet's own terms.
func TestLocalFeedDate(t *testing.T) {
	tests := []struct {
		dates []string
		want  string
	}{
		{[]string{"20180501T223000Z", "20180501T223000Z", "20180502T083000+1000"}, "20180502T083000+1000"},
		{[]string{"20180501T223000Z", "20180502"}, "20180502"},
		{[]string{"2022-02-01T07:30:00+00:00", "2022-01-31T23:30:00-08:00"}, "2022-01-31T23:30:00-08:00"},
		{[]string{"20180501T223000Z", "20180515"}, "20180501T223000Z"},         // not the same day
		{[]string{"20180501T223000Z", "20180503T083000Z"}, "20180501T223000Z"}, // UTC both
		{[]string{"20180502T083000+1000", "20180501T223000Z"}, "20180502T083000+1000"},
		{[]string{"20180502", "20180501T223000Z"}, "20180502"},
		{[]string{"Tue, 01 May 2018 22:30:00 GMT", "2018-05-02T08:30:00+10:00"}, "2018-05-02T08:30:00+10:00"},
		{nil, ""},
	}
	for _, tt := range tests {
		if got := localFeedDate(tt.dates); got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.dates, got, tt.want)
		}
	}
}

// TestFeedStory checks that an RSS item's story is its content when it
// has one, else its description, and never a picture's caption or the
// channel's description.
func TestFeedStory(t *testing.T) {
	const head = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Site</title><description>The latest news from the city</description><item><title>Drivers vote to strike</title>`
	const tail = `<media:content url="x.jpg"><media:description>Buses at the depot in 2015.</media:description></media:content></item></channel></rss>`
	tests := []struct {
		name, item, want string
	}{
		{"content over the teaser", `<description>&lt;p&gt;Drivers have voted for strike action.&lt;/p&gt;</description><content:encoded><![CDATA[<p>BUS drivers have voted to walk out.</p><p>The result was announced on Wednesday.</p>]]></content:encoded>`,
			"Drivers vote to strike\n\nBUS drivers have voted to walk out.\nThe result was announced on Wednesday.\n"},
		{"the description alone", `<description><![CDATA[<p>Drivers have voted for strike action on Wednesday.</p>]]></description>`,
			"Drivers vote to strike\n\nDrivers have voted for strike action on Wednesday.\n"},
	}
	for _, tt := range tests {
		f, err := readFeed([]byte(head + tt.item + tail))
		if err != nil {
			t.Fatal(err)
		}
		if got := f.text(); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestFeedDatelineDay checks that a feed's dateline gives the local day
// of its UTC time only when that day is the next one and a zone east of
// UTC can reach it.
func TestFeedDatelineDay(t *testing.T) {
	tests := []struct {
		date, dateline, want string
	}{
		{"20100615T233000Z", "WELLINGTON, June 16 (NZNS)", "2010-06-16"},
		{"Tue, 15 Jun 2010 23:30:00 GMT", "WELLINGTON, June 16", "2010-06-16"},
		{"20100615T233000Z", "WELLINGTON, June 15 (NZNS)", "2010-06-15"},
		{"20121004T091500Z", "BRASILIA Oct 3, 2012", "2012-10-04"}, // filed the day before
		{"20100615T083000Z", "WELLINGTON, June 16", "2010-06-15"},  // no zone is 16 hours ahead
		{"20100615T233000+1200", "WELLINGTON, June 16", "2010-06-15"},
		{"20100615T233000Z", "WELLINGTON", "2010-06-15"},
	}
	for _, tt := range tests {
		f := feed{date: tt.date, dateline: tt.dateline}
		if got := f.meta().Published.ISO(); got != tt.want {
			t.Errorf("%q, %q: got %s, want %s", tt.date, tt.dateline, got, tt.want)
		}
	}
}

// FuzzReadMarkup feeds markup to the reader: it must not panic, and the
// blocks extracted must be pieces of the text the markup reads as, at
// their offsets.
func FuzzReadMarkup(f *testing.F) {
	for _, p := range []string{"testdata/markup/nitf.xml", "testdata/markup/saved_page.html"} {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("<nitf><hl1>T</hl1><p>a<p>b</nitf>"))
	f.Add([]byte("<?xml version='1.0' encoding='latin1'?><x/>"))
	f.Add([]byte("Headline\n\n<nitf><hl1>Other</hl1><p>a</p></nitf>"))
	f.Add([]byte("<item><title>T</title><link>u</link><pubDate>Thu, 21 Apr 2022</pubDate><description><![CDATA[<p>a</p>]]></description></item>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		text, _, ok := readMarkup(data, nil)
		if !ok {
			return
		}
		for _, b := range Extract("fuzz.xml", data, Options{}).Blocks {
			if b.Offset < 0 || b.Offset+len(b.Text) > len(text) || string(text[b.Offset:b.Offset+len(b.Text)]) != b.Text {
				t.Fatalf("block %q not at %d of the text read", b.Text, b.Offset)
			}
		}
	})
}

// TestJoinCharData checks that the text of an element and the elements
// inside it is joined as written, with a space only where two pieces
// would run together.
func TestJoinCharData(t *testing.T) {
	tests := []struct {
		parts []string
		want  string
	}{
		{[]string{"SANTIAGO, Chile", ", ", "Sept. 5"}, "SANTIAGO, Chile, Sept. 5"},
		{[]string{"Rates rise", "Markets fall"}, "Rates rise Markets fall"},
		{[]string{"end.", "Next"}, "end. Next"},
		{[]string{"the ", "quick", " fox"}, "the quick fox"},
		{[]string{"(", "AP", ")"}, "(AP)"},
	}
	for _, tt := range tests {
		if got := joinCharData(tt.parts); got != tt.want {
			t.Errorf("joinCharData(%q) = %q, want %q", tt.parts, got, tt.want)
		}
	}
}
