package extract

import (
	"strings"

	"github.com/newsroom/timeline/internal/newsdate"
)

// All-numeric dates ("03/04/2022") name no day unless the page tells in
// which order it writes them.

// dayFirstWords start the lines that date a page in a language that
// writes all-numeric dates day first.
var dayFirstWords = append(append([]string{"stand:"}, foreignPublishedWords...), foreignUpdateWords...)

// dayFirstSet finds dayFirstWords.
var dayFirstSet = newPrefixSet(dayFirstWords)

// readDayFirst reads the all-numeric dates of a page day first when the
// page says when it was published or updated in a language that writes
// them so ("Publié le 03/04/2022"): a line of at most fifteen words with
// a date or year starts with one of dayFirstWords; or in the order the
// page's plain numeric dates show (newsdate.NumericOrder), when they
// show one. Elsewhere "03/04/2022" names no day.
func (x *extraction) readDayFirst() {
	dayFirst, monthFirst := false, false
	for i := range x.facts {
		f := &x.facts[i]
		if !f.digit {
			continue // no date of any order
		}
		if len(f.dates) > 0 && f.words <= 15 && dayFirstSet.starts(trimMarks(f.lower)) {
			dayFirst = true
			break
		}
		d, m := newsdate.NumericOrder(f.text)
		dayFirst, monthFirst = dayFirst || d, monthFirst || m
	}
	if dayFirst == monthFirst {
		return // no order, or both: "03/04/2022" names no day
	}
	scan := newsdate.ScanInOrder(dayFirst, monthFirst)
	for i, l := range x.lines {
		if strings.ContainsAny(l.Text, "/-") {
			x.facts[i].dates = scan(l.Text)
		}
	}
}
