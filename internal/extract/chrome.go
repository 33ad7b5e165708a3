package extract

import (
	"strings"
)

// Reasons a line or sentence is left out of the body.
const (
	reasonBeforeHeadline = "navigation before the headline"
	reasonAfterEnd       = "after the end of the article"
	reasonNavigation     = "navigation"
	reasonShare          = "share buttons"
	reasonListItem       = "list item"
	reasonBreadcrumb     = "breadcrumb"
	reasonDateLine       = "date line"
	reasonByline         = "byline"
	reasonCopyright      = "copyright"
	reasonPromo          = "promotion or prompt"
	reasonAdvertisement  = "advertisement"
	reasonScrap          = "scrap"
	reasonRepeated       = "repeated line"
	reasonCredit         = "photo credit"
	reasonEditorNote     = "editorial note"
	reasonAuthorBio      = "the writer's note on themself"
	reasonTrailer        = "trailer"
	reasonDateline       = "dateline"
	reasonMarker         = "date marker"
	reasonVideo          = "video caption"
	reasonTeaser         = "teaser"
	reasonRelated        = "link to another story (a headline inside the body)"
	reasonLabel          = "label glued to the text"
)

// navigationWords are whole lines that are site navigation or prompts.
var navigationWords = map[string]string{
	"home": reasonNavigation, "news": reasonNavigation, "menu": reasonNavigation, "search": reasonNavigation,
	"login": reasonPromo, "log in": reasonPromo, "sign in": reasonPromo, "register": reasonPromo,
	"subscribe": reasonPromo, "share": reasonShare, "trending": reasonNavigation, "what's hot": reasonNavigation,
	"advertisement": reasonAdvertisement, "advertise with us": reasonAdvertisement, "ad": reasonAdvertisement,
	"welcome back!": reasonPromo, "lost password?": reasonPromo, "register now!": reasonPromo,
	"sign in or register": reasonPromo, "skip to content": reasonNavigation, "hide caption": reasonCredit,
	"show caption": reasonCredit, "see the video": reasonPromo, "read more": reasonPromo,
	"comments": reasonNavigation, "no comments": reasonNavigation, "print": reasonShare,
}

// endMarkers are whole lines after which a page holds no more article.
var endMarkers = map[string]bool{
	"source link": true, "read full article": true, "source: read full article": true,
	"don't miss": true, "latest posts": true, "stay in touch": true, "related articles": true,
	"related stories": true, "more stories": true, "you may also like": true, "recommended": true,
	"most popular": true, "most read": true, "related": true, "read next": true, "more from": true,
	"leave a reply": true, "leave a comment": true, "tags": true,
	"mehr zum thema": true, "lesen sie auch": true, "à lire aussi": true, "À lire aussi": true, "lire aussi": true, "leer más": true,
	"lea también": true, "leggi anche": true, "lees ook": true, "leia também": true, "czytaj także": true,
	"читайте также": true, "Читайте также": true, "читайте також": true, "Читайте також": true,
}

// socialWords are the words of share-button rows.
var socialWords = map[string]bool{
	"facebook": true, "twitter": true, "instagram": true, "pinterest": true, "linkedin": true,
	"tumblr": true, "email": true, "whatsapp": true, "youtube": true, "vimeo": true, "reddit": true,
	"telegram": true, "share": true, "tweet": true, "copy": true, "link": true, "print": true, "messenger": true,
	"social": true, "sharing": true, "x": true, "flipboard": true, "bluesky": true, "threads": true, "mastodon": true,
	"on": true, "via": true, // "Share on Facebook", "Share via Email"
}

// promoPhrases mark short lines and sentences that address the reader
// rather than report.
var promoPhrases = []string{
	"subscribe to", "newsletter", "sign up", "get the latest", "follow us", "follow our coverage", "listen to this article",
	"join us on", "download the app", "read more", "click here", "live coverage here", "you can read more",
	"share this", "email us", "type above and press enter", "will be e-mailed", "already registered",
	"reach out to us", "to advertise", "follow the ", "we'd like to hear", "here are some tips",
	"here's our email", "is committed to publishing", "have an opinion on anything", "considered for publication",
	"see the video", "watch live", "watch the video", "can be followed in", "opens in new window", "click to share",
	"receive the latest", "join thousands", "share or comment", "comment on this article",
	"requires a subscription", "subscribers only", "for subscribers", "premium article", "subscribe now",
	"trouble viewing this email", "trouble reading this", "view it online", "view it in your browser", "view in browser",
	"open in browser", "open it in your browser", "view this email", " min read",
}

// editorNotes start the notes editors append about corrections and updates.
var editorNotes = []string{
	"this article was amended", "this story has been updated", "this story has been corrected",
	"(this story corrects", "this article has been updated", "correction:", "an earlier version of this",
	"this story corrects", "this article was updated", "a previous version of this",
	"correction (", "clarification:", "clarification (",
}

// creditMarks identify photo and video credits inside a line.
var creditMarks = []string{
	"(ap photo", "ap photo/", " via ap)", "via reuters", "photograph:", "(photo:", "(image:", "image:",
	"getty images", "/afp", "(afp", "pool photo", "image source", "image caption", "photo credit",
	"(reuters/", "reuters/", "/ap)", "press service via", "(photo by", "photo by ", "(picture by", "picture by ",
	"photo / ", "photograph / ", "(courtesy of", "(photo courtesy", ". photo: ",
}

// Groups of linePhrases.
const (
	// groupCredit is the creditMarks.
	groupCredit uint8 = 1 << iota
	// groupPromo is the promoPhrases.
	groupPromo
	// groupRights is "all rights reserved".
	groupRights
	// groupCaption is the captionWords.
	groupCaption
	// groupConsent is the consentPhrases.
	groupConsent
)

// consentPhrases mark a site's cookie and consent notices, however long.
var consentPhrases = []string{
	"we use cookies", "use of cookies", "uses cookies", "cookie policy", "accept cookies", "accept all cookies",
	"cookie settings", "by choosing i accept", "consent to our use",
}

// linePhrases finds the phrases the rules look for in a line or in a
// sentence of a long one, all in one pass.
var linePhrases = newPhraseGroups(map[uint8][]string{
	groupCredit:  creditMarks,
	groupPromo:   promoPhrases,
	groupRights:  {"all rights reserved"},
	groupCaption: captionWords,
	groupConsent: consentPhrases,
})

// lowerASCII lower-cases ASCII letters and maps curly apostrophes to "'".
func lowerASCII(s string) string {
	return string(appendLower(make([]byte, 0, len(s)), s))
}

// appendLower appends lowerASCII(s) to dst.
func appendLower(dst []byte, s string) []byte {
	dst, _, _ = appendLowerWords(dst, s)
	return dst
}

// shortKey returns a lower-case line as a lookup key: without bullets,
// trailing colons and surrounding punctuation.
func shortKey(lower string) string {
	k := lower
	if k != "" && !isWordByte(k[0]) { // most lines start with a letter
		k = strings.TrimLeft(k, "•·▪►-–—*> ")
	}
	for k != "" && (k[len(k)-1] == ':' || k[len(k)-1] == ' ') {
		k = k[:len(k)-1]
	}
	return k
}

// isBullet reports whether a line starts with a list bullet.
func isBullet(s string) bool {
	for _, b := range []string{"•", "·", "▪", "►", "* "} {
		if strings.HasPrefix(s, b) {
			return true
		}
	}
	return false
}

// isShareRow reports whether a line (in lower case) is one to twelve
// words, each a social network or share-button word.
func isShareRow(lower string) bool {
	n := 0
	for w := range strings.FieldsSeq(lower) {
		n++
		if n > 12 || !socialWords[trimAround(w, "•·|,")] {
			return false
		}
	}
	return n > 0
}

// isBreadcrumb reports whether s is a trail such as "Home » News » Title".
func isBreadcrumb(s string) bool {
	// Each separator holds '>' or the last byte of "»" or "›"; most lines
	// have none of them.
	if strings.IndexByte(s, '>') < 0 && strings.IndexByte(s, 0xbb) < 0 && strings.IndexByte(s, 0xba) < 0 {
		return false
	}
	return strings.Count(s, " » ")+strings.Count(s, " › ")+strings.Count(s, " > ") >= 2
}

// hasCredit reports whether s carries a photo or video credit.
func hasCredit(lower string) bool {
	return linePhrases.find(lower, groupCredit)&groupCredit != 0
}

// isCreditLine reports whether a line is a credit on its own: a
// parenthesised short line, or one that names a photo agency.
func isCreditLine(f *lineFacts) bool {
	s := f.text
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") && f.words <= 20 &&
		!strings.ContainsAny(s[1:len(s)-1], "()") {
		return true
	}
	return f.words <= 12 && f.hasCredit()
}

// trimAround returns strings.Trim(s, cutset) for a cutset without ASCII
// letters and digits, without its cost when s starts and ends with one.
func trimAround(s, cutset string) string {
	if s != "" && isWordByte(s[0]) && isWordByte(s[len(s)-1]) {
		return s
	}
	return strings.Trim(s, cutset)
}

// startsWithAny reports whether lower starts with one of the prefixes.
func startsWithAny(lower string, prefixes []string) bool {
	if lower == "" {
		return false
	}
	for _, p := range prefixes {
		if p[0] == lower[0] && strings.HasPrefix(lower, p) {
			return true
		}
	}
	return false
}

// chromeReason returns why a whole line is site chrome, or "" when it may
// be article text.
func chromeReason(f *lineFacts) string {
	s, lower := f.text, f.lower
	if r, ok := navigationWords[f.key]; ok {
		return r
	}
	n := f.words
	if n <= 120 && f.phraseGroups()&groupConsent != 0 {
		return reasonPromo
	}
	if n > 60 {
		return ""
	}
	switch {
	case isBullet(s):
		return reasonListItem
	case isShareRow(lower):
		return reasonShare
	case isBreadcrumb(s):
		return reasonBreadcrumb
	case strings.Contains(s, "©") || f.phraseGroups()&groupRights != 0 || strings.HasPrefix(lower, "copyright"):
		return reasonCopyright
	case startsWithAny(lower, editorNotes):
		return reasonEditorNote
	case strings.HasPrefix(s, "___") || trimAround(s, "-–—_=*• ") == "":
		return reasonScrap
	case n <= 30 && f.phraseGroups()&groupPromo != 0:
		return reasonPromo
	case isCreditLine(f):
		return reasonCredit
	case n <= 2 && !isTitleWords(s):
		return reasonScrap
	}
	return ""
}

// isTitleWords reports whether a short line is capitalised words, as a
// sub-heading is ("Iranian trainers").
func isTitleWords(s string) bool {
	n := 0
	for w := range strings.FieldsSeq(s) {
		c := w[0]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
			return false
		}
		n++
	}
	return n >= 2 && s[0] >= 'A' && s[0] <= 'Z'
}

// sentenceChrome returns why a sentence inside a long paragraph is not
// article text, or "". lower is lowerASCII(s).
func sentenceChrome(s, lower string) string {
	n := words(s)
	if n <= 3 && navigationWords[shortKey(lower)] != "" {
		return navigationWords[shortKey(lower)]
	}
	groups := linePhrases.groups(lower)
	switch {
	case strings.Contains(s, "©") || groups&groupRights != 0:
		return reasonCopyright
	case startsWithAny(lower, editorNotes):
		return reasonEditorNote
	case strings.HasPrefix(s, "___"):
		return reasonScrap
	case n <= 40 && groups&groupPromo != 0:
		return reasonPromo
	case strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") && n <= 12 && groups&groupCredit != 0,
		strings.HasPrefix(lower, "photograph:") && n <= 10:
		return reasonCredit
	}
	return ""
}
