// Package newsdate finds the dates news text mentions: full dates in the
// forms newsrooms print ("May 13, 2022", "Dec. 21, 2021", "21 May 2022",
// "Fri 25 Feb 2022 02.02 GMT", "2022-02-11", "2022/04/19 21:01",
// "April 16, 2022, 12:04 p.m. ET"), yearless ones ("July 9", "Tuesday
// (Apr 19)"), and relative ones ("on Friday", "yesterday", "last week").
//
// Scan hands the extract stage a list of Mentions with byte offsets; it
// reads each byte a bounded number of times, so it runs in time linear in
// the text, and it never resolves anything against the clock: resolving
// relative mentions is the caller's job, against a publication date.
package newsdate

import "strings"

// Kind says what sort of date a Mention is.
type Kind int

const (
	// Absolute is a calendar day with its year ("May 13, 2022").
	Absolute Kind = iota
	// Yearless is a month and day without a year ("July 9").
	Yearless
	// MonthYear is a month of a year ("April 2021").
	MonthYear
	// YearAlone is a bare year ("since 2014").
	YearAlone
	// RelWeekday is a weekday relative to the text's date ("on Friday").
	RelWeekday
	// Yesterday is "yesterday".
	Yesterday
	// Today is "today", "tonight" or "this morning".
	Today
	// LastWeek is "last week".
	LastWeek
)

// String names the kind, for evidence and debugging.
func (k Kind) String() string {
	return [...]string{"absolute", "yearless", "month-year", "year", "weekday", "yesterday", "today", "last-week"}[k]
}

// Mention is one date expression found in a text. Start and End are byte
// offsets into the scanned text; fields not given by the text are zero,
// and Weekday is -1 unless a weekday is named (Sunday = 0).
type Mention struct {
	Start, End       int
	Kind             Kind
	Year, Month, Day int
	Weekday          int
	// Modifier is "last", "next" or "this" before a weekday, else "".
	Modifier     string
	Hour, Minute int
	HasClock     bool
	// Offset is the UTC offset in minutes named by a zone ("GMT", "BST").
	Offset    int
	HasOffset bool
}

// maxWord bounds the words the scanner looks up; longer words are skipped.
const maxWord = 12

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

var weekdays = map[string]int{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
}

// IsWeekday reports whether word is the full name of a day of the
// week, in any case ("Monday", "monday").
func IsWeekday(word string) bool {
	_, ok := weekdays[strings.ToLower(word)]
	return ok
}

// IsWeekdayAbbrev reports whether word is a short name of a day of the
// week, in any case ("Wed", "thurs").
func IsWeekdayAbbrev(word string) bool {
	_, ok := weekdayAbbrevs[strings.ToLower(word)]
	return ok
}

var weekdayAbbrevs = map[string]int{
	"sun": 0, "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6,
}

// knownWord is what a word means in months, weekdays and
// weekdayAbbrevs; -1 where it is not in the table.
type knownWord struct{ month, weekday, abbrev int }

// knownWords has the words of months, weekdays and weekdayAbbrevs.
var knownWords = func() map[string]knownWord {
	words := map[string]knownWord{}
	get := func(w string) knownWord {
		if k, ok := words[w]; ok {
			return k
		}
		return noWord
	}
	for w, v := range months {
		k := get(w)
		k.month = v
		words[w] = k
	}
	for w, v := range weekdays {
		k := get(w)
		k.weekday = v
		words[w] = k
	}
	for w, v := range weekdayAbbrevs {
		k := get(w)
		k.abbrev = v
		words[w] = k
	}
	return words
}()

// noWord is the knownWord of a word in none of the tables.
var noWord = knownWord{-1, -1, -1}

// zones are the time zones whose offset does not depend on the season.
var zones = map[string]int{
	"gmt": 0, "utc": 0, "bst": 60, "cet": 60, "cest": 120, "eet": 120, "eest": 180,
	"msk": 180, "est": -300, "edt": -240, "cst": -360, "cdt": -300, "pst": -480, "pdt": -420,
	"mez": 60, "mesz": 120,
}

// Scan returns the date mentions in text, in order of position.
func Scan(text string) []Mention {
	return AppendScan(nil, text)
}

// AppendScan appends the date mentions in text to dst, in order of
// position, and returns the extended slice. Offsets are into text.
func AppendScan(dst []Mention, text string) []Mention {
	s := scanner{text: text, out: dst}
	return s.run()
}

// ScanDayFirst is Scan for a text in a language that writes all-numeric
// dates day first (French, Spanish, German, …): "03/04/2022" is 3 April,
// where Scan reads no day from it.
func ScanDayFirst(text string) []Mention {
	s := scanner{text: text, dayFirstOrder: true}
	return s.run()
}

// ScanMonthFirst is Scan for a text that writes all-numeric dates month
// first (a page whose other dates say so: "06/14/2023"): "06/09/2023" is
// 9 June, where Scan reads no day from it.
func ScanMonthFirst(text string) []Mention {
	s := scanner{text: text, monthFirstOrder: true}
	return s.run()
}

type scanner struct {
	text string
	out  []Mention
	// lastEnd is where the last mention found in text ends.
	lastEnd int
	// dayFirstOrder reads "03/04/2022" as 3 April, monthFirstOrder as
	// 4 March.
	dayFirstOrder, monthFirstOrder bool
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isUpper(c byte) bool  { return c >= 'A' && c <= 'Z' }
func isLower(c byte) bool  { return c >= 'a' && c <= 'z' }

// wordEnd returns the end of the ASCII word starting at i; a capital after
// a small letter starts a new word, so glued text ("LincMay") splits.
func (s *scanner) wordEnd(i int) int {
	t := s.text
	j := i + 1
	for j < len(t) && (isLower(t[j]) || isUpper(t[j]) && !isLower(t[j-1])) {
		j++
	}
	return j
}

// lower returns the word text[i:j] in lower case, or "" when too long.
func (s *scanner) lower(i, j int, buf *[maxWord]byte) string {
	if j-i > maxWord {
		return ""
	}
	for k := i; k < j; k++ {
		buf[k-i] = s.text[k] | 0x20
	}
	return string(buf[:j-i])
}

func (s *scanner) run() []Mention {
	var buf [maxWord]byte
	t := s.text
	for i := 0; i < len(t); {
		c := t[i]
		switch {
		case isLetter(c):
			j := s.wordEnd(i)
			glued := i > 0 && isLetter(t[i-1])
			if (!glued || isUpper(c)) && j-i >= 3 && j-i <= 9 && knownStart(t[i:j]) {
				if m, ok := s.word(i, j, s.lower(i, j, &buf)); ok {
					s.out = append(s.out, m)
					i, s.lastEnd = m.End, m.End
					continue
				}
			}
			i = j
		case isDigit(c):
			j := i
			for j < len(t) && isDigit(t[j]) {
				j++
			}
			if i == 0 || !isDigit(t[i-1]) && t[i-1] != '.' && t[i-1] != ',' {
				if m, ok := s.number(i, j); ok {
					s.out = append(s.out, m)
					i, s.lastEnd = m.End, m.End
					continue
				}
			}
			i = j
		default:
			i++
		}
	}
	return s.out
}

// knownStarts has a bit for the first three letters of every word the
// scanner knows (months, weekdays, "yesterday", "today", "tonight",
// "week"), so that other words are passed over without a map look-up.
var knownStarts = func() (bits [26*26*26/64 + 1]uint64) {
	known := []string{"yesterday", "today", "tonight", "week", "night", "morning", "afternoon", "evening"}
	for _, table := range []map[string]int{months, weekdays, weekdayAbbrevs} {
		for w := range table {
			known = append(known, w)
		}
	}
	for _, w := range known {
		n := letters3(w)
		bits[n/64] |= 1 << (n % 64)
	}
	return bits
}()

// letters3 numbers the first three letters of w, a word of at least
// three ASCII letters, in either case.
func letters3(w string) int {
	return (int(w[0]|0x20-'a')*26+int(w[1]|0x20-'a'))*26 + int(w[2]|0x20-'a')
}

// knownStart reports whether w, a word of at least three ASCII letters,
// starts like a word the scanner knows.
func knownStart(w string) bool {
	n := letters3(w)
	return knownStarts[n/64]&(1<<(n%64)) != 0
}

// word reads a mention that starts with the word text[i:j] (lw in lower
// case).
func (s *scanner) word(i, j int, lw string) (Mention, bool) {
	t := s.text
	k, ok := knownWords[lw] // one look-up for the three tables
	if !ok {
		k = noWord
	}
	if mo := k.month; mo >= 0 && (isUpper(t[i]) || lw == "sept") && (len(lw) > 3 || isUpper(t[i])) {
		return s.monthFirst(i, j, mo, -1)
	}
	if wd := k.weekday; wd >= 0 && isUpper(t[i]) {
		if m, ok := s.afterWeekday(i, j, wd); ok {
			return m, true
		}
		m := Mention{Start: i, End: j, Kind: RelWeekday, Weekday: wd}
		m.Modifier = s.modifierBefore(i)
		if m.Modifier != "" {
			m.Start = i - len(m.Modifier) - 1
		}
		return m, true
	}
	if wd := k.abbrev; wd >= 0 && isUpper(t[i]) {
		return s.afterWeekday(i, j, wd)
	}
	switch lw {
	case "yesterday":
		return Mention{Start: i, End: j, Kind: Yesterday, Weekday: -1}, true
	case "today", "tonight":
		return Mention{Start: i, End: j, Kind: Today, Weekday: -1}, true
	case "week":
		if mod := s.modifierBefore(i); mod == "last" {
			return Mention{Start: i - 5, End: j, Kind: LastWeek, Weekday: -1, Modifier: mod}, true
		}
	case "night":
		if s.modifierBefore(i) == "last" {
			return Mention{Start: i - 5, End: j, Kind: Yesterday, Weekday: -1}, true // "last night"
		}
	case "morning", "afternoon", "evening":
		if s.modifierBefore(i) == "this" {
			return Mention{Start: i - 5, End: j, Kind: Today, Weekday: -1}, true // "this morning"
		}
	}
	return Mention{}, false
}

// modifierBefore returns "last", "next" or "this" when that word directly
// precedes offset i.
func (s *scanner) modifierBefore(i int) string {
	for _, mod := range [...]string{"last", "next", "this"} {
		k := i - len(mod) - 1
		if k >= 0 && s.text[i-1] == ' ' && equalFold(s.text[k:i-1], mod) && (k == 0 || !isLetter(s.text[k-1])) {
			return mod
		}
	}
	return ""
}

func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if a[i]|0x20 != b[i] {
			return false
		}
	}
	return true
}

// afterWeekday reads a date that follows a weekday name ending at j:
// "Tuesday, Dec. 21, 2021", "Fri 25 Feb 2022", "Tuesday (Apr 19)".
func (s *scanner) afterWeekday(i, j, wd int) (Mention, bool) {
	t := s.text
	k := j
	if k < len(t) && t[k] == '.' {
		k++
	}
	if k < len(t) && t[k] == ',' {
		k++
	}
	paren := false
	k = s.skipSpace(k)
	if k < len(t) && t[k] == '(' {
		paren = true
		k++
	}
	if k >= len(t) {
		return Mention{}, false
	}
	var m Mention
	var ok bool
	if isDigit(t[k]) {
		e := k
		for e < len(t) && isDigit(t[e]) {
			e++
		}
		m, ok = s.dayFirst(k, e)
	} else if isLetter(t[k]) {
		var buf [maxWord]byte
		e := s.wordEnd(k)
		if mo, isMonth := months[s.lower(k, e, &buf)]; isMonth && isUpper(t[k]) {
			m, ok = s.monthFirst(k, e, mo, wd)
		}
	}
	if !ok || m.Kind == MonthYear {
		return Mention{}, false
	}
	if paren {
		if m.End >= len(t) || t[m.End] != ')' {
			return Mention{}, false
		}
		m.End++
	}
	m.Start, m.Weekday = i, wd
	return m, true
}

// afterMonth returns where the text goes on after a month's name that
// ends at we: past a full stop, a comma and spaces ("Feb., 2022").
func (s *scanner) afterMonth(we int) int {
	t := s.text
	if we < len(t) && t[we] == '.' {
		we++
	}
	if we < len(t) && t[we] == ',' {
		we++
	}
	return s.skipSpace(we)
}

// skipSpace skips spaces, tabs and no-break spaces (U+00A0) from k.
func (s *scanner) skipSpace(k int) int {
	t := s.text
	for k < len(t) {
		switch {
		case t[k] == ' ' || t[k] == '\t':
			k++
		case t[k] == 0xc2 && k+1 < len(t) && t[k+1] == 0xa0:
			k += 2
		default:
			return k
		}
	}
	return k
}

// digits returns the end of the digit run at k and its value (capped).
func (s *scanner) digits(k int) (end, value int) {
	t := s.text
	end = k
	for end < len(t) && isDigit(t[end]) {
		if end-k < 9 {
			value = value*10 + int(t[end]-'0')
		}
		end++
	}
	return end, value
}

// skipOrdinal skips "st", "nd", "rd" or "th" (any of them after any
// number: "22th" is a typo newsrooms make), and the French "er" ("1er").
func (s *scanner) skipOrdinal(k int) int {
	t := s.text
	if k+1 < len(t) && isLetter(t[k]) && isLetter(t[k+1]) && (k+2 >= len(t) || !isLetter(t[k+2])) {
		switch string([]byte{t[k] | 0x20, t[k+1] | 0x20}) {
		case "st", "nd", "rd", "th", "er":
			return k + 2
		}
	}
	return k
}

// year reads a four-digit year at k. A longer digit run is accepted when
// its first four digits are a plausible year: flattened HTML glues the
// next number on ("20220" for a year and a comment count).
func (s *scanner) year(k int) (end, y int, ok bool) {
	e, _ := s.digits(k)
	n := e - k
	if n < 4 {
		return 0, 0, false
	}
	y = int(s.text[k]-'0')*1000 + int(s.text[k+1]-'0')*100 + int(s.text[k+2]-'0')*10 + int(s.text[k+3]-'0')
	if n == 4 && y >= 1900 && y <= 2100 || n > 4 && y >= 1990 && y <= 2039 {
		return k + 4, y, true
	}
	return 0, 0, false
}
