package newsdate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsroom/timeline/internal/timeline"
)

// foreignMonths has the month names and abbreviations that pages in
// other languages print in a day-first date with its year ("13. Mai
// 2022", "13 mai 2022", "13 de mayo de 2022", "13 мая 2022"), in lower
// case: German, French, Spanish, Italian, Portuguese, Dutch, the
// Scandinavian languages, Romanian, Turkish, Indonesian, Polish, Russian,
// Ukrainian and Bulgarian (the forms a date uses, often the genitive).
// English names are here in lower case too ("13 may 2022"). A name that
// means another month in another language is left out: "listopad" is
// November in Polish and October in Croatian.
var foreignMonths = map[string]int{
	// English in lower case.
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	// German.
	"januar": 1, "jänner": 1, "februar": 2, "märz": 3, "mär": 3, "mrz": 3, "mai": 5, "juni": 6, "juli": 7,
	"oktober": 10, "okt": 10, "dezember": 12, "dez": 12,
	// French.
	"janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "fév": 2, "mars": 3, "avril": 4, "avr": 4,
	"juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
	"décembre": 12, "decembre": 12, "déc": 12,
	// Spanish.
	"enero": 1, "ene": 1, "febrero": 2, "marzo": 3, "abril": 4, "abr": 4, "mayo": 5, "junio": 6, "julio": 7,
	"agosto": 8, "ago": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12, "dic": 12,
	// Italian.
	"gennaio": 1, "gen": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "mag": 5, "giugno": 6, "giu": 6,
	"luglio": 7, "lug": 7, "settembre": 9, "set": 9, "ottobre": 10, "ott": 10, "dicembre": 12,
	// Portuguese.
	"janeiro": 1, "fevereiro": 2, "fev": 2, "março": 3, "marco": 3, "maio": 5, "junho": 6, "julho": 7,
	"setembro": 9, "outubro": 10, "out": 10, "novembro": 11, "dezembro": 12,
	// Dutch, Scandinavian, Romanian, Turkish, Indonesian.
	"januari": 1, "februari": 2, "maart": 3, "mrt": 3, "mei": 5, "augustus": 8,
	"marts": 3, "maj": 5, "augusti": 8, "desember": 12,
	"ianuarie": 1, "februarie": 2, "martie": 3, "aprilie": 4, "iunie": 6, "iulie": 7,
	"septembrie": 9, "octombrie": 10, "noiembrie": 11, "decembrie": 12,
	"ocak": 1, "şubat": 2, "mart": 3, "nisan": 4, "mayıs": 5, "haziran": 6, "temmuz": 7,
	"ağustos": 8, "eylül": 9, "ekim": 10, "kasım": 11, "aralık": 12,
	"maret": 3, "agustus": 8,
	// Abbreviations shared by several of them.
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
	// Polish (genitive).
	"stycznia": 1, "lutego": 2, "marca": 3, "kwietnia": 4, "maja": 5, "czerwca": 6, "lipca": 7,
	"sierpnia": 8, "września": 9, "października": 10, "grudnia": 12,
	// Russian (genitive and abbreviations).
	"января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
	"августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
	"янв": 1, "фев": 2, "мар": 3, "апр": 4, "июн": 6, "июл": 7, "авг": 8, "сен": 9, "сент": 9,
	"окт": 10, "ноя": 11, "нояб": 11, "дек": 12,
	// Ukrainian (genitive).
	"січня": 1, "лютого": 2, "березня": 3, "квітня": 4, "травня": 5, "червня": 6, "липня": 7,
	"серпня": 8, "вересня": 9, "жовтня": 10, "листопада": 11, "грудня": 12,
	// Bulgarian.
	"януари": 1, "февруари": 2, "март": 3, "април": 4, "май": 5, "юни": 6, "юли": 7,
	"август": 8, "септември": 9, "октомври": 10, "ноември": 11, "декември": 12,
}

// foreignWeekdays are weekday names that pages in other languages print
// before a date ("Freitag, 13. Mai 2022"), in lower case, Sunday = 0.
var foreignWeekdays = map[string]int{
	"sonntag": 0, "montag": 1, "dienstag": 2, "mittwoch": 3, "donnerstag": 4, "freitag": 5, "samstag": 6, "sonnabend": 6,
	"dimanche": 0, "lundi": 1, "mardi": 2, "mercredi": 3, "jeudi": 4, "vendredi": 5, "samedi": 6,
	"domingo": 0, "lunes": 1, "martes": 2, "miércoles": 3, "jueves": 4, "viernes": 5, "sábado": 6,
	"domenica": 0, "lunedì": 1, "martedì": 2, "mercoledì": 3, "giovedì": 4, "venerdì": 5, "sabato": 6,
	"zondag": 0, "maandag": 1, "dinsdag": 2, "woensdag": 3, "donderdag": 4, "vrijdag": 5, "zaterdag": 6,
	"niedziela": 0, "poniedziałek": 1, "wtorek": 2, "środa": 3, "czwartek": 4, "piątek": 5, "sobota": 6,
	"воскресенье": 0, "понедельник": 1, "вторник": 2, "среда": 3, "четверг": 4, "пятница": 5, "суббота": 6,
	"неділя": 0, "понеділок": 1, "вівторок": 2, "середа": 3, "четвер": 4, "субота": 6,
}

// yearWords follow a year in some languages ("2022 г.", "2022 року"),
// and are part of the date.
var yearWords = []string{"г.", "года", "год", "р.", "року", "roku", "r."}

// maxForeignWord bounds, in bytes, the words looked up in foreignMonths
// and foreignWeekdays.
const maxForeignWord = 32

// foreignWord reads the word of letters (in any script) at k and writes
// its lower case to buf; it returns the word's end and the lower case,
// or k and nil when there is no word there or it is too long.
func (s *scanner) foreignWord(k int, buf *[maxForeignWord]byte) (int, []byte) {
	t := s.text
	e, n := k, 0
	for e < len(t) {
		r, size := rune(t[e]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(t[e:])
		}
		if !unicode.IsLetter(r) {
			break
		}
		r = unicode.ToLower(r)
		if n+utf8.RuneLen(r) > maxForeignWord {
			return k, nil
		}
		n += utf8.EncodeRune(buf[n:], r)
		e += size
	}
	return e, buf[:n]
}

// skipWord skips w and the spaces after it when the text at k starts
// with w followed by a space.
func (s *scanner) skipWord(k int, w string) int {
	if strings.HasPrefix(s.text[k:], w) && k+len(w) < len(s.text) && s.text[k+len(w)] == ' ' {
		return s.skipSpace(k + len(w))
	}
	return k
}

// foreignDayFirst reads a day-first date with a month name in another
// language, or an English one in lower case, and its year: "13. Mai
// 2022", "1er mai 2022", "13 de mayo de 2022", "13 мая 2022 г.", and a
// clock time and a weekday before it ("Freitag, 13. Mai 2022, 14:05
// Uhr"). The day, digits text[k:e], is known; the month word is at q.
func (s *scanner) foreignDayFirst(k, day, q int) (Mention, bool) {
	t := s.text
	if q < len(t) && t[q] == 'd' {
		q = s.skipWord(q, "de")
	}
	if q >= len(t) || !isLetter(t[q]) && t[q] < 0xc0 {
		return Mention{}, false
	}
	// Most words after a number are no month: the year that must follow
	// is looked for before the word is decoded.
	we := q
	for we < len(t) && we-q <= maxForeignWord && (isLetter(t[we]) || t[we] >= 0x80) {
		we++
	}
	r := s.afterMonth(we)
	if r == we || r >= len(t) {
		return Mention{}, false
	}
	if t[r] == 'd' {
		r = s.skipWord(s.skipWord(r, "de"), "del")
	}
	end, y, ok := s.year(r)
	if !ok {
		return Mention{}, false
	}
	var buf [maxForeignWord]byte
	wordEnd, name := s.foreignWord(q, &buf)
	if wordEnd != we || len(name) < 3 {
		return Mention{}, false
	}
	month, known := foreignMonths[string(name)]
	if !known || day > timeline.DaysIn(y, month) {
		return Mention{}, false
	}
	m := Mention{Start: k, End: end, Kind: Absolute, Year: y, Month: month, Day: day, Weekday: -1}
	if w := s.skipSpace(end); w > end {
		for _, yw := range yearWords {
			if strings.HasPrefix(t[w:], yw) && !s.letterAt(w+len(yw)) {
				m.End = w + len(yw)
				break
			}
		}
	}
	s.clock(&m)
	s.weekdayBefore(&m)
	return m, true
}

// letterAt reports whether a letter (in any script) starts at k.
func (s *scanner) letterAt(k int) bool {
	if k >= len(s.text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s.text[k:])
	return unicode.IsLetter(r)
}

// weekdayBefore extends m back over a weekday name in another language
// that stands right before it ("vendredi 13 mai 2022", "Freitag, 13.
// Mai 2022") and records the weekday.
func (s *scanner) weekdayBefore(m *Mention) {
	t := s.text
	k := m.Start
	if k > 0 && t[k-1] == ' ' {
		k--
	}
	if k > 0 && t[k-1] == ',' {
		k--
	}
	if k == m.Start {
		return
	}
	w := k
	for w > 0 && k-w < maxForeignWord {
		r, size := utf8.DecodeLastRuneInString(t[:w])
		if !unicode.IsLetter(r) {
			break
		}
		w -= size
	}
	if r, _ := utf8.DecodeLastRuneInString(t[:w]); w == k || w < s.lastEnd || unicode.IsLetter(r) {
		return
	}
	var buf [maxForeignWord]byte
	if _, name := s.foreignWord(w, &buf); name != nil {
		if wd, ok := foreignWeekdays[string(name)]; ok {
			m.Start, m.Weekday = w, wd
		}
	}
}
