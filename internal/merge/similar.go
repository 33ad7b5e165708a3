package merge

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/newsroom/timeline/internal/timeline"
)

// report is one entry that automatic merging may join with others: an
// article's entry, or an editor's entry.
type report struct {
	entry *timeline.Entry
	// page is the article's page; nil for an editor's entry.
	page *timeline.Article
	// blocks are the article's paragraphs, whose opening is compared,
	// and kept its opening when they were dropped (openingTexts); both
	// empty for an editor's entry, and let go once it is described.
	blocks []timeline.Block
	kept   string
	// dateline is the place an article's dateline names.
	dateline string
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
	// words are the content words of its headline and opening
	// (contentWords), names of people and places among them: a vector of
	// weights (idf).
	words vector
	// proper are its opening's proper words (scratch.openingWords):
	// the names and numbers it gives, weighed as words are.
	proper vector
	// text are the shingles of its lede, to find copies of one text.
	text []uint64
	// signature are its rarest words (signatureWords), which candidate
	// pairs are found by.
	signature []uint64
	// names are the people and places its headline and opening name,
	// and its dateline, sorted whatever their case (compareFold), for gen
	// check's reasons.
	names []string
	// nameKeys are names lowercased, in the same order.
	nameKeys []string
	// people are the people of people.yaml among them, as the hashes of
	// their lowercased names (wordHash), sorted.
	people []uint64
	// check is what checker.inspect found in an article's entry.
	check *entryCheck
}

// vector is a set of words, sorted, with a weight for each.
type vector struct {
	words   []uint64
	weights []float64
	norm    float64
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

// describe fills in what merging compares of r: its words, names and
// text. wordsOf holds the content words of every name of the reports
// (nameWordSets).
func (r *report) describe(wordsOf map[string][]uint64) {
	s := getScratch()
	defer scratchPool.Put(s)
	e, dateline := r.entry, r.dateline
	r.day = dayNumber(e.Date)
	r.words.words, r.proper.words = s.openingWords(e.Title, openingSeq(r.blocks, r.kept, e.Summary, e.Body))
	for k, list := range [][]string{e.Participants, e.People, e.Places, {dateline}} {
		for _, n := range list {
			if !overlaps(wordsOf[n], r.words.words) && n != dateline {
				continue // named further down only
			}
			if n = strings.TrimSpace(n); n != "" {
				r.names = append(r.names, n)
				if k < 2 {
					r.people = append(r.people, wordHash(strings.ToLower(n)))
				}
			}
		}
	}
	slices.SortFunc(r.names, compareFold)
	r.names = slices.CompactFunc(r.names, strings.EqualFold)
	r.nameKeys = make([]string, len(r.names))
	for i, n := range r.names {
		r.nameKeys[i] = strings.ToLower(n)
	}
	slices.Sort(r.people)
	r.people = slices.Compact(r.people)
	lede := e.Summary
	if strings.Count(lede, " ") < 12 {
		lede = e.Title + " " + lede
	}
	r.text = s.shingles(lede)
}

// overlaps reports whether sorted sets a and b share an item.
func overlaps(a, b []uint64) bool {
	return sharedItems(a, b, 1) > 0
}

// weigh gives the words of v their weights (idfTable): the inverse of
// how many of n reports use them, so that rare words count most; the
// norm counts every word. It then keeps in v only the signatureWords
// rarest of the words some other report uses too (ties by hash), and
// returns them as v's signature: the words of one report alone pair it
// with nothing and add nothing to a cosine (in a small set they are most
// of its rarest), and the common words left out weigh little, while
// comparing fewer costs less. v's words are replaced, not changed; the
// signature is v's words.
func (v *vector) weigh(df map[uint64]int32, idf []float64) (signature []uint64) {
	scratch := keysPool.Get().(*[]uint64)
	defer keysPool.Put(scratch)
	// keys are df<<32 | index: sorted, the rarest first, ties in the
	// order of the words (v's words are sorted).
	keys := (*scratch)[:0]
	defer func() { *scratch = keys[:0] }()
	sum := 0.0
	for i, w := range v.words {
		f := min(int(df[w]), len(idf)-1)
		sum += idf[f] * idf[f]
		if f > 1 {
			keys = append(keys, uint64(f)<<32|uint64(i))
		}
	}
	v.norm = math.Sqrt(sum)
	if len(keys) > signatureWords {
		slices.Sort(keys)
		keys = keys[:signatureWords]
		for i, k := range keys {
			keys[i] = k<<32 | k>>32 // index<<32 | df, to sort by index
		}
		slices.Sort(keys)
		for i, k := range keys {
			keys[i] = k<<32 | k>>32
		}
	}
	words, weights := make([]uint64, len(keys)), make([]float64, len(keys))
	for i, k := range keys {
		words[i], weights[i] = v.words[uint32(k)], idf[k>>32]
	}
	v.words, v.weights = words, weights
	return words
}

// weighShared gives the words of v their weights, as weigh does, and
// keeps in v only those some other report uses too (a word of one
// report adds nothing to a cosine), in words and weights, as long as
// v's words; the norm counts every word.
func (v *vector) weighShared(df map[uint64]int32, idf []float64, words []uint64, weights []float64) {
	words, weights = words[:0], weights[:0]
	sum := 0.0
	for _, w := range v.words {
		f := min(int(df[w]), len(idf)-1)
		sum += idf[f] * idf[f]
		if f > 1 {
			words, weights = append(words, w), append(weights, idf[f])
		}
	}
	v.words, v.weights, v.norm = words, weights, math.Sqrt(sum)
}

// idfTable returns the weights of words used by 0, 1, … n of n reports:
// log(1 + n/df), df 0 weighing as 1.
func idfTable(n int) []float64 {
	idf := make([]float64, n+1)
	for df := range idf {
		idf[df] = math.Log(1 + float64(n)/float64(max(df, 1)))
	}
	return idf
}

// keysPool holds vector.weigh's scratch lists: a merge weighs hundreds
// of thousands of reports, each with a hundred words or so.
var keysPool = sync.Pool{New: func() any { return new([]uint64) }}

// cosine returns the cosine similarity of two weighted word sets.
func cosine(a, b *vector) float64 {
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

// dotTable holds the weighed words of one report in a small hash table,
// so that its cosines with the many reports it is paired with look each
// of their words up instead of walking two lists side by side: the same
// figures, as the products are added in the same order (the other's
// words in theirs).
type dotTable struct {
	v *vector
	// slot holds 1 + the index in v of the word that hashes there, 0
	// when empty.
	slot [dotSlots]uint8
}

// dotSlots is the size of a dotTable: a power of two over three times
// signatureWords, so that most lookups of an absent word stop at once.
const dotSlots = 128

// A vector holds at most signatureWords words (vector.weigh): a
// dotTable is never more than a third full.
var _ [dotSlots - 3*signatureWords]struct{}

// dotSlot returns where word w's lookup starts.
func dotSlot(w uint64) uint64 { return (w * 0x9e3779b97f4a7c15) >> 57 }

// fill makes t hold v's words.
func (t *dotTable) fill(v *vector) {
	t.v = v
	clear(t.slot[:])
	for i, w := range v.words {
		h := dotSlot(w)
		for t.slot[h] != 0 {
			h = (h + 1) & (dotSlots - 1)
		}
		t.slot[h] = uint8(i + 1)
	}
}

// cosine returns the cosine similarity of t's words and b.
func (t *dotTable) cosine(b *vector) float64 {
	a := t.v
	if a.norm == 0 || b.norm == 0 {
		return 0
	}
	dot := 0.0
	for j, w := range b.words {
		for h := dotSlot(w); t.slot[h] != 0; h = (h + 1) & (dotSlots - 1) {
			if i := t.slot[h] - 1; a.words[i] == w {
				dot += a.weights[i] * b.weights[j]
				break
			}
		}
	}
	return dot / (a.norm * b.norm)
}

// sharedNames returns the names a and b both name, as a writes them.
func sharedNames(a, b *report) []string {
	var shared []string
	for i, key := range a.nameKeys {
		if _, found := slices.BinarySearch(b.nameKeys, key); found {
			shared = append(shared, a.names[i])
		}
	}
	return shared
}

// compareFold orders names whatever their case.
func compareFold(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) }

// The rule (see docs/merging.md). Two reports dated on the same day
// tell one event when their texts are copies (copyThreshold), or when
// the wording of their headlines and openings reaches sameDayWording;
// reports dated a day apart need dayApartWording, as a report dated the
// day after is more often a new turn of the story. Two reports that both
// name people of people.yaml and none in common are never joined: like
// wording about other people is a formula, not one event. Pairs within
// nearMiss of the wording they need are near misses. Two groups join
// only when every report of one and every report of the other reach
// groupWording (groups.allAgree), so that a group never grows by a
// chain of reports each like the one before. A report that joins no
// other also joins a group of two or more dated on its day when, with
// every report of the group, its wording reaches corroboratedWording and
// its proper words (the names and numbers of their openings, written
// with a capital or a digit inside a sentence) corroboratedProper
// (groups.corroborate): what one report's likeness leaves in doubt, two
// reports' confirm. Two reports of one day whose wording reaches only
// namedWording join when their proper words reach namedProper: the same
// names and figures, in two outlets' own words. Proper words alone never
// join two reports: on two one-day scrapes scored blind, as many pairs
// of other events (two matches of one tournament, two stories of one
// attack's aftermath) reached a proper-word cosine of 0.34 as pairs of
// one event.
const (
	copyThreshold   = 0.6
	sameDayWording  = 0.22
	dayApartWording = 0.30
	groupWording    = 0.08
	nearMiss        = 0.03

	corroboratedWording = 0.12
	corroboratedProper  = 0.30

	namedWording = 0.10
	namedProper  = 0.45
)

// pairing is what comparing two reports found.
type pairing struct {
	a, b    int32
	days    int32
	wording float64
	// proper is the cosine of their proper words, worked out only for
	// reports dated on the same day whose wording reaches namedWording
	// but not sameDayWording; 0 for others.
	proper float64
	// copied is the share of their ledes' shingles the two share, when
	// a copy (copiedShare); 0 when not, or when they name other people.
	copied float64
	joined bool
	near   bool
	// weak is set for a pair that does not join but reaches
	// corroboratedWording and corroboratedProper on the same day: it
	// joins a report to a group whose every report is so like it
	// (groups.corroborate). corroborated is set for a pair that did.
	weak, corroborated bool
	// forced is set for a pair an annotation's event: joined.
	forced bool
	// refused says why a pair that agrees was not joined.
	refused string
	// differ is set when both reports name people of people.yaml and
	// none in common: however alike their wording, they tell of other
	// people.
	differ bool
}

// compare compares reports a and b, dated within a day of each other.
func compare(reports []report, a, b int32) pairing {
	return compareWith(reports, a, b, nil)
}

// compareWith is compare, with t holding a's words when it is not nil
// (see dotTable).
func compareWith(reports []report, a, b int32, t *dotTable) pairing {
	ra, rb := &reports[a], &reports[b]
	var wording float64
	if t != nil {
		wording = t.cosine(&rb.words)
	} else {
		wording = cosine(&ra.words, &rb.words)
	}
	p := pairing{a: a, b: b, days: abs32(ra.day - rb.day), wording: wording}
	p.differ = len(ra.people) > 0 && len(rb.people) > 0 && !overlaps(ra.people, rb.people)
	if !p.differ {
		p.copied = copiedShare(ra.text, rb.text)
	}
	want := p.wants()
	if p.days == 0 && p.wording >= namedWording && p.wording < want {
		p.proper = cosine(&ra.proper, &rb.proper)
	}
	p.joined = !p.differ && (p.copied >= copyThreshold || p.wording >= want || p.proper >= namedProper)
	p.near = !p.joined && p.wording >= want-nearMiss
	p.weak = !p.joined && !p.differ && p.wording >= corroboratedWording && p.proper >= corroboratedProper
	return p
}

// wants returns the wording p's reports need to tell one event.
func (p pairing) wants() float64 {
	if p.days > 0 {
		return dayApartWording
	}
	return sameDayWording
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
	b := make([]byte, 0, 128)
	if p.days == 0 {
		b = append(b, "same day"...)
	} else {
		b = append(b, "a day apart"...)
	}
	if p.copied >= copyThreshold {
		b = appendFigure(append(b, ", same text "...), p.copied)
	}
	if shared := sharedNames(&reports[p.a], &reports[p.b]); len(shared) > 0 {
		b = append(append(b, ", shared names "...), strings.Join(shared, ", ")...)
	}
	b = appendFigure(append(b, ", wording "...), p.wording)
	if p.near && p.refused == "" && !p.differ {
		b = append(appendFigure(append(b, " (want "...), p.wants()), ')')
	}
	if p.proper > 0 {
		b = appendFigure(append(b, ", proper words "...), p.proper)
	}
	if p.corroborated {
		b = append(b, ", as like every report of the group"...)
	}
	switch {
	case p.refused != "":
		b = append(append(b, ", "...), p.refused...)
	case p.differ:
		b = append(b, ", other people (no person in common)"...)
	}
	return string(b)
}

// appendFigure appends x with two decimals.
func appendFigure(b []byte, x float64) []byte { return strconv.AppendFloat(b, x, 'f', 2, 64) }

func abs32(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}
