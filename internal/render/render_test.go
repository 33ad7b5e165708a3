package render

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"strings"
	"sync"
	"testing"

	"github.com/newsroom/timeline/internal/timeline"
)

// TestPermalinkDependsOnlyOnID renders the fixture twice, the second time
// with every entry retitled, redated and reordered, and checks that each
// entry keeps its page's path.
func TestPermalinkDependsOnlyOnID(t *testing.T) {
	for _, tt := range []struct{ id, wantURL, wantPath string }{
		{"2022-02-18-first-call", "entries/2022-02-18-first-call/", "entries/2022-02-18-first-call/index.html"},
		{"x", "entries/x/", "entries/x/index.html"},
	} {
		if got := EntryURL(tt.id); got != tt.wantURL {
			t.Errorf("EntryURL(%q) = %q, want %q", tt.id, got, tt.wantURL)
		}
		if got := pagePath(EntryURL(tt.id)); got != tt.wantPath {
			t.Errorf("pagePath(EntryURL(%q)) = %q, want %q", tt.id, got, tt.wantPath)
		}
	}
	before := renderFixture(t)
	chron := fixture()
	for i, e := range chron.Entries {
		e.Title, e.Date = "Changed "+e.Title, timeline.DayOf(2022, 5, 20-i)
	}
	timeline.SortEntries(chron.Entries)
	after := renderFiles(t, chron, Options{})
	for _, e := range chron.Entries {
		p := pagePath(EntryURL(e.ID))
		if before[p] == nil || after[p] == nil {
			t.Errorf("%s: entry %s moved when its title and date changed", p, e.ID)
		}
	}
}

func TestValidOutputPath(t *testing.T) {
	tests := []struct {
		path string
		want bool
	}{
		{"index.html", true},
		{"entries/a/index.html", true},
		{"", false},
		{"../x", false},
		{"entries/../../x", false},
		{"/etc/passwd", false},
		{"a//b", false},
		{"a/./b", false},
		{`a\..\b`, false},
	}
	for _, tt := range tests {
		if got := ValidOutputPath(tt.path); got != tt.want {
			t.Errorf("ValidOutputPath(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

func TestRenderRefusesEscapingIDs(t *testing.T) {
	chron := fixture()
	chron.Entries[0].ID = "../../outside"
	err := Render(chron, loadDefaults(t), Options{}, Discard)
	if err == nil || !strings.Contains(err.Error(), "would leave the output folder") {
		t.Errorf("Render with id ../../outside: err = %v, want a refusal", err)
	}
}

func TestAtomParses(t *testing.T) {
	files := renderFixture(t)
	var feed atomFeed
	if err := xml.Unmarshal(files["feed.xml"], &feed); err != nil {
		t.Fatalf("feed.xml: %v", err)
	}
	if feed.XMLName.Space != "http://www.w3.org/2005/Atom" {
		t.Errorf("namespace %q, want Atom's", feed.XMLName.Space)
	}
	if got, want := feed.Updated, "2022-05-13T00:00:00Z"; got != want {
		t.Errorf("feed updated %q, want the latest entry's date %q", got, want)
	}
	if len(feed.Entries) != 4 {
		t.Fatalf("%d entries, want 4", len(feed.Entries))
	}
	first := feed.Entries[0]
	if first.ID != "https://example.org/tl/entries/2022-05-13-second-call/" || first.Title != "Second call" || first.Links[0].Href != first.ID {
		t.Errorf("first entry = %+v, want the newest entry with its absolute permalink", first)
	}
	if strings.Contains(string(files["feed.xml"]), "href=&#34;javascript:") {
		t.Error("feed.xml carries a javascript: link")
	}
}

func TestJSONFeedFields(t *testing.T) {
	var feed jsonFeed
	if err := json.Unmarshal(renderFixture(t)["feed.json"], &feed); err != nil {
		t.Fatal(err)
	}
	if feed.Version != "https://jsonfeed.org/version/1.1" || feed.Title != "Test & chronology" || feed.FeedURL != "https://example.org/tl/feed.json" || feed.HomePageURL != "https://example.org/tl/" {
		t.Errorf("feed header = %+v", feed)
	}
	if len(feed.Items) != 4 {
		t.Fatalf("%d items, want 4", len(feed.Items))
	}
	for _, it := range feed.Items {
		if it.ID == "" || !strings.HasPrefix(it.URL, "https://example.org/tl/entries/") || it.Title == "" || it.DatePublished == "" || it.ContentHTML == "" {
			t.Errorf("item %+v lacks a required field", it)
		}
	}
	if got := feed.Items[3].DatePublished; got != "2022-02-18T00:00:00Z" {
		t.Errorf("oldest item date_published %q, want 2022-02-18T00:00:00Z", got)
	}
}

func TestTimelineJSFields(t *testing.T) {
	var doc struct {
		Title struct {
			Text tlText `json:"text"`
		} `json:"title"`
		Events []map[string]any `json:"events"`
		Eras   []tlEra          `json:"eras"`
	}
	if err := json.Unmarshal(renderFixture(t)["timelinejs.json"], &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Title.Text.Headline != "Test &amp; chronology" {
		t.Errorf("title headline %q", doc.Title.Text.Headline)
	}
	if len(doc.Events) != 4 || len(doc.Eras) != 2 {
		t.Fatalf("%d events and %d eras, want 4 and 2", len(doc.Events), len(doc.Eras))
	}
	tests := []struct {
		i                 int
		year, month, day  any
		headline, group   string
		displayDateSubstr string
	}{
		{0, "2022", "2", "18", "First call &lt;between&gt; ministers", "Before", "18 February 2022"},
		{1, "2022", "3", nil, "Talks sometime in March", "After", "March 2022"},
		{2, "2022", "4", "10", "An approximate date", "After", "c. 10 April 2022"},
	}
	for _, tt := range tests {
		ev := doc.Events[tt.i]
		start := ev["start_date"].(map[string]any)
		text := ev["text"].(map[string]any)
		if start["year"] != tt.year || start["month"] != tt.month || start["day"] != tt.day {
			t.Errorf("event %d start_date = %v, want %v-%v-%v", tt.i, start, tt.year, tt.month, tt.day)
		}
		if text["headline"] != tt.headline || ev["group"] != tt.group || start["display_date"] != tt.displayDateSubstr {
			t.Errorf("event %d = %v", tt.i, ev)
		}
		if !strings.Contains(text["text"].(string), "https://example.org/tl/entries/") {
			t.Errorf("event %d text lacks its permalink: %v", tt.i, text["text"])
		}
	}
	if e := doc.Eras[0]; e.Text.Headline != "Before" || e.StartDate.Year != "2022" || e.EndDate.Day != "28" {
		t.Errorf("era 0 = %+v", e)
	}
}

func TestTimelineJSONFormat(t *testing.T) {
	var doc map[string][]map[string]any
	if err := json.Unmarshal(renderFixture(t)["timeline.json"], &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc) != 1 || len(doc["entries"]) != 4 {
		t.Fatalf("timeline.json = %v, want {\"entries\": [4 entries]}", doc)
	}
	for _, e := range doc["entries"] {
		if len(e) != 6 {
			t.Errorf("entry %v: want exactly id, title, date, url, sources, summary", e)
		}
	}
	if got := doc["entries"][1]["date"]; got != "2022-03" {
		t.Errorf("month-only date %v, want 2022-03", got)
	}
}

func TestPagesEscapeAndLink(t *testing.T) {
	files := renderFixture(t)
	entry := string(files["entries/2022-02-18-first-call/index.html"])
	for _, want := range []string{
		"First call &lt;between&gt; ministers",
		`<a href="https://example.com/a">good</a>`,
		`<link rel="canonical" href="https://example.org/tl/entries/2022-02-18-first-call/">`,
		`href="../../people/ann-able/"`, `href="../../tags/military-channels/"`,
		"Editor’s note", "Dated from the ministry&#39;s readout.",
	} {
		if !strings.Contains(entry, want) {
			t.Errorf("entry page lacks %s", want)
		}
	}
	for name, data := range files {
		if strings.Contains(string(data), `href="javascript:`) || strings.Contains(string(data), "<script>alert") {
			t.Errorf("%s carries unsafe markup", name)
		}
	}
	second := string(files["entries/2022-05-13-second-call/index.html"])
	if !strings.Contains(second, "84 days") || !strings.Contains(second, `href="../../entries/2022-02-18-first-call/"`) {
		t.Error("second call's page lacks its contact interval and link to the previous call")
	}
	person := string(files["people/ann-able/index.html"])
	if !strings.Contains(person, "Spoke with") || !strings.Contains(person, `href="../../people/boris-bold/"`) {
		t.Error("Ann Able's page does not say she spoke with Boris Bold")
	}
	if _, ok := files["people/cy-unknown/index.html"]; !ok {
		t.Error("a person missing from people.yaml gets no page")
	}
	if tags := string(files["tags/index.html"]); strings.Count(tags, "military-channels/") != 1 {
		t.Error(`"military channels" and "Military Channels" should be one tag`)
	}
	if strings.Contains(string(files["index.html"]), "_gen") {
		t.Error("the built index holds the preview's reload script")
	}
}

// TestPageBuffersReused renders three times over on two workers with an
// emitter that copies each file: every render gives the same files, so a
// page's buffer is reused only once its page was emitted.
func TestPageBuffersReused(t *testing.T) {
	want := renderFixture(t)
	tmpl := loadDefaults(t)
	for round := range 3 {
		var mu sync.Mutex
		got := map[string][]byte{}
		err := Render(fixture(), tmpl, Options{Workers: 2}, WriteFunc(func(path string, data []byte) error {
			mu.Lock()
			got[path] = bytes.Clone(data)
			mu.Unlock()
			return nil
		}))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("round %d: %d files, want %d", round, len(got), len(want))
		}
		for path, data := range want {
			if !bytes.Equal(got[path], data) {
				t.Errorf("round %d: %s differs from the first render's", round, path)
			}
		}
	}
}
