package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// foreignBylineWords begin a byline in other languages: "Von Jana
// Muster", "Par Jeanne Dupont", "Por Juan Pérez", "Di Mario Rossi",
// "Door Jan de Vries", "Av Anna Berg", "Автор: Анна Иванова".
var foreignBylineWords = map[string]bool{
	"von": true, "par": true, "por": true, "di": true, "door": true, "av": true, "af": true,
	"autor:": true, "autorin:": true, "auteur:": true, "autore:": true, "автор:": true, "Автор:": true,
}

// nameParticles are the small words inside names ("Jan de Vries").
var nameParticles = map[string]bool{"de": true, "van": true, "der": true, "den": true, "von": true, "da": true, "di": true, "del": true, "la": true, "le": true}

// isForeignByline reports whether a line is a byline in another
// language: one of foreignBylineWords, then a name of two to four words
// that start with a capital (small particles between them), alone or
// before a comma, a bar or a dot.
func isForeignByline(f *lineFacts) bool {
	sp := strings.IndexByte(f.text, ' ')
	if sp < 2 || sp > 8 || sp > len(f.lower) || !foreignBylineWords[f.lower[:sp]] {
		return false
	}
	rest := f.text[sp+1:]
	names := 0
	for w := range strings.FieldsSeq(rest) {
		switch w {
		case "|", "·", "•", "-", "–", "—":
			return names >= 2
		}
		comma := strings.HasSuffix(w, ",")
		w = strings.TrimSuffix(w, ",")
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			names++
		case nameParticles[w] && names > 0:
		default:
			return false
		}
		if comma || names > 4 {
			return comma && names >= 2
		}
	}
	return names >= 2
}

// isAgencyByline reports whether a short line is a byline that credits
// news agencies after the names: "Jane Roe with AFP", "Jane Roe, Kabul,
// and agencies". The names are at least two words that start with a
// capital (small particles between them, commas after them); the credit
// is "agencies", "wires" or an agency's initials in capitals.
func isAgencyByline(f *lineFacts) bool {
	if f.words > 8 {
		return false
	}
	for _, sep := range []string{" and ", " with "} {
		i := strings.LastIndex(f.text, sep)
		if i <= 0 {
			continue
		}
		if tail := f.text[i+len(sep):]; (tail == "agencies" || tail == "wires" || isInitials(tail)) && nameWords(f.text[:i]) >= 2 {
			return true
		}
	}
	return false
}

// isInitials reports whether s is two to five capital letters ("AFP").
func isInitials(s string) bool {
	if len(s) < 2 || len(s) > 5 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// nameWords counts the words of s when all start with a capital, but
// small name particles after the first, each word with a comma or not;
// else it returns 0.
func nameWords(s string) int {
	names := 0
	for w := range strings.FieldsSeq(s) {
		w = strings.TrimSuffix(w, ",")
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			names++
		case nameParticles[w] && names > 0:
		default:
			return 0
		}
	}
	return names
}

// isNamesByline reports whether a head line is a byline too long for
// the short-byline rule: "By" and at most sixteen words of names, joined
// by "and", commas, "|" or "/" ("By Jane Roe and John Doe | The Daily
// Post"), with no sentence punctuation.
func isNamesByline(f *lineFacts) bool {
	if f.words > 16 || !strings.HasPrefix(f.lower, "by ") || strings.ContainsAny(f.text, ".!?;:") {
		return false
	}
	n := 0
	for w := range strings.FieldsSeq(f.text[3:]) {
		switch w = strings.TrimSuffix(w, ","); {
		case w == "and" || w == "|" || w == "/" || w == "&" || nameParticles[w]:
		case nameWords(w) == 1:
			n++
		default:
			return false
		}
	}
	return n >= 2
}
