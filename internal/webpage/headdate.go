package webpage

import (
	"maps"
	"net/url"
	"slices"
	"strings"
	"unicode"

	"github.com/newsroom/timeline/internal/newsdate"
	"github.com/newsroom/timeline/internal/timeline"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// headReach is how many runs of visible text before and after the
// headline are looked at for the date a page shows beside it.
const headReach = 8

// readHeadDate offers the date the page shows beside its headline
// (headDateText).
func (r *reader) readHeadDate() {
	if text, _, rule, day, ok := r.headDateText(); ok {
		r.offer(dated{found: true, day: day, text: text, rule: rule, rank: rankHeadText})
	}
}

// headDateText returns the date the page shows beside its headline
// (h1): the nearest run of visible text, within headReach of it, that is
// a date and little else ("April 26, 2022", "Posted on Thursday, May
// 30, 2019", "2022-04-26 21:21:50"), outside navigation and boilerplate
// and not marked as an update; its text (a <time>'s datetime), the text
// a reader sees, the rule that found it, and its day.
func (r *reader) headDateText() (text, shown, rule string, day timeline.Date, ok bool) {
	h := r.titleNode
	if h == nil {
		h = r.headlineElement()
	}
	if h == nil || r.body == nil {
		return "", "", "", timeline.Date{}, false
	}
	var runs []*html.Node
	// The site's home link above the headline (its logo) ends the page's
	// masthead: a date strip before it is the day the page was saved.
	at, above, home := -1, 0, r.homeLinks()
	for n := r.body; n != nil; {
		if n.Type == html.ElementNode && boilerplateTag(n) && n.DataAtom != atom.Header && !articleMeta(n, h) {
			n = next(n, r.body, true)
			continue
		}
		if n.DataAtom == atom.A && at < 0 && slices.Contains(home, n) && !within(n, h) {
			above = len(runs)
		}
		if n.Type == html.TextNode && strings.IndexFunc(n.Data, isAlnum) >= 0 { // a "·" or "|" between runs is no run
			if at < 0 && within(n, h) {
				at = len(runs)
			}
			runs = append(runs, n)
		}
		n = next(n, r.body, false)
	}
	if at < 0 {
		return "", "", "", timeline.Date{}, false
	}
	// A headline inside an <article> has its date there: a date strip
	// above it, outside, is the day the page was saved.
	art := h
	for art != nil && art.DataAtom != atom.Article {
		art = art.Parent
	}
	if r.numericScan == nil {
		r.numericScan = pageScan(r.body) // once a page: readHeadDate and localize both ask
	}
	scan := r.numericScan
	for d := 1; d <= headReach; d++ {
		for _, i := range []int{at + d, at - d} {
			if i < above || i >= len(runs) || within(runs[i], h) || art != nil && !within(runs[i], art) ||
				droppedAround(runs[i], h) || marksUpdate(runs[i]) || inOtherHeader(runs[i], h) || inSentence(runs[i]) || r.linksElsewhere(runs[i]) {
				continue
			}
			shown := collapse(runs[i].Data)
			text, rule := shown, "date beside the headline"
			if dt := stampOf(runs[i]); dt != "" {
				text, rule = dt, "datetime beside the headline"
			}
			if st, ok := r.shownDate(text, scan); ok {
				return text, shown, rule, st.day, true
			}
			if field, st, ok := rowDate(runs[i].Data, scan); ok && text == shown {
				return field, shown, "date field beside the headline", st.day, true
			}
		}
	}
	return "", "", "", timeline.Date{}, false
}

// inSentence reports whether the run n is a piece of a paragraph's
// sentence ("The relocation will take effect from <strong>Monday, 15th
// January 2024</strong> to allow …"): its <p> holds more than eight
// other words. A day a sentence names is no stamp.
func inSentence(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.DataAtom == atom.P {
			return len(strings.Fields(textOf(p)))-len(strings.Fields(n.Data)) > 8
		}
	}
	return false
}

// shownDate reads a run of text beside the headline as dateLine does;
// an all-numeric date that scan leaves unread ("07/08/2019 06:40" on a
// page whose other numeric dates show no order) is read in the one
// order that puts it within a day of the metadata's date, when only one
// does.
func (r *reader) shownDate(text string, scan func(string) []newsdate.Mention) (stamp, bool) {
	if st, ok := dateLine(text, scan); ok || !r.published.found {
		return st, ok
	}
	var found stamp
	n := 0
	for _, order := range []func(string) []newsdate.Mention{newsdate.ScanDayFirst, newsdate.ScanMonthFirst} {
		if st, ok := dateLine(text, order); ok && !farApart(st.day, r.published.day) && st.day != found.day {
			found, n = st, n+1
		}
	}
	return found, n == 1
}

// linksElsewhere reports whether the run n is the text of a link to
// another page: a list's date ("PREVIOUS ISSUES: 22 February 2004"), not
// the page's. A link to the page itself (its canonical URL, or one a
// blog marks rel="bookmark") or within it keeps its date.
func (r *reader) linksElsewhere(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type != html.ElementNode || p.DataAtom != atom.A {
			continue
		}
		href := strings.TrimSpace(attr(p, "href"))
		return href != "" && !strings.HasPrefix(href, "#") && attr(p, "rel") != "bookmark" && !samePath(href, r.url)
	}
	return false
}

// samePath reports whether a link's href leads to the page at canonical:
// the same path, whether the href is absolute or relative to the site.
func samePath(href, canonical string) bool {
	base, err := url.Parse(canonical)
	if canonical == "" || err != nil {
		return false
	}
	u, err := base.Parse(href)
	return err == nil && strings.TrimSuffix(u.Path, "/") == strings.TrimSuffix(base.Path, "/")
}

// droppedAround is dropped for the runs around the headline h: only the
// blocks that hold the run and not the headline count (a wrapper of the
// whole page named "dialog-off-canvas" is no dialog), and a byline
// block, left out of the article's text, holds the date a page shows
// beside its headline ("By Jane Roe · Published: 3:15 PM CST Mar. 3,
// 2022").
func droppedAround(n, h *html.Node) bool {
	for p := n; p != nil && !within(h, p); p = p.Parent {
		if p.Type == html.ElementNode && p.DataAtom != atom.Header && !articleMeta(p, h) &&
			(boilerplateTag(p) || boilerplateName(p, aroundHeadlineWords) || strictlyDropped(p)) {
			return true
		}
	}
	return false
}

// aroundHeadlineWords are boilerplateWords but "byline", and "hidden":
// a class that says so hides a part of a field (Drupal's
// "field--label-hidden" hides its label) or only from the eye, and the
// date beside a headline is the page's all the same.
var aroundHeadlineWords = func() map[string]bool {
	m := maps.Clone(boilerplateWords)
	delete(m, "byline")
	delete(m, "hidden")
	return m
}()

// maxHeadlineCandidates bounds how many elements headlineElement
// compares with the headline.
const maxHeadlineCandidates = 200

// headlineElement returns the first heading (h1 to h4, or an element
// marked as the headline by its class or itemprop) outside boilerplate
// whose text is the headline, or nil. It compares at most
// maxHeadlineCandidates elements, and reads no more of each than a
// headline could hold.
func (r *reader) headlineElement() *html.Node {
	want := normalized(r.title)
	if want == "" || r.body == nil {
		return nil
	}
	limit := 4*len(r.title) + 256
	tried := 0
	for n := r.body; n != nil && tried < maxHeadlineCandidates; n = next(n, r.body, false) {
		if n.Type != html.ElementNode {
			continue
		}
		marked := strings.Contains(strings.ToLower(attr(n, "class")), "headline") || strings.EqualFold(attr(n, "itemprop"), "headline")
		if !marked && n.DataAtom != atom.H1 && n.DataAtom != atom.H2 && n.DataAtom != atom.H3 && n.DataAtom != atom.H4 {
			continue
		}
		tried++
		if text, ok := shortText(n, limit); ok && normalized(text) == want && !dropped(n) {
			return n
		}
	}
	return nil
}

// shortText returns the text under n that a reader sees, each text
// node followed by a space, when it holds at most limit bytes of it, and
// false when it holds more.
func shortText(n *html.Node, limit int) (string, bool) {
	var b strings.Builder
	for c := n; c != nil; {
		if c.Type == html.ElementNode && invisible[c.DataAtom] {
			c = next(c, n, true)
			continue
		}
		if c.Type == html.TextNode {
			if b.Len()+len(c.Data) > limit {
				return "", false
			}
			b.WriteString(c.Data)
			b.WriteByte(' ')
		}
		c = next(c, n, false)
	}
	return b.String(), true
}

// pageScan returns the scan that reads the page's all-numeric dates in
// the order its plain ones, anywhere in its visible text, show
// (newsdate.NumericOrder): "Posted 6/9/2023" on a page that lists
// "6/14/2023" is 9 June. Without one order, ambiguous dates name no day.
func pageScan(body *html.Node) func(string) []newsdate.Mention {
	dayFirst, monthFirst := false, false
	for n := body; n != nil; {
		if n.Type == html.ElementNode && invisible[n.DataAtom] {
			n = next(n, body, true)
			continue
		}
		if n.Type == html.TextNode && strings.ContainsAny(n.Data, "/-") {
			d, m := newsdate.NumericOrder(n.Data)
			dayFirst, monthFirst = dayFirst || d, monthFirst || m
		}
		n = next(n, body, false)
	}
	return newsdate.ScanInOrder(dayFirst, monthFirst)
}

// dateLine reads a run of text that is a date and at most three other
// words, or a byline's words before "Posted" or "Published" and the
// date (or after it, "by" and six words at most), its dates read by
// scan. Of a run that names an update, only what comes before it counts ("Publié le 7 avril 2023, mis à jour le 8
// avril"); a date that closes a range ("Saturday 20 – Sunday 21
// September 2025") is an event's, not a publication date.
func dateLine(text string, scan func(string) []newsdate.Mention) (stamp, bool) {
	if len(text) > 3*60 {
		return stamp{}, false
	}
	lower := strings.ToLower(text)
	if i := updateAt(lower); i >= 0 {
		if len(lower) != len(text) {
			return stamp{}, false
		}
		text, lower = text[:i], lower[:i]
	}
	if len(text) > 60 {
		return stamp{}, false
	}
	if st, ok := isoStamp(text); ok {
		return st, true
	}
	for _, m := range scan(text) {
		if m.Kind != newsdate.Absolute {
			continue
		}
		before := text[:m.Start]
		if newsdate.ClosesRange(before) {
			return stamp{}, false
		}
		after := text[m.End:]
		if i := max(strings.LastIndex(lower[:m.Start], "posted "), strings.LastIndex(lower[:m.Start], "published ")); i >= 0 {
			before = before[i:] // "By A Writer, Staff Writer · Posted 6/9/2023": the byline before the label
			if strings.HasPrefix(lower[m.End:], " by ") && otherWords(after) <= 6 {
				after = "" // "Posted 12/04/2020 by the Parish Clerk": the byline after it
			}
		}
		if otherWords(before+" "+after) > 3 {
			return stamp{}, false
		}
		day, ok := plausibleDay(m.Year, m.Month, m.Day)
		return stamp{day: day, second: -1}, ok
	}
	return stamp{}, false
}

// rowDate reads a run of text that is a row of fields ("Date:
// 2008-10-17 | 14:32 GMT  Author: A Writer"), split at bars, dots and
// runs of two spaces: the one field that is a date and little else
// (dateLine), when no other field names a date. It returns that field.
func rowDate(raw string, scan func(string) []newsdate.Mention) (string, stamp, bool) {
	if len(raw) > 3*60 {
		return "", stamp{}, false
	}
	var found string
	var st stamp
	for _, f := range rowFields(raw) {
		if s, ok := dateLine(f, scan); ok {
			if found != "" {
				return "", stamp{}, false // a list's dates
			}
			found, st = f, s
		} else if hasDay(scan(f)) {
			return "", stamp{}, false
		}
	}
	return found, st, found != ""
}

// rowFields splits a row of fields at " | ", "·", "•" and runs of two
// or more spaces (no-break spaces too), each field collapsed.
func rowFields(raw string) []string {
	var fields []string
	var b strings.Builder
	spaces := 0
	flush := func() {
		if f := collapse(b.String()); f != "" {
			fields = append(fields, f)
		}
		b.Reset()
	}
	for _, c := range raw {
		switch {
		case c == '|' || c == '·' || c == '•':
			flush()
			spaces = 0
			continue
		case c == ' ' || c == '\u00a0' || c == '\t':
			if spaces++; spaces == 2 {
				flush()
			}
		default:
			spaces = 0
		}
		b.WriteRune(c)
	}
	flush()
	return fields
}

// isAlnum reports whether r is a letter or a digit.
func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// hasDay reports whether mentions name a calendar day.
func hasDay(ms []newsdate.Mention) bool {
	for _, m := range ms {
		if m.Kind == newsdate.Absolute {
			return true
		}
	}
	return false
}

// updateWords say that a date beside them is when a text was changed.
var updateWords = append([]string{"updat", "modif", "edited", "revised"}, newsdate.ForeignUpdateWords...)

// updateAt returns the offset in a lower-cased run of text of the first
// word that names an update, or -1.
func updateAt(lower string) int {
	at := -1
	for _, w := range updateWords {
		if i := strings.Index(lower, w); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	return at
}

// otherWords counts the words of what a run of text holds beside its
// date, but for the clock around it ("3:15 PM CST") and the label
// before it ("Published:", "Posted on").
func otherWords(rest string) int {
	n := 0
	for w := range strings.FieldsSeq(rest) {
		w = strings.Trim(w, ",.:|·•-–—()")
		lower := strings.ToLower(w)
		switch {
		case w == "", strings.ContainsAny(w, "0123456789"), lower == "am" || lower == "pm" || lower == "a.m" || lower == "p.m",
			len(w) <= 4 && strings.ToUpper(w) == w, // a zone: "CST", "IST", "GMT"
			lower == "published" || lower == "posted" || lower == "submitted" || lower == "on" || lower == "at",
			newsdate.IsWeekday(lower) || newsdate.IsWeekdayAbbrev(lower): // "Submitted by editor on Wed, 01/10/2018"
		default:
			n++
		}
	}
	return n
}

// stampOf returns the machine-readable date of the element a run of
// text is in: a <time>'s datetime, or the title of an element whose
// class says "published" (hAtom's <abbr class="published" title=...>);
// "" when it has none.
func stampOf(n *html.Node) string {
	for p, up := n.Parent, 0; p != nil && up < 2; p, up = p.Parent, up+1 {
		if p.DataAtom == atom.Time {
			if shown := attr(p, "title"); localTitle(shown, attr(p, "datetime")) {
				return shown
			}
			return attr(p, "datetime")
		}
		if slices.Contains(nameWords(attr(p, "class")), "published") {
			return attr(p, "title")
		}
	}
	return ""
}

// localTitle reports whether a <time>'s title writes the moment of its
// datetime on the page's own clock ("Wed, 29 Nov 2023, 7:20 am SGT"
// for "2023-11-28T23:20:00.000Z"): a written date within a day of it.
func localTitle(title, datetime string) bool {
	shown, ok := dateLine(title, newsdate.Scan)
	machine, ok2 := parseStamp(datetime)
	if !ok || !ok2 || title == "" {
		return false
	}
	days := newsdate.DaysBetween(machine.day, shown.day)
	return days >= -1 && days <= 1
}

// inOtherHeader reports whether n sits in a <header> that does not hold
// the headline h: the site's, whose date is the day the page was saved.
func inOtherHeader(n, h *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.Header && !within(h, p) && !(enclosing(p, atom.Article) != nil && enclosing(h, atom.Article) == nil) {
			return true
		}
	}
	return false
}

// articleMeta reports whether n is a footer (a <footer>, or a block whose
// class says "footer") that holds an article's byline and date, not the
// page's: it stands in an <article>, or beside the headline h, before any
// paragraph of its parent (Drupal's "node__meta", TYPO3's news footer).
func articleMeta(n, h *html.Node) bool {
	if n.Parent == nil || n.DataAtom != atom.Footer && !slices.Contains(nameWords(attr(n, "class")), "footer") {
		return false
	}
	if p := n.Parent; p.DataAtom != atom.Article && !within(h, p) {
		return false
	}
	for c := n.Parent.FirstChild; c != n; c = c.NextSibling {
		if c.DataAtom == atom.P || c.Type == html.ElementNode && holdsParagraph(c) {
			return false
		}
	}
	return true
}

// holdsParagraph reports whether a <p> stands inside n.
func holdsParagraph(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = next(c, n, false) {
		if c.DataAtom == atom.P {
			return true
		}
	}
	return false
}

// enclosing returns the nearest element of kind a around n, or nil.
func enclosing(n *html.Node, a atom.Atom) *html.Node {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == a {
			return p
		}
	}
	return nil
}

// marksUpdate reports whether an element around n (up to four levels)
// names an update or a comment by its class or id.
func marksUpdate(n *html.Node) bool {
	for p, up := n.Parent, 0; p != nil && up < 4; p, up = p.Parent, up+1 {
		names := strings.ToLower(attr(p, "class") + " " + attr(p, "id"))
		for _, w := range []string{"updat", "modif", "comment", "reply"} {
			if strings.Contains(names, w) {
				return true
			}
		}
	}
	return false
}
