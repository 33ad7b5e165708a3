package merge_test

import (
	"bufio"
	"encoding/json"
	"flag"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/content"
	"github.com/newsroom/timeline/internal/extract"
	"github.com/newsroom/timeline/internal/merge"
	"github.com/newsroom/timeline/internal/names"
	"github.com/newsroom/timeline/internal/timeline"
	"github.com/spf13/afero"
)

// labelled is one labelled report: its text, what its scrape's metadata
// says, and the event it tells.
type labelled struct {
	name  string
	text  []byte
	meta  extract.Meta
	event string
}

// pairScore counts pairs of reports: joined by merging and told of one
// event by the labels.
type pairScore struct {
	truePos, falsePos, falseNeg, pairs int
}

func (s pairScore) precision() float64 {
	if s.truePos+s.falsePos == 0 {
		return 1
	}
	return float64(s.truePos) / float64(s.truePos+s.falsePos)
}

func (s pairScore) recall() float64 {
	if s.truePos+s.falseNeg == 0 {
		return 1
	}
	return float64(s.truePos) / float64(s.truePos+s.falseNeg)
}

// mergeLabelled extracts and merges reports as a site would, with the
// people of testdata/events/people.yaml, and returns the entry each
// report ended in, by name ("" when left out).
func mergeLabelled(t *testing.T, reports []labelled) map[string]string {
	t.Helper()
	chron, _ := merge.Merge(loadLabelled(t, reports))
	got := map[string]string{}
	for _, a := range chron.Articles {
		got[strings.TrimSuffix(path.Base(a.Path), ".txt")] = a.EntryID
	}
	return got
}

// loadLabelled loads and extracts reports as a site would, with the
// people of testdata/events/people.yaml.
func loadLabelled(t *testing.T, reports []labelled) (*content.Content, []*extract.Article) {
	t.Helper()
	fsys := afero.NewMemMapFs()
	for _, f := range []string{"people.yaml", "site.yaml"} {
		data, err := os.ReadFile(filepath.Join("testdata", "events", f))
		if err != nil {
			t.Fatal(err)
		}
		afero.WriteFile(fsys, "content/"+f, data, 0o644)
	}
	for _, r := range reports {
		afero.WriteFile(fsys, "content/articles/"+r.name+".txt", r.text, 0o644)
	}
	c, diags := content.Load(fsys, "content")
	if err := diags.Err(); err != nil {
		t.Fatal(err)
	}
	opts := extract.Options{WindowStart: c.Site.Start, WindowEnd: c.Site.End, Names: names.New(c.People)}
	byPath := map[string]labelled{}
	for _, r := range reports {
		byPath["articles/"+r.name+".txt"] = r
	}
	var articles []*extract.Article
	for _, a := range c.Articles {
		r := byPath[a.Path]
		articles = append(articles, extract.ExtractWith(a.Path, r.text, r.meta, opts))
	}
	return c, articles
}

// scorePairs compares every pair of reports' entries with their labels.
func scorePairs(reports []labelled, entryOf map[string]string) (pairScore, []string) {
	var s pairScore
	var wrong []string
	for i, a := range reports {
		for _, b := range reports[i+1:] {
			s.pairs++
			joined := entryOf[a.name] != "" && entryOf[a.name] == entryOf[b.name]
			same := a.event == b.event
			switch {
			case joined && same:
				s.truePos++
			case joined:
				s.falsePos++
				wrong = append(wrong, "joined "+a.name+" "+b.name)
			case same:
				s.falseNeg++
				wrong = append(wrong, "apart "+a.name+" "+b.name)
			}
		}
	}
	return s, wrong
}

// readLabels reads a labels file: "file event outlet..." per line, "#"
// comments. With published, each report's metadata also gets the
// publication day of the set's published.txt ("file YYYY-MM-DD" per
// line), as a scrape's metadata gives it.
func readLabels(t *testing.T, dir string, published bool) []labelled {
	t.Helper()
	days := map[string]timeline.Date{}
	if published {
		days = readPublished(t, dir)
	}
	f, err := os.Open(filepath.Join(dir, "labels.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 3 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		text, err := os.ReadFile(filepath.Join(dir, fields[0]+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, labelled{name: fields[0], text: text, event: fields[1], meta: extract.Meta{Outlet: strings.Join(fields[2:], " "), Published: days[fields[0]]}})
	}
	return out
}

// readPublished reads a set's published.txt: "file YYYY-MM-DD" per line.
func readPublished(t *testing.T, dir string) map[string]timeline.Date {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "published.txt"))
	if err != nil {
		t.Fatal(err)
	}
	days := map[string]timeline.Date{}
	for _, line := range strings.Split(string(data), "\n") {
		fields := strings.Fields(line)
		if len(fields) != 2 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		day, err := timeline.ParseDate(fields[1])
		if err != nil {
			t.Fatalf("%s/published.txt: %v", dir, err)
		}
		days[fields[0]] = day
	}
	return days
}

// TestMergeLabelledReports measures pairwise precision and recall of
// automatic merging on the reports of testdata/events, written for this
// test: dev, on which the rule was tuned; held, written before any
// tuning, whose result under the first rule was seen (precision 0.80,
// recall 0.40) and made dev gain hard cases, never tuned on; held2,
// written after that and before the rule was tuned again, never tuned
// on; held3, one day's scrape written by a session that never read the
// rule, its pairs never looked at (its totals turned down joining by
// proper words from a wording of 0.12; see docs/merging.md); dev3, a second one-day scrape (16
// March 2022) written the same way as a development set for tuning;
// dev4, a third (21 September 2022), written blind, first scored under
// the rule of the time (precision 0.341, recall 0.417), then tuned on;
// held5, a fourth (15 November 2022), written blind and scored once as
// a held-out set under the rule it was held back from, development data
// since (its pairs were looked at); held6, a fifth (8 March 2022),
// written blind, copied in once the rule was set and scored once, never
// tuned on; held7, a sixth (24 May 2022), written blind after the rule
// with proper words had landed, copied in and scored once blind,
// development data since; held8, a seventh (8 July 2022), written
// blind after the rule of a group's every report had landed, copied in
// and scored once; held9, an eighth (20 January 2022), written blind,
// scored once under a rule that let proper words alone join a pair
// (precision 0.812), which was then dropped; development data since;
// held10, a ninth (16 August 2022), written blind after that, copied in
// and scored once under the rule of its day (recall 0.467); held11, a
// tenth (7 July 2022), written blind, scored once under that rule
// (precision 1.000, recall 0.323) and once under the rule of today,
// whose named pairs were set on the development sets' pairs alone
// (recall 0.387); held12, an eleventh (30 September 2022), written
// blind after that, scored once under the rule of today (precision
// 1.000, recall 0.718); held13, a twelfth (9 November 2022), written
// blind after that, scored once (precision 1.000, recall 0.212, 0.455
// with publication days); held14, a thirteenth (20 October 2022),
// written blind after that, scored once (precision 0.920, recall 0.523;
// 0.944 and 0.773 with publication days), development data since: its
// two wrong pairs are two matches of one tournament, played at one
// ground on one day, whose reports each tell the other's result, and
// its floors are those figures; held15, a fourteenth (6 February 2023),
// written blind after that, scored once (precision 1.000, recall 0.256;
// 1.000 and 0.581 with publication days), never tuned on; held16, a
// fifteenth (24 June 2022), written blind after that, scored once
// (precision 1.000, recall 0.350; 1.000 and 0.375 with publication
// days), never tuned on; held17, a sixteenth (9 September 2022), written
// blind after that, scored once (precision 1.000, recall 0.355; 0.941
// and 0.516 with publication days: one false join, not looked at), never
// tuned on; held18, a seventeenth (10 March 2023), written blind after
// that, scored once (precision 1.000, recall 0.156; 1.000 and 0.281 with
// publication days), never tuned on. The wrong pairs of the development sets
// (development) print. The floors are the figures measured
// when the rule was set (see docs/merging.md), so that a change that
// loses precision or recall fails; the one-day scrapes' recall is below
// the 0.80.
func TestMergeLabelledReports(t *testing.T) {
	for _, part := range []struct {
		dir               string
		published         bool
		precision, recall float64
	}{
		{"dev", false, 0.95, 0.87},
		{"held", false, 0.95, 0.65},
		{"held2", false, 0.95, 0.62},
		{"held3", false, 0.95, 0.47},
		{"held3", true, 0.95, 0.50},
		{"held5", false, 0.95, 0.08},
		{"held5", true, 0.95, 0.27},
		{"held6", false, 0.95, 0.43},
		{"held6", true, 0.95, 0.45},
		{"held7", false, 0.95, 0.73},
		{"held7", true, 0.95, 0.79},
		{"held8", false, 0.95, 0.53},
		{"held8", true, 0.95, 0.60},
		{"held9", false, 0.95, 0.35},
		{"held9", true, 0.95, 0.35},
		{"held10", false, 0.95, 0.50},
		{"held10", true, 0.95, 0.59},
		{"held11", false, 0.95, 0.38},
		{"held11", true, 0.95, 0.45},
		{"held12", false, 0.95, 0.71},
		{"held12", true, 0.95, 0.74},
		{"held13", false, 0.95, 0.21},
		{"held13", true, 0.95, 0.45},
		{"held14", false, 0.92, 0.52},
		{"held14", true, 0.94, 0.77},
		{"held15", false, 0.95, 0.25},
		{"held15", true, 0.95, 0.58},
		{"held16", false, 0.95, 0.35},
		{"held16", true, 0.95, 0.37},
		{"held17", false, 0.95, 0.35},
		{"held17", true, 0.94, 0.51},
		{"held18", false, 0.95, 0.15},
		{"held18", true, 0.95, 0.28},
		{"dev3", false, 1.00, 0.34},
		{"dev3", true, 1.00, 0.43},
		{"dev4", false, 0.95, 0.58},
		{"dev4", true, 0.95, 0.80},
	} {
		reports := readLabels(t, filepath.Join("testdata", "events", part.dir), part.published)
		s, wrong := scorePairs(reports, mergeLabelled(t, reports))
		name := part.dir
		if part.published {
			name += " with publication days"
		}
		t.Logf("%s: %d reports, %d pairs: precision %.3f (%d/%d), recall %.3f (%d/%d)", name, len(reports), s.pairs,
			s.precision(), s.truePos, s.truePos+s.falsePos, s.recall(), s.truePos, s.truePos+s.falseNeg)
		if development[part.dir] || *showHeld {
			for _, w := range wrong {
				t.Logf("%s: %s", part.dir, w)
			}
		}
		if s.precision() < part.precision || s.recall() < part.recall {
			t.Errorf("%s: precision %.3f, recall %.3f (want at least %.2f and %.2f)", part.dir, s.precision(), s.recall(), part.precision, part.recall)
		}
	}
}

// development are the sets the rule may be tuned on, whose wrong pairs
// print: held5 and held7 were scored once blind as held-out sets, then
// became development data.
var development = map[string]bool{"dev": true, "dev3": true, "dev4": true, "held5": true, "held7": true, "held9": true, "held14": true}

// showHeld lists the held-out sets' wrong pairs too. Whoever tunes the
// rule leaves it off, so the held-out sets stay unseen.
var showHeld = flag.Bool("showheld", false, "log the held-out sets' wrong pairs too")

// corpusLabels are the events of ../shared/corpus that more than one of
// its texts tell; every other text tells an event of its own. The dev
// part is texts 001-024, the held part 025-048, split before looking at
// any result.
var corpusLabels = map[string]string{
	"047": "zelensky-visits-washington",
	"048": "zelensky-visits-washington",
}

// TestMergeSharedCorpus measures merging on the texts of
// ../shared/corpus with their metadata (publication date, outlet, URL),
// as a one-year scrape: pairs joined against the labels. It skips
// without ../shared.
func TestMergeSharedCorpus(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "corpus")
	data, err := os.ReadFile(filepath.Join(dir, "metadata.json"))
	if err != nil {
		t.Skip("no ../shared/corpus: ", err)
	}
	var meta []struct{ File, Title, Published, Outlet, URL string }
	if err := json.Unmarshal(data, &meta); err != nil {
		t.Fatal(err)
	}
	parts := map[string][]labelled{}
	for _, m := range meta {
		name := strings.TrimSuffix(path.Base(m.File), ".txt")
		text, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(m.File)))
		if err != nil {
			t.Fatal(err)
		}
		published, _ := timeline.ParseDate(m.Published)
		event := corpusLabels[name]
		if event == "" {
			event = name
		}
		part := "dev"
		if name > "024" {
			part = "held"
		}
		parts[part] = append(parts[part], labelled{name: name, text: text, event: event,
			meta: extract.Meta{Published: published, Outlet: m.Outlet, URL: m.URL, Title: m.Title}})
	}
	for _, part := range slices.Sorted(func(yield func(string) bool) {
		for k := range parts {
			if !yield(k) {
				return
			}
		}
	}) {
		reports := parts[part]
		s, wrong := scorePairs(reports, mergeLabelled(t, reports))
		t.Logf("corpus %s: %d texts, %d pairs: precision %.3f (%d/%d), recall %.3f (%d/%d)", part, len(reports), s.pairs,
			s.precision(), s.truePos, s.truePos+s.falsePos, s.recall(), s.truePos, s.truePos+s.falseNeg)
		for _, w := range wrong {
			t.Logf("corpus %s: %s", part, w)
		}
		if s.falsePos > 0 {
			t.Errorf("corpus %s: %d pairs joined that tell different events", part, s.falsePos)
		}
	}
}

// TestMergerMatchesMergeLabelled merges development sets with a Merger,
// then again after one headline changed, and checks that each gives
// what Merge gives: the reuse of comparisons keeps what decides the
// groups of one-day scrapes too (proper words, weak pairs).
func TestMergerMatchesMergeLabelled(t *testing.T) {
	for _, dir := range []string{"dev4", "held7"} {
		c, articles := loadLabelled(t, readLabels(t, filepath.Join("testdata", "events", dir), true))
		var m merge.Merger
		for step := range 2 {
			if step == 1 {
				articles = slices.Clone(articles)
				a := *articles[0]
				a.Title += " as talks resume"
				articles[0] = &a
			}
			got, gotDiags := m.Merge(c, articles)
			want, wantDiags := merge.Merge(c, articles)
			if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotDiags, wantDiags) {
				t.Errorf("%s, merge %d: the Merger's chronology or problems differ from Merge's", dir, step+1)
			}
		}
	}
}
