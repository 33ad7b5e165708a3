package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/newsroom/timeline/internal/newsdate"
)

// datelineInfo is what a dateline at the start of the lede said.
type datelineInfo struct {
	found bool
	// end is the offset where the lede's own words start.
	end     int
	place   string
	outlet  string
	date    newsdate.Mention
	hasDate bool
}

// dateAfter takes into the dateline a date that follows its separator
// and ends with a colon or a dash ("CAIRO – 7 November 2021: …",
// "Dublin, Ireland – 28 July 2025 – Kestrel Foods …"), from offset at
// of text.
func (d *datelineInfo) dateAfter(text string, at int) {
	after := text[at:min(len(text), at+40)]
	for _, m := range newsdate.Scan(after) {
		if m.Start != 0 || m.Kind != newsdate.Absolute && m.Kind != newsdate.Yearless {
			return
		}
		for _, sep := range []string{": ", " – ", " — ", " - "} {
			if strings.HasPrefix(after[m.End:], sep) {
				m.Start += at
				m.End += at
				d.date, d.hasDate, d.end = m, true, m.End+len(sep)
				return
			}
		}
		return
	}
}

// datelineSeps end a dateline, in order of preference.
var datelineSeps = []string{" — ", " -- ", " – ", " - ", "— ", ": "}

// readDateline reads a dateline at the start of the lede: "WASHINGTON:",
// "MOSCOW —", "(CNN) --", "NUSA DUA, Indonesia, July 9 (Reuters) -".
func (x *extraction) readDateline(l span) {
	head := l.Text[:min(len(l.Text), 100)]
	at, sep := -1, ""
	for _, s := range datelineSeps {
		if i := strings.Index(head, s); i > 0 && (at < 0 || i < at) {
			at, sep = i, s
		}
	}
	if at < 0 {
		return
	}
	// The date is taken out before the prefix is judged, so that a
	// month's abbreviation ("Jan. 6") is not read as a sentence's end.
	rest := head[:at]
	m, hasDate := firstDay(newsdate.Scan(rest), l.Start)
	if hasDate {
		if k := strings.Index(rest, x.text[m.Start:m.End]); k >= 0 {
			rest = rest[:k] + rest[k+m.End-m.Start:]
		}
	}
	if !isDatelinePrefix(rest, sep == ": " && !(hasDate && m.Kind == newsdate.Absolute)) {
		return
	}
	d := datelineInfo{found: true, end: l.Start + at + len(sep), date: m, hasDate: hasDate}
	if !hasDate {
		d.dateAfter(x.text, l.Start+at+len(sep)) // "CAIRO – 7 November 2021: An Egyptian …"
	}
	if i := strings.IndexByte(rest, '('); i >= 0 {
		if j := strings.IndexByte(rest[i:], ')'); j > 0 {
			d.outlet = strings.TrimSpace(rest[i+1 : i+j])
			rest = rest[:i] + rest[i+j+1:]
		}
	}
	d.place = strings.Trim(rest, " ,")
	if d.outlet == "" && isAcronym(d.place) {
		d.outlet, d.place = d.place, ""
	}
	x.dateline = d
	if x.a.Outlet == "" {
		x.a.Outlet = d.outlet
	}
	if x.a.Dateline == "" {
		x.a.Dateline = d.place
	}
}

// setDatelineToken reads a dateline split over lines ("CNN" then "—").
func (x *extraction) setDatelineToken(tok string) {
	tok = strings.Trim(tok, " ()")
	if isAcronym(tok) {
		x.a.Outlet = tok
	} else {
		x.a.Dateline = tok
	}
}

// isAcronym reports whether s is two or three capital letters, the way
// news agencies and networks sign datelines ("CNN", "AP", "AFP"); place
// names are longer ("KYIV", "MOSCOW").
func isAcronym(s string) bool {
	if len(s) < 2 || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// isDatelinePrefix reports whether s can be a dateline: a few capitalised
// words, perhaps a date and a parenthesised agency; with a colon, capitals
// only (readDateline asks that only when the dateline gives no full date:
// "New Delhi, 14.02.2022:" is one).
func isDatelinePrefix(s string, colon bool) bool {
	if strings.Contains(s, ". ") || strings.ContainsAny(s, "\"“”") {
		return false
	}
	n, caps, special := 0, 0, false
	for w := range strings.FieldsSeq(s) {
		aside, capital, ok := datelineWord(w)
		if n++; n > 8 || !ok {
			return false
		}
		special = special || aside
		if capital && isUpperWord(w) {
			caps++
		}
	}
	if n == 0 {
		return false
	}
	if colon {
		return caps == n
	}
	return caps > 0 || special || n <= 3
}

// datelineWord sorts a word of a possible dateline by its first byte: a
// parenthesised agency or a number is an aside, a slash between two
// places ("GENEVA / PORT-AU-PRINCE") joins them, a word starting with a
// capital may be all capitals, and any other word rules a dateline out
// (ok false).
func datelineWord(w string) (aside, capital, ok bool) {
	switch c := w[0]; {
	case c == '(' || c >= '0' && c <= '9':
		return true, false, true
	case w == "/":
		return false, false, true
	case c >= 'A' && c <= 'Z':
		return false, true, true
	}
	return false, false, false
}

// isUpperWord reports whether strings.ToUpper(w) == w, without a copy
// when w is ASCII.
func isUpperWord(w string) bool {
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= utf8.RuneSelf:
			return strings.ToUpper(w) == w
		case c >= 'a' && c <= 'z':
			return false
		}
	}
	return true
}
