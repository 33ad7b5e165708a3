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
// a date or year starts with one of dayFirstWords. Elsewhere "03/04/2022"
// names no day.
func (x *extraction) readDayFirst() {
	dayFirst, monthFirst := false, false
	for i := range x.facts {
		f := &x.facts[i]
		if len(f.dates) > 0 && f.words <= 15 && dayFirstSet.starts(trimMarks(f.lower)) {
			dayFirst = true
			break
		}
		for _, sep := range []byte{'/', '-'} {
			if strings.IndexByte(f.text, sep) >= 0 {
				d, m := numericOrder(f.text, sep)
				dayFirst, monthFirst = dayFirst || d, monthFirst || m
			}
		}
	}
	if !dayFirst || monthFirst {
		return
	}
	for i, l := range x.lines {
		if strings.ContainsAny(l.Text, "/-") {
			x.facts[i].dates = newsdate.ScanDayFirst(l.Text)
		}
	}
}

// numericOrder reports whether text holds an all-numeric date written
// with sep ('/' or '-') whose order is plain: day first ("25/05/2022",
// "15-02-2023") or month first ("05/25/2022").
func numericOrder(text string, sep byte) (dayFirst, monthFirst bool) {
	for rest := text; ; {
		i := strings.IndexByte(rest, sep)
		if i < 0 {
			return dayFirst, monthFirst
		}
		first, second, ok := slashNumbers(rest[max(0, i-2):i], rest[i+1:], sep)
		if ok && first > 12 && second <= 12 {
			dayFirst = true
		} else if ok && second > 12 && first <= 12 {
			monthFirst = true
		}
		rest = rest[i+1:]
	}
}

// slashNumbers reads the one- or two-digit numbers before and after a
// separator, the second followed by sep and a four-digit year.
func slashNumbers(before, after string, sep byte) (first, second int, ok bool) {
	for len(before) > 0 && !isDigitByte(before[0]) {
		before = before[1:]
	}
	n := 0
	for n < len(after) && n < 2 && isDigitByte(after[n]) {
		n++
	}
	if before == "" || n == 0 || len(after) < n+5 || after[n] != sep {
		return 0, 0, false
	}
	for k := n + 1; k < n+5; k++ {
		if !isDigitByte(after[k]) {
			return 0, 0, false
		}
	}
	for _, c := range []byte(before) {
		if !isDigitByte(c) {
			return 0, 0, false
		}
		first = first*10 + int(c-'0')
	}
	for _, c := range []byte(after[:n]) {
		second = second*10 + int(c-'0')
	}
	return first, second, true
}
