package extract

import "strings"

// readerAddress opens a newsletter's word to its reader before its
// stories: a greeting or a preview of the issue.
var readerAddress = []string{
	"hello from ", "hello and welcome", "hello again", "hello everyone", "hello,", "hi everyone", "hi there", "hi,", "welcome to ", "welcome back", "greetings from ",
	"in this edition", "in this issue", "in this newsletter", "in this briefing",
}

// issueWords name a newsletter's issue after "in today's" or "in this
// week's" ("In today's edition: …"); "In today's vote, …" reports.
var issueWords = []string{"edition", "issue", "newsletter", "briefing", "email", "dispatch"}

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
