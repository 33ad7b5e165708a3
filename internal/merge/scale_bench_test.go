package merge

import (
	"fmt"
	"testing"

	"github.com/newsroom/timeline/internal/content"
	"github.com/newsroom/timeline/internal/extract"
	"github.com/newsroom/timeline/internal/synth"
)

// BenchmarkMergeScale merges synthetic corpora of 10,000 and 100,000 raw
// articles, one in ten a wire copy of the one before it, as a build
// does: every stage of Merge, automatic merging included. It reports the
// entries the chronology ends with, and the processor time of a merge
// (cpu-ns/op, user and system, on all cores), which other work on the
// machine inflates less than ns/op.
func BenchmarkMergeScale(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			c, articles, err := synthCopies(n)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			entries, runs, cpu := 0, 0, cpuTime()
			for b.Loop() {
				chron, _ := Merge(c, articles)
				entries, runs = len(chron.Entries), runs+1
			}
			b.ReportMetric(float64(entries), "entries")
			b.ReportMetric(float64(cpuTime()-cpu)/float64(runs), "cpu-ns/op")
		})
	}
}

// synthCopies is synthInput with one article in ten a wire copy.
func synthCopies(n int) (*content.Content, []*extract.Article, error) {
	return synthInput(synth.Options{Articles: n, Seed: 1, WireCopies: 10})
}

// TestSynthWireCopies merges a synthetic corpus of 3,000 raw articles,
// one in ten a wire copy of the one before: every copy must join its
// original, unless an editor annotated or cited one of the two (the
// generator's annotations date or exclude articles at random). Pairs of
// other articles joined are counted and logged: the generator's stories
// are random casts on random days, each about its own subject, place and
// local figure, but some share a person, a subject and a day, as two
// events may.
func TestSynthWireCopies(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts 3,000 articles")
	}
	c, articles, err := synthCopies(3000)
	if err != nil {
		t.Fatal(err)
	}
	chron, _ := Merge(c, articles)
	entryOf := map[string]string{}
	for _, a := range chron.Articles {
		entryOf[a.Path] = a.EntryID
	}
	edited := map[string]bool{}
	for _, ann := range c.Annotations {
		edited[ann.Article] = true
	}
	for _, e := range c.Entries {
		for _, s := range e.Sources {
			edited[s.Article] = true
		}
	}
	copies, joinedCopies, others := 0, 0, 0
	groups := map[string]int{}
	for i, a := range c.Articles {
		groups[entryOf[a.Path]]++
		if i%10 == 9 && entryOf[a.Path] != "" && !edited[a.Path] && !edited[c.Articles[i-1].Path] {
			copies++
			if entryOf[a.Path] == entryOf[c.Articles[i-1].Path] {
				joinedCopies++
			}
		}
	}
	for id, n := range groups {
		if id != "" {
			others += n * (n - 1) / 2
		}
	}
	others -= joinedCopies
	t.Logf("%d articles, %d entries: %d of %d wire copies joined their original; %d other pairs joined", len(articles), len(chron.Entries), joinedCopies, copies, others)
	if joinedCopies != copies {
		t.Errorf("%d of %d wire copies joined their original (want all)", joinedCopies, copies)
	}
}
