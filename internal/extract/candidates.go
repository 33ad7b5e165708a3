package extract

import (
	"strings"
	"unicode"
)

// HeadlineCandidate is a line extraction weighed as the headline: its
// text, where it starts, its score, and the features that gave the score
// ("+4 line 1", "-3 ends like a sentence").
type HeadlineCandidate struct {
	Text   string
	Offset int
	Score  int
	Why    []string
}

// HeadlineCandidates returns the lines the extraction of data weighed as
// its headline, best first, at most limit of them: what "gen extract"
// shows to say why the headline won.
func HeadlineCandidates(path string, data []byte, opts Options, limit int) []HeadlineCandidate {
	x := &extraction{text: string(data), opts: opts, a: &Article{Path: path}, title: -1, explain: true}
	x.readLines(&scratch{})
	x.findHeadline()
	c := x.candidates
	for i := 1; i < len(c); i++ { // insertion sort: stable, best first
		for j := i; j > 0 && c[j].Score > c[j-1].Score; j-- {
			c[j], c[j-1] = c[j-1], c[j]
		}
	}
	return c[:min(limit, len(c))]
}

// headlineWindow is how many lines above the first prose paragraph are
// weighed as the headline, beside line 1.
const headlineWindow = 20

// lineScore adds up the points of one candidate line, and when
// explaining, the features that gave them.
type lineScore struct {
	points  int
	why     []string
	explain bool
}

func (s *lineScore) add(points int, why string) {
	s.points += points
	if s.explain {
		sign := "+"
		if points < 0 {
			sign = ""
		}
		s.why = append(s.why, sign+itoa(points)+" "+why)
	}
}

// itoa formats a small integer.
func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// articleStart returns the first prose line that another follows
// closely, where an article's body starts, or the first prose line when
// none does: a teaser or notice in a page's navigation stands alone.
func (x *extraction) articleStart() int {
	first := x.nextProse(0)
	for p := first; p < len(x.lines); {
		next := x.nextProse(p + 1)
		if next < len(x.lines) && next-p <= 3 {
			return p
		}
		p = next
	}
	return first
}

// nextProse returns the index of the first prose line at or after i, or
// len(lines): a line of prose (isProse) that is no chrome, no caption
// (nor one of a gallery's run of lines ending on a date, inDayRun) and
// not doubled by a neighbour.
func (x *extraction) nextProse(i int) int {
	return x.nextProseBefore(i, len(x.lines))
}

// nextProseBefore returns nextProse(i) when it is below end, else
// len(lines), looking no further than end.
func (x *extraction) nextProseBefore(i, end int) int {
	lines := x.lines
	for ; i < min(end, len(lines)); i++ {
		l := lines[i]
		if isProse(l.Text, x.facts[i].words) && !isCaption(&x.facts[i]) && x.chromeOf(i) == "" && !x.inDayRun(i) &&
			!(i+1 < len(lines) && lines[i+1].Text == l.Text) && !(i > 0 && lines[i-1].Text == l.Text) {
			return i
		}
	}
	return len(lines)
}

// findHeadline finds the first prose line, weighs the lines before it
// (and line 1) as the headline, and sets the headline and the line the
// article's head starts after.
func (x *extraction) findHeadline() {
	x.firstProse, x.ledeLine = x.articleStart(), -1
	if x.firstProse == 0 && len(x.lines) > 1 && x.headlineInSentence() {
		x.firstProse = x.nextProse(1)
	}
	// best is the best line; other the best but line 1, wanted as the
	// page's own headline when line 1 wins without a copy in the page.
	best, other := pick{-1, 0}, pick{-1, 0}
	wantOther := false
	weigh := func(i int) {
		// A line that cannot beat the best so far (ties go to the
		// earlier line) is not weighed, unless explaining.
		bar := best
		if wantOther {
			bar = other
		}
		if bound := x.maxScore(i); !x.explain && bar.beats(bound, i) {
			return
		}
		if x.headlineReject(i) != "" {
			return
		}
		s := x.scoreHeadline(i)
		if x.explain {
			x.candidates = append(x.candidates, HeadlineCandidate{Text: x.lines[i].Text, Offset: x.lines[i].Start, Score: s.points, Why: s.why})
		}
		best.consider(i, s.points)
		if i > 0 {
			other.consider(i, s.points)
		}
	}
	// Line 1, then the window of lines above the first prose paragraph,
	// nearest first.
	if x.firstProse > 0 {
		weigh(0)
		if best.line == 0 {
			k, _ := x.lineOneCopy()
			wantOther = k < 0
		}
	}
	for i := x.firstProse - 1; i > 0 && i >= x.firstProse-headlineWindow; i-- {
		weigh(i)
	}
	if best.line < 0 {
		return
	}
	x.a.Title = x.lines[best.line].Text
	anchor := best.line
	if best.line == 0 {
		// A headline given as line 1: the article's head starts at the
		// page's own copy of it, or else at the page's own headline, or
		// above the first prose paragraph.
		if k, prose := x.lineOneCopy(); k >= 0 {
			anchor, x.firstProse = k, prose
		} else if other.line > 0 && other.score >= ownHeadline && x.titleShaped(other.line) && !allCapitals(x.lines[other.line].Text) {
			anchor = other.line
		} else if n := x.nearestTitleShaped(); n > 0 {
			anchor, x.anchorGuessed = n, true
		}
	}
	x.title = anchor
}

// allCapitals reports whether s has letters and no small one: a
// section label in a briefing ("WHAT'S COMING UP"), not the page's own
// copy of a headline given in other letters as line 1.
func allCapitals(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		letters = letters || unicode.IsUpper(r)
	}
	return letters
}

// ownHeadline is the least score of a page's own headline that anchors
// the head when line 1 wins without a copy in the page: headline-shaped
// and more.
const ownHeadline = 6

// pick is the best-scored line so far, or -1.
type pick struct{ line, score int }

// consider makes line i with score points the pick when it scores above
// zero and better than the pick (ties go to the earlier line).
func (p *pick) consider(i, points int) {
	if points > 0 && (p.line < 0 || points > p.score || points == p.score && i < p.line) {
		p.line, p.score = i, points
	}
}

// beats reports whether the pick wins over line i scoring bound at most.
func (p *pick) beats(bound, i int) bool {
	return p.line >= 0 && (bound < p.score || bound == p.score && i > p.line)
}

// maxScore is the most scoreHeadline can give line i: every feature
// that adds points, none that takes them away.
func (x *extraction) maxScore(i int) int {
	bound := 2 + 2 + maxOverlap // headline-shaped, repeated, lede words
	if i == 0 {
		bound += 6 + 2 // line 1, repeated above prose
	}
	if d := x.firstProse - i; d <= 3 {
		bound += 4 - d
	}
	return bound
}

// nearestTitleShaped returns the title-shaped line nearest above the
// first prose paragraph, or -1.
func (x *extraction) nearestTitleShaped() int {
	for i := x.firstProse - 1; i >= 0 && i >= x.firstProse-headlineWindow; i-- {
		if x.titleShaped(i) && !hasDate(x.facts[i].dates) {
			return i
		}
	}
	return -1
}

// lineOneCopy returns recurrence(0), worked out once.
func (x *extraction) lineOneCopy() (int, int) {
	if !x.copyDone {
		x.copyLine, x.copyProse = x.recurrence(0)
		x.copyDone = true
	}
	return x.copyLine, x.copyProse
}

// recurrence returns the later line that repeats line i (see sameTitle) and is followed
// soonest (within a few lines) by prose, with that prose line, and
// followed by most of the page's prose (heads): where a page's own copy
// of a headline given as line 1 sits. It returns -1 when no repeat is
// followed by prose.
func (x *extraction) recurrence(i int) (int, int) {
	const near = 20
	best, bestProse := -1, 0
	for k := i + 1; k < len(x.lines); k++ {
		if !sameTitle(x.facts[k].lower, x.facts[i].lower) {
			continue
		}
		p := x.nextProseBefore(k+1, k+near+1)
		if p-k <= near && (best < 0 || p-k < bestProse-best) && x.heads(k) {
			best, bestProse = k, p
		}
	}
	return best, bestProse
}

// heads reports whether at least half the page's prose, by bytes, comes
// after line k, as it does after a page's own headline; a copy of the
// headline in a list of latest stories below the article has little or
// none after it.
func (x *extraction) heads(k int) bool {
	after, total := 0, 0
	for i, l := range x.lines {
		if isProse(l.Text, x.facts[i].words) {
			total += len(l.Text)
			if i > k {
				after += len(l.Text)
			}
		}
	}
	return 2*after >= total
}

// sameTitle reports whether two lower-case lines give the same headline:
// the same letters and digits (punctuation, quotes and accents aside),
// or one of them those of the other's start and at least three fifths
// of it, as a headline with the site's name after it is.
func sameTitle(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if 5*len(a) < 3*len(b) || len(a) < 12 {
		return false
	}
	i, j, n := 0, 0, 0
	for {
		for i < len(a) && !isWordByte(a[i]) {
			i++
		}
		for j < len(b) && !isWordByte(b[j]) {
			j++
		}
		if i == len(a) {
			return n >= 10
		}
		if j == len(b) || a[i] != b[j] {
			return false
		}
		i, j, n = i+1, j+1, n+1
	}
}

// headlineInSentence reports whether line 1, which reads as prose, is a
// headline in a sentence's shape: one sentence of at most thirty words
// set apart by an empty line, as a headline given as line 1 is, or one
// whose copy the page prints again above prose.
func (x *extraction) headlineInSentence() bool {
	first, second := x.lines[0], x.lines[1]
	if k, _ := x.lineOneCopy(); k > 0 {
		return true
	}
	return x.facts[0].words <= 30 && !hasSentenceBreak(first.Text) &&
		strings.Count(x.text[first.End:second.Start], "\n") >= 2
}
