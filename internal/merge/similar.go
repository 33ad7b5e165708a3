package merge

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/newsroom/timeline/internal/timeline"
)

// report is one entry that automatic merging may join with others: an
// article's entry, or an editor's entry.
type report struct {
	entry *timeline.Entry
	// page is the article's page; nil for an editor's entry.
	page *timeline.Article
	// key orders reports whatever the order of the files: the article's
	// path, or "entry:" and the editor entry's id.
	key string
	// day is the event date's day number, or noDay when the date is less
	// precise than a day: such a report never merges automatically.
	day int32
	// separate is set by the annotation separate: true; event is the id
	// its annotation event: names, and eventAt where.
	separate bool
	event    string
	eventAt  timeline.Position
	// words are the content words of its headline and lede (contentWords),
	// weights their weights (idf), norm the length of that vector.
	words   []uint64
	weights []float64
	norm    float64
	// text are the shingles of its lede, to find copies of one text.
	text []uint64
	// names are the people and places it names, lowercased, sorted.
	names []string
	// check is what checker.inspect found in an article's entry.
	check *entryCheck
}

// noDay is the day of a report whose date is less precise than a day.
const noDay = math.MinInt32

// dayNumber returns the number of d's day since 1970, or noDay.
func dayNumber(d timeline.Date) int32 {
	if d.Precision < timeline.Day {
		return noDay
	}
	t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
	return int32(t.Unix() / 86400)
}

// describe fills in what merging compares of r: its words, text and
// names. dateline is the place an article's dateline names.
func (r *report) describe(dateline string) {
	e := r.entry
	r.day = dayNumber(e.Date)
	r.words = contentWords(e.Title, e.Summary)
	lede := e.Summary
	if strings.Count(lede, " ") < 12 {
		lede = e.Title + " " + lede
	}
	r.text = shingles(lede)
	for _, list := range [][]string{e.Participants, e.People, e.Places, {dateline}} {
		for _, n := range list {
			if n = strings.ToLower(strings.TrimSpace(n)); n != "" {
				r.names = append(r.names, n)
			}
		}
	}
	slices.Sort(r.names)
	r.names = slices.Compact(r.names)
}

// weigh gives r's words their weights: the inverse of how many reports
// use them, log(1 + n/df), so that rare words count most.
func (r *report) weigh(df map[uint64]int32, n int) {
	r.weights = make([]float64, len(r.words))
	sum := 0.0
	for i, w := range r.words {
		r.weights[i] = math.Log(1 + float64(n)/float64(max(df[w], 1)))
		sum += r.weights[i] * r.weights[i]
	}
	r.norm = math.Sqrt(sum)
}

// wording returns the cosine similarity of a's and b's weighted words.
func wording(a, b *report) float64 {
	if a.norm == 0 || b.norm == 0 {
		return 0
	}
	dot := 0.0
	for i, j := 0, 0; i < len(a.words) && j < len(b.words); {
		switch {
		case a.words[i] < b.words[j]:
			i++
		case a.words[i] > b.words[j]:
			j++
		default:
			dot += a.weights[i] * b.weights[j]
			i++
			j++
		}
	}
	return dot / (a.norm * b.norm)
}

// sharedNames returns the names a and b both name.
func sharedNames(a, b *report) []string {
	var shared []string
	for _, n := range a.names {
		if _, found := slices.BinarySearch(b.names, n); found {
			shared = append(shared, n)
		}
	}
	return shared
}

// The thresholds of the rule (see docs/merging.md): two reports dated
// within a day of each other tell one event when their texts are copies
// (copyThreshold), or their wording agrees (wordingAlone), or it agrees
// less (wordingWithNames) and they name a person or place in common.
// Pairs within nearMiss of a threshold are reported as near misses.
const (
	copyThreshold    = 0.5
	wordingAlone     = 0.45
	wordingWithNames = 0.3
	nearMiss         = 0.1
)

// pairing is what comparing two reports found.
type pairing struct {
	a, b    int32
	days    int32
	wording float64
	copied  float64
	shared  []string
	joined  bool
	near    bool
	// forced is set for a pair an annotation's event: joined.
	forced bool
	// refused says why a pair that agrees was not joined.
	refused string
}

// compare compares reports a and b, dated within a day of each other.
func compare(reports []report, a, b int32) pairing {
	ra, rb := &reports[a], &reports[b]
	p := pairing{a: a, b: b, days: abs32(ra.day - rb.day), wording: wording(ra, rb), copied: jaccard(ra.text, rb.text)}
	p.shared = sharedNames(ra, rb)
	switch {
	case p.copied >= copyThreshold, p.wording >= wordingAlone:
		p.joined = true
	case len(p.shared) > 0 && p.wording >= wordingWithNames:
		p.joined = true
	case len(p.shared) > 0:
		p.near = p.wording >= wordingWithNames-nearMiss
	default:
		p.near = p.wording >= wordingAlone-nearMiss
	}
	return p
}

// strength orders joined pairs: copies first, then by wording.
func (p pairing) strength() float64 {
	if p.copied >= copyThreshold {
		return 1 + p.copied
	}
	return p.wording
}

// reasons says what the two reports of p share, for gen check:
// "same day, shared people Lloyd Austin, wording 0.71".
func (p pairing) reasons(reports []report) string {
	if p.forced {
		return "event: " + reports[p.b].entry.ID + " set by the editors"
	}
	var parts []string
	if p.days == 0 {
		parts = append(parts, "same day")
	} else {
		parts = append(parts, "a day apart")
	}
	if p.copied >= copyThreshold {
		parts = append(parts, fmt.Sprintf("same text %.2f", p.copied))
	}
	if len(p.shared) > 0 {
		parts = append(parts, "shared names "+strings.Join(displayNames(reports, p), ", "))
	}
	parts = append(parts, fmt.Sprintf("wording %.2f", p.wording))
	if p.refused != "" {
		parts = append(parts, p.refused)
	} else if p.near {
		want := wordingAlone
		if len(p.shared) > 0 {
			want = wordingWithNames
		}
		parts = append(parts, fmt.Sprintf("below %.2f", want))
	}
	return strings.Join(parts, ", ")
}

// displayNames returns the shared names of p as the first report writes
// them.
func displayNames(reports []report, p pairing) []string {
	e := reports[p.a].entry
	var out []string
	for _, list := range [][]string{e.Participants, e.People, e.Places} {
		for _, n := range list {
			if _, found := slices.BinarySearch(p.shared, strings.ToLower(strings.TrimSpace(n))); found && !slices.Contains(out, n) {
				out = append(out, n)
			}
		}
	}
	if len(out) < len(p.shared) {
		return p.shared
	}
	return out
}

func abs32(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}
