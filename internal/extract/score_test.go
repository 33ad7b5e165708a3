package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/timeline"
	"gopkg.in/yaml.v3"
)

// label is the expected extraction of one text in testdata/labels.yaml.
type label struct {
	File     string   `yaml:"file"`
	Headline string   `yaml:"headline"`
	Derived  bool     `yaml:"derived"`
	Date     string   `yaml:"date"`
	First    string   `yaml:"first"`
	Last     string   `yaml:"last"`
	Note     string   `yaml:"note"`
	Chrome   []string `yaml:"chrome"`
}

// testWindow is the chronology window the score test extracts with: the
// span of the dev corpus.
var testWindow = Options{WindowStart: timeline.DayOf(2021, 11, 1), WindowEnd: timeline.DayOf(2022, 12, 31)}

// findShared walks up from the working directory to the folder that
// holds shared/corpus, and returns that shared folder, or "".
func findShared() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, "shared")
		if st, err := os.Stat(filepath.Join(p, "corpus")); err == nil && st.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func readLabels(t testing.TB) []label {
	return readYAMLList[label](t, "testdata/labels.yaml")
}

// readYAMLList decodes the YAML list in the file at path, refusing keys
// that T has no field for.
func readYAMLList[T any](t testing.TB, path string) []T {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dec := yaml.NewDecoder(f)
	dec.KnownFields(true)
	var list []T
	if err := dec.Decode(&list); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return list
}

// labelText returns the text a label names: synthetic texts live in
// testdata, the seeds are the sample site's articles, the others are in
// the shared folder ("" when there is none).
func labelText(shared, file string) ([]byte, error) {
	if strings.HasPrefix(file, "synthetic/") {
		return os.ReadFile(filepath.Join("testdata", file))
	}
	if seed, ok := strings.CutPrefix(file, "seeds/"); ok {
		return os.ReadFile(filepath.Join("..", "..", "content", "articles", seed))
	}
	if shared == "" {
		return nil, os.ErrNotExist
	}
	return os.ReadFile(filepath.Join(shared, file))
}

// shipped reports whether a label's text ships with the repository.
func shipped(file string) bool {
	return strings.HasPrefix(file, "synthetic/") || strings.HasPrefix(file, "seeds/")
}

// piece is a stretch of source text the score counts as one unit.
type piece struct {
	start, end int
	article    bool
}

// pieces cuts the non-empty lines of text into units: the parts inside the
// labelled article range [from, to) are article text, except the labelled
// chrome inside it; everything else is boilerplate.
func pieces(text string, from, to int, chrome []string) []piece {
	var cuts []int
	cuts = append(cuts, from, to)
	var chromeSpans [][2]int
	for _, c := range chrome {
		for i := 0; ; {
			j := strings.Index(text[i:], c)
			if j < 0 {
				break
			}
			chromeSpans = append(chromeSpans, [2]int{i + j, i + j + len(c)})
			cuts = append(cuts, i+j, i+j+len(c))
			i += j + len(c)
		}
	}
	var out []piece
	for _, l := range splitLines(text) {
		bounds := []int{l.Start, l.End}
		for _, c := range cuts {
			if c > l.Start && c < l.End {
				bounds = append(bounds, c)
			}
		}
		sort.Ints(bounds)
		for k := 0; k+1 < len(bounds); k++ {
			s, e := trimSpan(text, bounds[k], bounds[k+1])
			if e-s < 3 {
				continue
			}
			article := s >= from && e <= to
			for _, cs := range chromeSpans {
				if s >= cs[0] && e <= cs[1] {
					article = false
				}
			}
			out = append(out, piece{s, e, article})
		}
	}
	return out
}

// covered reports whether at least half of p lies in the kept blocks.
func covered(p piece, blocks []timeline.Block) bool {
	n := 0
	for _, b := range blocks {
		s, e := max(p.start, b.Offset), min(p.end, b.Offset+len(b.Text))
		if e > s {
			n += e - s
		}
	}
	return 2*n >= p.end-p.start
}

// score is the tally over the labelled set.
type score struct {
	texts, headlines            int
	datedLabels, correct, wrong int
	undatedLabels, undatedRight int
	articlePieces, lost         int
	chromePieces, keptChrome    int
	failures                    []string
}

// TestScore scores extraction on the labelled set and fails below the
// bar: headline exact ≥ 95 %, correct date ≥ 90 % of the texts whose text
// carries date evidence, no wrong date, kept boilerplate ≤ 2 %, lost
// article pieces ≤ 2 %.
//
// A date is correct when the label gives a date and the extracted Event,
// cut to the label's precision, equals it. It is wrong when the Event is
// set and is not that date, or when the label says "undated" and an Event
// is set (a guess). An undated result for a dated label is a miss: not
// wrong, not correct. Texts "carrying date evidence" are those whose
// label gives a date.
//
// Body text is scored on pieces: each non-empty source line, cut at the
// labelled first and last paragraph and at labelled chrome. A piece inside
// the range and not chrome is article text, and lost unless at least half
// its bytes are in kept blocks; any other piece is boilerplate, and kept
// if at least half its bytes are in kept blocks.
//
// TestScore scores the texts that ship with the repository (the synthetic
// cases and the sample site's articles), so it runs on a clean clone;
// TestScoreShared adds the dev corpus of ../shared.
func TestScore(t *testing.T) {
	var labels []label
	for _, l := range readLabels(t) {
		if shipped(l.File) {
			labels = append(labels, l)
		}
	}
	scoreLabels(t, "", labels)
}

// TestScoreShared is TestScore on the whole labelled set, the dev corpus
// of ../shared/corpus included; it skips without it.
func TestScoreShared(t *testing.T) {
	shared := findShared()
	if shared == "" {
		t.Skip("shared/corpus not found above the working directory")
	}
	scoreLabels(t, shared, readLabels(t))
}

// scoreLabels scores extraction on labels and fails below TestScore's
// bars.
func scoreLabels(t *testing.T, shared string, labels []label) {
	var sc score
	for _, l := range labels {
		data, err := labelText(shared, l.File)
		if err != nil {
			t.Fatalf("%s: %v", l.File, err)
		}
		sc.add(t, l, string(data), Extract(l.File, data, testWindow))
	}
	table := sc.table()
	t.Log("\n" + table)
	for _, f := range sc.failures {
		t.Log(f)
	}
	pct := func(a, b int) float64 { return 100 * float64(a) / float64(max(b, 1)) }
	if pct(sc.headlines, sc.texts) < 95 {
		t.Errorf("headline exact %.1f%% < 95%%", pct(sc.headlines, sc.texts))
	}
	if pct(sc.correct, sc.datedLabels) < 90 {
		t.Errorf("correct date %.1f%% < 90%%", pct(sc.correct, sc.datedLabels))
	}
	if sc.wrong > 0 {
		t.Errorf("%d wrong dates", sc.wrong)
	}
	if pct(sc.keptChrome, sc.chromePieces) > 2 {
		t.Errorf("kept boilerplate %.1f%% > 2%%", pct(sc.keptChrome, sc.chromePieces))
	}
	if pct(sc.lost, sc.articlePieces) > 2 {
		t.Errorf("lost article text %.1f%% > 2%%", pct(sc.lost, sc.articlePieces))
	}
}

func (sc *score) add(t *testing.T, l label, text string, a *Article) {
	sc.texts++
	fail := func(format string, args ...any) {
		sc.failures = append(sc.failures, l.File+": "+fmt.Sprintf(format, args...))
	}
	if a.Title == l.Headline && a.TitleDerived == l.Derived {
		sc.headlines++
	} else {
		fail("headline %q (derived %v), want %q", a.Title, a.TitleDerived, l.Headline)
	}
	for _, b := range a.Blocks {
		if b.Offset < 0 || b.Offset+len(b.Text) > len(text) || text[b.Offset:b.Offset+len(b.Text)] != b.Text {
			t.Errorf("%s: block at %d is not the source text there", l.File, b.Offset)
		}
	}
	if l.Date == "undated" {
		sc.undatedLabels++
		if a.Event.IsZero() {
			sc.undatedRight++
		} else {
			sc.wrong++
			fail("event %s, want undated (%v)", a.Event, a.EventEvidence)
		}
	} else {
		sc.datedLabels++
		want, err := timeline.ParseDate(l.Date)
		if err != nil {
			t.Fatalf("%s: date %q: %v", l.File, l.Date, err)
		}
		switch {
		case a.Event.IsZero():
			fail("undated (%s), want %s", a.Undated, l.Date)
		case atPrecision(a.Event, want.Precision) == want.ISO():
			sc.correct++
		default:
			sc.wrong++
			fail("event %s, want %s (%v)", a.Event, l.Date, a.EventEvidence)
		}
	}
	from := strings.Index(text, l.First)
	last := strings.LastIndex(text, l.Last)
	if from < 0 || last < 0 {
		t.Fatalf("%s: first or last paragraph not in the text", l.File)
	}
	for _, p := range pieces(text, from, last+len(l.Last), l.Chrome) {
		kept := covered(p, a.Blocks)
		if p.article {
			sc.articlePieces++
			if !kept {
				sc.lost++
				fail("lost %q", clip(text[p.start:p.end]))
			}
		} else {
			sc.chromePieces++
			if kept {
				sc.keptChrome++
				fail("kept boilerplate %q", clip(text[p.start:p.end]))
			}
		}
	}
}

// atPrecision returns d's ISO form cut to precision p.
func atPrecision(d timeline.Date, p timeline.Precision) string {
	c := d
	if c.Precision > p {
		c.Precision = p
	}
	return c.ISO()
}

func clip(s string) string {
	if len(s) > 70 {
		return s[:70] + "…"
	}
	return s
}

func (sc *score) table() string {
	pct := func(a, b int) string { return fmt.Sprintf("%.1f %%", 100*float64(a)/float64(max(b, 1))) }
	var b strings.Builder
	fmt.Fprintf(&b, "| measure | count | score | bar |\n|---|---|---|---|\n")
	fmt.Fprintf(&b, "| headline exact | %d / %d | %s | ≥ 95 %% |\n", sc.headlines, sc.texts, pct(sc.headlines, sc.texts))
	fmt.Fprintf(&b, "| correct date (texts with date evidence) | %d / %d | %s | ≥ 90 %% |\n", sc.correct, sc.datedLabels, pct(sc.correct, sc.datedLabels))
	fmt.Fprintf(&b, "| wrong dates | %d / %d | %s | 0 |\n", sc.wrong, sc.texts, pct(sc.wrong, sc.texts))
	fmt.Fprintf(&b, "| undated texts left undated | %d / %d | %s | |\n", sc.undatedRight, sc.undatedLabels, pct(sc.undatedRight, sc.undatedLabels))
	fmt.Fprintf(&b, "| kept boilerplate pieces | %d / %d | %s | ≤ 2 %% |\n", sc.keptChrome, sc.chromePieces, pct(sc.keptChrome, sc.chromePieces))
	fmt.Fprintf(&b, "| lost article pieces | %d / %d | %s | ≤ 2 %% |\n", sc.lost, sc.articlePieces, pct(sc.lost, sc.articlePieces))
	return b.String()
}

// splitLines returns the non-empty lines of text, trimmed, with offsets.
func splitLines(text string) []span {
	return appendLines(nil, text)
}
