package merge

import (
	"cmp"
	"slices"

	"github.com/newsroom/timeline/internal/timeline"
)

// describeAll describes every report on all cores (describeReports,
// with the descriptions m kept; m may be nil), then weighs their words by
// how many reports use them. With a Merger, it weighs only the reports
// that need it (lastMerge.reweigh), and returns which those are.
func describeAll(reports []report, m *Merger) []bool {
	descs := describeReports(reports, m)
	var last *lastMerge
	if m != nil {
		last = m.prev
	}
	df, fresh := last.reweigh(reports, descs)
	// at[i] is where report i's weighed proper words start in one list
	// for all: a list each would be thousands of allocations.
	at := make([]int, len(reports)+1)
	for i := range fresh {
		at[i+1] = at[i]
		if fresh[i] {
			at[i+1] += len(reports[i].proper.words)
		}
	}
	idf := idfTable(len(reports))
	hashes, weights := make([]uint64, at[len(reports)]), make([]float64, at[len(reports)])
	forBatches(len(reports), func(i int) {
		if r := &reports[i]; fresh[i] {
			r.signature = r.words.weigh(df, idf)
			r.proper.weighShared(df, idf, hashes[at[i]:at[i+1]:at[i+1]], weights[at[i]:at[i+1]:at[i+1]])
		}
	})
	if m == nil {
		return nil
	}
	m.prev = keep(reports, descs, df, last)
	return fresh
}

// nameWordSets returns the content words (contentWords) of every
// participant, person, place and dateline of the reports not described
// yet: the same few names recur in thousands of reports.
func nameWordSets(reports []report, described func(i int) bool) map[string][]uint64 {
	wordsOf := map[string][]uint64{}
	add := func(n string) {
		if _, done := wordsOf[n]; !done {
			wordsOf[n] = contentWords(n)
		}
	}
	for i := range reports {
		if described(i) {
			continue
		}
		e := reports[i].entry
		for _, list := range [][]string{e.Participants, e.People, e.Places} {
			for _, n := range list {
				add(n)
			}
		}
		add(reports[i].dateline)
	}
	return wordsOf
}

// signatureWords is how many of a report's rarest shared words candidate
// pairs are found by and cosines compare (vector.weigh): two reports of
// one event share their rare words (names, numbers in words, what
// happened), and words that many reports use make buckets that hold half
// a day's reports.
const signatureWords = 40

// mergeGroup makes one entry of the reports of one event, m in index
// order. A group with an editor's entry is that entry, with the
// articles' sources added; otherwise the entry of the earliest report
// (or of the report an event: names) holds every report.
func (out *merged) mergeGroup(reports []report, m []int32) {
	byAge := slices.Clone(m)
	slices.SortStableFunc(byAge, func(a, b int32) int { return compareAge(&reports[a], &reports[b]) })
	into := chooseEntry(reports, byAge)
	e := into.entry
	if into.page != nil {
		one := mergedEntry(reports, byAge, e.ID)
		one.Title, one.TitleDerived = headline(reports, byAge)
		one.Date, one.DateEvidence = bestDate(reports, byAge)
		*e = one
		out.kept = append(out.kept, joining{entry: e, page: into.page, check: into.check})
	} else {
		e.Sources = append(slices.Clip(e.Sources), reportSources(reports, byAge)...)
	}
	for _, i := range byAge {
		r := &reports[i]
		if r.page == nil {
			continue
		}
		r.page.EntryID = e.ID
		if r != into {
			out.dropped = append(out.dropped, r.check)
			out.redirects = append(out.redirects, timeline.Redirect{From: r.entry.ID, To: e.ID})
		}
	}
}

// compareAge orders reports earliest first: by publication date (none
// last), event date, then key.
func compareAge(a, b *report) int {
	pa, pb := published(a), published(b)
	if pa.IsZero() != pb.IsZero() {
		if pa.IsZero() {
			return 1
		}
		return -1
	}
	return cmp.Or(pa.Compare(pb), a.entry.Date.Compare(b.entry.Date), cmp.Compare(a.key, b.key))
}

// published returns when an article's report was published; zero for an
// editor's entry.
func published(r *report) timeline.Date {
	if r.page == nil {
		return timeline.Date{}
	}
	return r.page.Published
}

// chooseEntry returns the report whose entry the group becomes: its
// editor's entry, else the report another's event: names, else the
// earliest.
func chooseEntry(reports []report, byAge []int32) *report {
	for _, i := range byAge {
		if reports[i].page == nil {
			return &reports[i]
		}
	}
	for _, i := range byAge {
		for _, j := range byAge {
			if reports[j].event != "" && reports[j].event == reports[i].entry.ID && i != j {
				return &reports[i]
			}
		}
	}
	return &reports[byAge[0]]
}

// mergedEntry returns the entry of the earliest report with every
// report's sources, names and tags, under id.
func mergedEntry(reports []report, byAge []int32, id string) timeline.Entry {
	e := *reports[byAge[0]].entry
	e.ID = id
	for _, i := range byAge {
		r := reports[i].entry
		e.Participants = union(e.Participants, r.Participants)
		e.People = union(e.People, r.People)
		e.Places = union(e.Places, r.Places)
		e.Tags = union(e.Tags, r.Tags)
		e.EditorSet = union(e.EditorSet, r.EditorSet)
		e.Kind, e.Note = cmp.Or(e.Kind, r.Kind), cmp.Or(e.Note, r.Note)
		e.Importance = max(e.Importance, r.Importance)
	}
	e.Sources = reportSources(reports, byAge)
	return e
}

// union returns a with the items of b it lacks appended, a left as it
// was.
func union(a, b []string) []string {
	out := a
	for _, s := range b {
		if !slices.Contains(out, s) {
			out = append(slices.Clip(out), s)
		}
	}
	return out
}

// copyLookback is how many of the reports before one, in age order,
// reportSources compares its text with, so that a group of thousands
// of reports costs thousands of comparisons, not millions.
const copyLookback = 32

// reportSources returns the sources of the articles' reports of byAge,
// in that order, the source of an article whose text copies an earlier
// one's marked Copy.
func reportSources(reports []report, byAge []int32) []timeline.Source {
	var sources []timeline.Source
	var earlier []int32
	for _, i := range byAge {
		r := &reports[i]
		if r.page == nil {
			continue
		}
		copied := false
		for _, j := range earlier[max(0, len(earlier)-copyLookback):] {
			if copiedShare(r.text, reports[j].text) >= copyThreshold {
				copied = true
				break
			}
		}
		earlier = append(earlier, i)
		for _, s := range r.entry.Sources {
			s.Copy = copied && s.Article == r.page.Path
			sources = append(sources, s)
		}
	}
	return sources
}

// headline returns the merged entry's headline: a title an editor set,
// else the most informative report's: the one whose words the other
// reports use most, then the one with the most words, then the earliest.
// Headlines derived from text count only when no report has a real one.
func headline(reports []report, byAge []int32) (string, bool) {
	for _, i := range byAge {
		if e := reports[i].entry; e.SetByEditor("title") {
			return e.Title, false
		}
	}
	// uses counts the reports using each word of a headline.
	uses, titles := map[uint64]int{}, make([][]uint64, len(byAge))
	for k, i := range byAge {
		titles[k] = contentWords(reports[i].entry.Title)
		for _, w := range titles[k] {
			uses[w] = 0
		}
	}
	for _, i := range byAge {
		for _, w := range reports[i].words.words {
			if n, ok := uses[w]; ok {
				uses[w] = n + 1
			}
		}
	}
	best, bestScore, bestWords := -1, -1, -1
	for round := 0; round < 2 && best < 0; round++ {
		for k, i := range byAge {
			e := reports[i].entry
			if e.TitleDerived && round == 0 {
				continue
			}
			words := titles[k]
			score := 0
			for _, w := range words {
				score += uses[w]
				if _, own := slices.BinarySearch(reports[i].words.words, w); own {
					score-- // the others' uses only
				}
			}
			if score > bestScore || (score == bestScore && len(words) > bestWords) {
				best, bestScore, bestWords = k, score, len(words)
			}
		}
	}
	e := reports[byAge[best]].entry
	return e.Title, e.TitleDerived
}

// bestDate returns the merged entry's date and its evidence: a date an
// editor set, else the day most reports give (ties to the earliest
// report's), as the first report giving it has it.
func bestDate(reports []report, byAge []int32) (timeline.Date, []timeline.Evidence) {
	for _, i := range byAge {
		if e := reports[i].entry; e.SetByEditor("date") {
			return e.Date, e.DateEvidence
		}
	}
	votes := map[int32]int{}
	for _, i := range byAge {
		votes[reports[i].day]++
	}
	best := &reports[byAge[0]]
	for _, i := range byAge {
		if votes[reports[i].day] > votes[best.day] {
			best = &reports[i]
		}
	}
	return best.entry.Date, best.entry.DateEvidence
}
