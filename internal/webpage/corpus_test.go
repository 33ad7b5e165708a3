package webpage_test

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/extract"
	"github.com/newsroom/timeline/internal/newsdate"
	"github.com/newsroom/timeline/internal/timeline"
)

// corpusDir holds the saved pages of the shared corpus, beside the
// checkout; the corpus tests skip without it.
const corpusDir = "../../../shared/corpus/html"

// showHeld makes TestCorpus log the held-out pages' failures too;
// without it only the development pages' are logged, so that writing
// rules never sees the held-out ones.
var showHeld = flag.Bool("showheld", false, "log the held-out pages' failures too")

// heldOut reports whether a page was kept out of rule-writing: the split
// was fixed before any page was looked at, on a hash of its file name.
func heldOut(file string) bool {
	h := fnv.New32a()
	h.Write([]byte(file))
	return h.Sum32()%3 == 0
}

// label is the hand label of one page: its publication day ("" when the
// page states none) and headline.
type label struct{ published, headline string }

func readLabels(t *testing.T, path string) map[string]label {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	labels := map[string]label{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 {
			t.Fatalf("%s: %q: want file, published and headline", path, line)
		}
		l := label{published: cols[1], headline: cols[2]}
		if l.published == "-" {
			l.published = ""
		}
		labels[cols[0]] = l
	}
	return labels
}

// expectation is what trafilatura's tests say a page's text must and
// must not contain.
type expectation struct {
	MustContain    []string `json:"must_contain"`
	MustNotContain []string `json:"must_not_contain"`
}

// score is the tally of one part (development or held out).
type score struct {
	pages, labelled, dateRight, dateNear, dateWrong, undated, headlines int
	checks, checksHeld                                                  int
	failures                                                            []string
}

func (s *score) String() string {
	return fmt.Sprintf("%d pages: dates %d/%d right (%d within a day), %d wrong, %d undated; headlines %d/%d; expectations %d/%d",
		s.pages, s.dateRight, s.labelled, s.dateNear, s.dateWrong, s.undated, s.headlines, s.labelled, s.checksHeld, s.checks)
}

// TestCorpus extracts the shared corpus's saved pages and scores them
// against the hand labels and the must/must-not expectations, reporting
// the development and held-out parts apart.
func TestCorpus(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(corpusDir, "expectations.json"))
	if err != nil {
		t.Skipf("no shared corpus: %v", err)
	}
	var expectations map[string]expectation
	if err := json.Unmarshal(data, &expectations); err != nil {
		t.Fatal(err)
	}
	labels := readLabels(t, "testdata/labels.tsv")
	parts := map[bool]*score{false: {}, true: {}}
	pages, _ := filepath.Glob(filepath.Join(corpusDir, "pages", "*.htm*"))
	for _, p := range pages {
		name := filepath.Base(p)
		s := parts[heldOut(name)]
		page, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		a := extract.ExtractFile(name, page, extract.Options{})
		s.pages++
		if l, ok := labels[name]; ok {
			s.scoreLabel(name, l, a)
		}
		if e, ok := expectations[name]; ok {
			s.scoreText(name, e, a)
		}
	}
	for _, held := range []bool{false, true} {
		s := parts[held]
		t.Logf("held out %v: %s", held, s)
		if !held || *showHeld {
			for _, f := range s.failures {
				t.Log("  " + f)
			}
		}
	}
	total := parts[false].dateWrong + parts[true].dateWrong
	if total > 0 {
		t.Errorf("%d labelled dates wrong, want none (undated is better than wrong)", total)
	}
	checks, held := parts[false].checks+parts[true].checks, parts[false].checksHeld+parts[true].checksHeld
	// The target is 95 %; this floor only keeps what was
	// reached from slipping back (docs/html-pages.md has the figures).
	if held*100 < checks*85 {
		t.Errorf("expectations: %d of %d hold, want at least 85%%", held, checks)
	}
}

// scoreLabel scores the publication date and headline against a label.
func (s *score) scoreLabel(name string, l label, a *extract.Article) {
	s.labelled++
	got := ""
	if !a.Published.IsZero() {
		got = newsdate.DayOnly(a.Published).ISO() // the day; a time of day may come with it
	}
	switch {
	case got == l.published:
		s.dateRight++
		s.dateNear++
	case got == "":
		s.undated++
		s.failures = append(s.failures, fmt.Sprintf("%s: undated, labelled %s", name, l.published))
	case l.published != "" && withinADay(got, l.published):
		s.dateNear++
		s.dateWrong++
		s.failures = append(s.failures, fmt.Sprintf("%s: published %s, labelled %s (a day off)", name, got, l.published))
	default:
		s.dateWrong++
		s.failures = append(s.failures, fmt.Sprintf("%s: published %s, labelled %q (%s)", name, got, l.published, a.PublishedEvidence.Rule))
	}
	if sameQuotes(a.Title) == sameQuotes(l.headline) {
		s.headlines++
	} else {
		s.failures = append(s.failures, fmt.Sprintf("%s: headline %q, labelled %q", name, a.Title, l.headline))
	}
}

// withinADay reports whether two ISO days are at most a day apart.
func withinADay(a, b string) bool {
	da, errA := timeline.ParseDate(a)
	db, errB := timeline.ParseDate(b)
	if errA != nil || errB != nil {
		return false
	}
	n := newsdate.DaysBetween(da, db)
	return n >= -1 && n <= 1
}

// scoreText scores the extracted headline and body against what the
// page's text must and must not contain.
func (s *score) scoreText(name string, e expectation, a *extract.Article) {
	var b strings.Builder
	b.WriteString(a.Title)
	for _, block := range a.Blocks {
		b.WriteString("\n")
		b.WriteString(block.Text)
	}
	text := normalizeSpace(b.String())
	for _, want := range e.MustContain {
		s.checks++
		if strings.Contains(text, normalizeSpace(want)) {
			s.checksHeld++
		} else {
			s.failures = append(s.failures, fmt.Sprintf("%s: lacks %q", name, want))
		}
	}
	for _, unwanted := range e.MustNotContain {
		s.checks++
		if !strings.Contains(text, normalizeSpace(unwanted)) {
			s.checksHeld++
		} else {
			s.failures = append(s.failures, fmt.Sprintf("%s: holds %q", name, unwanted))
		}
	}
}

// normalizeSpace collapses white space, no-break spaces included.
func normalizeSpace(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}

// sameQuotes writes typographic quotes and apostrophes as plain ones: a
// label typed with "'" matches a page that sets "’".
func sameQuotes(s string) string {
	return strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`).Replace(s)
}
