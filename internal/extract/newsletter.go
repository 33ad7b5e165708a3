package extract

import (
	"strings"

	"github.com/newsroom/timeline/internal/newsdate"
)

// readerAddress opens a newsletter's word to its reader before its
// stories: a greeting or a preview of the issue.
var readerAddress = []string{
	"hello from ", "hello and welcome", "hello again", "hello everyone", "hello,", "hi everyone", "hi there", "hi,", "welcome to ", "welcome back", "greetings from ",
	"in this edition", "in this issue", "in this newsletter", "in this briefing",
	"here's what you need to know", "here’s what you need to know",
}

// issueWords name a newsletter's issue after "in today's" or "in this
// week's" ("In today's edition: …"); "In today's vote, …" reports.
var issueWords = []string{"edition", "issue", "newsletter", "briefing", "email", "dispatch"}

// roundupWords name what "Here's your …" hands the reader: an issue, or
// a round-up of the day ("Here's your round-up of the stories that
// matter today"); "Here's your chance …" reports.
var roundupWords = append([]string{"round-up", "roundup", "digest", "daily", "morning", "evening", "weekly", "weekend", "update"}, issueWords...)

// isReaderAddress reports whether a paragraph before the lede speaks to
// the reader ("Hello from Dubai, where …", "In today's edition: …")
// rather than reports: at most forty words opening with a greeting or an
// issue's preview.
func isReaderAddress(lower string) bool {
	if len(lower) > 400 || strings.Count(lower, " ") >= 40 {
		return false
	}
	if startsWithAny(lower, readerAddress) {
		return true
	}
	for _, p := range []string{"in today's ", "in today’s ", "in this week's ", "in this week’s ", "today's ", "today’s ", "this week's ", "this week’s "} {
		if rest, ok := strings.CutPrefix(lower, p); ok {
			return startsWithAny(rest, issueWords)
		}
	}
	for _, p := range []string{"here's your ", "here’s your ", "here is your "} {
		if rest, ok := strings.CutPrefix(lower, p); ok {
			return startsWithAny(rest, roundupWords)
		}
	}
	return false
}

// newsletterMarks name a newsletter in its title or head ("The Morning
// Brief", "Newsletters", "View in browser", "If you can't see this email").
var newsletterMarks = []string{"newsletter", "view in browser", "view online", "view it online", "this email", "briefing", "morning brief", "evening brief", "daily brief"}

// isNewsletter reports whether the headline or a head line before the
// first prose line names a newsletter: its "Good morning." greets the
// reader, it opens no speech.
func (x *extraction) isNewsletter() bool {
	if indexAny(strings.ToLower(x.a.Title), newsletterMarks) >= 0 {
		return true
	}
	for i := 0; i < min(x.firstProse, len(x.lines)); i++ {
		if indexAny(x.facts[i].lower, newsletterMarks) >= 0 {
			return true
		}
	}
	return false
}

// greetingWords open a newsletter's greeting to its reader.
var greetingWords = []string{"good morning", "good afternoon", "good evening", "morning,", "hello", "hi,", "hi ", "welcome"}

// readGreeting reads the day a newsletter's greeting gives ("Good
// morning. It's Wednesday, October 4, 2023.") as the issue's publication
// date, and reports whether paragraph l was a greeting that gives a full
// date or names no day at all ("Good morning. Here's what you need to
// know to start your day."): it speaks to the reader, and the lede is
// the top story under it. A greeting that names a day alone ("It's
// Tuesday") stays, as some briefings date their story by it.
func (x *extraction) readGreeting(l span) bool {
	lower := x.lowerOf(l)
	if len(lower) > 400 || !startsWithAny(lower, greetingWords) || !x.isNewsletter() {
		return false
	}
	mentions := newsdate.Scan(l.Text)
	if len(mentions) == 0 || issueDayOnly(l.Text, mentions) {
		return true
	}
	m, ok := firstDay(mentions, l.Start)
	if !ok || m.Kind != newsdate.Absolute || !m.WeekdayAgrees() {
		return false
	}
	x.greeting = candidate{true, m}
	return true
}

// emailFields start the header lines of an email saved with its text.
var emailFields = []string{"from:", "to:", "subject:", "reply-to:", "cc:"}

// emailDate returns the date of an email's header ("Date: Fri, 11 Oct
// 2002 06:15:22 -0400" or "Sent: …" among "From:", "To:" and "Subject:"
// lines in the first lines of the text): the day a newsletter was sent.
func (x *extraction) emailDate() candidate {
	var date candidate
	fields := 0
	for i := range min(len(x.lines), 8) {
		f := &x.facts[i]
		switch {
		case startsWithAny(f.lower, emailFields):
			fields++
		case strings.HasPrefix(f.lower, "date:") || strings.HasPrefix(f.lower, "sent:"):
			if m, ok := firstDay(f.dates, x.lines[i].Start); ok && m.Kind == newsdate.Absolute && oneDay(f.dates) {
				date = candidate{true, m}
			}
		}
	}
	if fields < 2 {
		return candidate{}
	}
	return date
}

// issueDayOnly reports whether the only days a greeting names are the
// issue's own, as "today", "It's Friday 13th" or "Happy Monday" give it:
// the story under it tells its own day.
func issueDayOnly(text string, mentions []newsdate.Mention) bool {
	for _, m := range mentions {
		if m.Kind == newsdate.Today {
			continue // "Here is what you need to know today."
		}
		before := strings.ToLower(text[:m.Start])
		if m.Kind != newsdate.RelWeekday || m.Modifier != "" ||
			!strings.HasSuffix(before, "it's ") && !strings.HasSuffix(before, "it’s ") && !strings.HasSuffix(before, "it is ") && !strings.HasSuffix(before, "happy ") {
			return false
		}
	}
	return true
}
