package merge

import (
	"math"
	"slices"
	"strconv"
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
	// words are the content words of its headline and lede but the
	// names of the people it names there (contentWords): places, bodies
	// and other names count as wording too, the rarest words two reports
	// of one event share. nameWords are the names': of the people and
	// places it names there, of its dateline, and the words its lede
	// writes with a capital inside a sentence. Each is a vector of
	// weights (idf).
	words, nameWords vector
	// text are the shingles of its lede, to find copies of one text.
	text []uint64
	// signature are its rarest words (signatureWords), which candidate
	// pairs are found by.
	signature []uint64
	// names are the people and places its headline and lede name, and
	// its dateline, sorted whatever their case (compareFold), for gen
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
// text. dateline is the place an article's dateline names; wordsOf
// holds the content words of every name of the reports (nameWordSets).
func (r *report) describe(dateline string, wordsOf map[string][]uint64) {
	e := r.entry
	r.day = dayNumber(e.Date)
	all, capitalized := contentWords(e.Title, e.Summary)
	names := capitalized
	var personWords []uint64
	for k, list := range [][]string{e.Participants, e.People, e.Places, {dateline}} {
		for _, n := range list {
			words := wordsOf[n]
			if !overlaps(words, all) && n != dateline {
				continue // named in the body only
			}
			names = append(names, words...)
			if n = strings.TrimSpace(n); n != "" {
				r.names = append(r.names, n)
				if k < 2 {
					r.people = append(r.people, wordHash(strings.ToLower(n)))
					personWords = append(personWords, words...)
				}
			}
		}
	}
	slices.Sort(names)
	slices.SortFunc(r.names, compareFold)
	r.names = slices.CompactFunc(r.names, strings.EqualFold)
	r.nameKeys = make([]string, len(r.names))
	for i, n := range r.names {
		r.nameKeys[i] = strings.ToLower(n)
	}
	slices.Sort(r.people)
	r.people = slices.Compact(r.people)
	r.nameWords.words = slices.Compact(names)
	slices.Sort(personWords)
	r.words.words = without(all, slices.Compact(personWords))
	lede := e.Summary
	if strings.Count(lede, " ") < 12 {
		lede = e.Title + " " + lede
	}
	r.text = shingles(lede)
}

// overlaps reports whether sorted sets a and b share an item.
func overlaps(a, b []uint64) bool {
	return sharedItems(a, b, 1) > 0
}

// without returns the words of sorted set a that sorted set b lacks, in
// a's storage.
func without(a, b []uint64) []uint64 {
	return slices.DeleteFunc(a, func(w uint64) bool {
		_, found := slices.BinarySearch(b, w)
		return found
	})
}

// weigh gives the words of v their weights: the inverse of how many of
// n reports use them, log(1 + n/df), so that rare words count most.
func (v *vector) weigh(df map[uint64]int32, n int) {
	v.weights = make([]float64, len(v.words))
	sum := 0.0
	for i, w := range v.words {
		v.weights[i] = math.Log(1 + float64(n)/float64(max(df[w], 1)))
		sum += v.weights[i] * v.weights[i]
	}
	v.norm = math.Sqrt(sum)
}

// cosine returns the cosine similarity of two weighted word sets.
func cosine(a, b *vector) float64 {
	if a.norm == 0 || b.norm == 0 {
		return 0
	}
	return dot(a, b) / (a.norm * b.norm)
}

// namesAgree returns how far the names of two reports agree: their
// cosine, and their agreement weighed by rarity, the cosine with each
// vector's norm counting one more name, of the weight of a name no
// other of the n reports gives. Sharing one rare name makes rare about
// a half; sharing only a name most of the reports give (the day's most
// named person, in a day's scrape), hardly anything, though the cosine
// of two reports naming only him is 1.
func namesAgree(a, b *vector, n int) (cos, rare float64) {
	if a.norm == 0 || b.norm == 0 {
		return 0, 0
	}
	d, u := dot(a, b), math.Log(1+float64(n))
	return d / (a.norm * b.norm), d / math.Sqrt((a.norm*a.norm+u*u)*(b.norm*b.norm+u*u))
}

// dot returns the dot product of two weighted word sets.
func dot(a, b *vector) float64 {
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
	return dot
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
// their wording reaches minWording and their score, the wording of their
// headlines and ledes plus namesFactor times the agreement of the names
// they give there weighed by rarity (namesAgree), reaches sameDayScore:
// names are compared apart from the wording, a name most of the reports
// give counts for little, and shared names alone never join two reports.
// Reports dated a day apart need dayApartScore and dayApartWording: a
// report dated the day after is more often a new turn of the story. Two
// reports that both give names, and whose names' cosine is below
// namesDiffer, or that both name people and none in common, are never
// joined: like wording about other people is a formula, not one event.
// Pairs within nearMiss of the score are near misses.
const (
	copyThreshold   = 0.6
	namesDiffer     = 0.2
	namesFactor     = 0.5
	sameDayScore    = 0.30
	minWording      = 0.17
	dayApartScore   = 0.60
	dayApartWording = 0.2
	nearMiss        = 0.06
)

// pairing is what comparing two reports found.
type pairing struct {
	a, b    int32
	days    int32
	wording float64
	// names is the cosine of their names, rare their agreement weighed
	// by rarity (namesAgree).
	names, rare float64
	// copied is the share of their ledes' shingles the two share, when
	// a copy (copiedShare); 0 when not, or when they name other people.
	copied float64
	joined bool
	near   bool
	// forced is set for a pair an annotation's event: joined.
	forced bool
	// refused says why a pair that agrees was not joined.
	refused string
	// differ is set when both reports give names and those hardly agree:
	// however alike their wording, they tell of other people or places.
	differ bool
}

// compare compares reports a and b, dated within a day of each other.
func compare(reports []report, a, b int32) pairing {
	ra, rb := &reports[a], &reports[b]
	otherPeople := len(ra.people) > 0 && len(rb.people) > 0 && !overlaps(ra.people, rb.people)
	p := pairing{a: a, b: b, days: abs32(ra.day - rb.day), wording: cosine(&ra.words, &rb.words)}
	p.names, p.rare = namesAgree(&ra.nameWords, &rb.nameWords, len(reports))
	if !otherPeople {
		p.copied = copiedShare(ra.text, rb.text)
	}
	score, wantScore, wantWording := p.score(), sameDayScore, minWording
	if p.days > 0 {
		wantScore, wantWording = dayApartScore, dayApartWording
	}
	p.differ = otherPeople || (len(ra.nameWords.words) > 0 && len(rb.nameWords.words) > 0 && p.names < namesDiffer)
	p.joined = !p.differ && (p.copied >= copyThreshold || (score >= wantScore && p.wording >= wantWording))
	p.near = !p.joined && score >= wantScore-nearMiss
	return p
}

// score returns the score of p: its wording plus namesFactor times its
// names' agreement weighed by rarity.
func (p pairing) score() float64 { return p.wording + namesFactor*p.rare }

// strength orders joined pairs: copies first, then by wording.
func (p pairing) strength() float64 {
	if p.copied >= copyThreshold {
		return 1 + p.copied
	}
	return p.score()
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
	b = appendFigure(append(b, ", names "...), p.rare)
	b = appendFigure(append(b, ", wording "...), p.wording)
	switch {
	case p.refused != "":
		b = append(append(b, ", "...), p.refused...)
	case p.differ:
		b = appendFigure(append(b, ", other people or places (no person in common, or the names' cosine below "...), namesDiffer)
		b = append(b, ')')
	case p.near && p.days > 0:
		b = appendFigure(append(b, ", score "...), p.score())
		b = appendFigure(append(b, " (a day apart, want "...), dayApartScore)
		b = appendFigure(append(b, " and wording "...), dayApartWording)
		b = append(b, ')')
	case p.near:
		b = appendFigure(append(b, ", score "...), p.score())
		b = appendFigure(append(b, " (want "...), sameDayScore)
		b = appendFigure(append(b, " and wording "...), minWording)
		b = append(b, ')')
	case p.copied < copyThreshold:
		b = appendFigure(append(b, ", score "...), p.score())
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
