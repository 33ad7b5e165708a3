package newsdate

import "strings"

// NumericOrder reports whether text holds an all-numeric date, written
// with slashes or dashes, whose order is plain: day first ("25/05/2022",
// "15-02-2023") or month first ("05/25/2022"). A page that writes one
// order plainly writes its ambiguous dates ("03/04/2022") the same way.
func NumericOrder(text string) (dayFirst, monthFirst bool) {
	for _, sep := range []byte{'/', '-'} {
		if strings.IndexByte(text, sep) >= 0 {
			d, m := numericOrder(text, sep)
			dayFirst, monthFirst = dayFirst || d, monthFirst || m
		}
	}
	return dayFirst, monthFirst
}

// ScanInOrder returns the scan that reads ambiguous all-numeric dates in
// the order a text's plain ones show (NumericOrder over it): ScanDayFirst
// or ScanMonthFirst when they show one order only, else Scan, where
// "03/04/2022" names no day.
func ScanInOrder(dayFirst, monthFirst bool) func(string) []Mention {
	switch {
	case dayFirst && !monthFirst:
		return ScanDayFirst
	case monthFirst && !dayFirst:
		return ScanMonthFirst
	}
	return Scan
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
	for len(before) > 0 && !isDigit(before[0]) {
		before = before[1:]
	}
	n := 0
	for n < len(after) && n < 2 && isDigit(after[n]) {
		n++
	}
	if before == "" || n == 0 || len(after) < n+5 || after[n] != sep {
		return 0, 0, false
	}
	for k := n + 1; k < n+5; k++ {
		if !isDigit(after[k]) {
			return 0, 0, false
		}
	}
	for _, c := range []byte(before) {
		if !isDigit(c) {
			return 0, 0, false
		}
		first = first*10 + int(c-'0')
	}
	for _, c := range []byte(after[:n]) {
		second = second*10 + int(c-'0')
	}
	return first, second, true
}
