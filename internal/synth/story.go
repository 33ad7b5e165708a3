package synth

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// story is one synthetic article's cast and dates, with its own random
// stream so that it reads the same whatever else is generated.
type story struct {
	rng *rand.Rand
	// a and b index people; aName and bName are the spellings used.
	a, b         int
	aName, bName string
	place        string
	outlet       string
	kind         string
	event        time.Time
	published    time.Time
	headline     string
	// topic, locality, figure and figureTitle set the event apart from
	// others of its day (see topics); count is a number it gives.
	topic, locality     string
	figure, figureTitle string
	count               int
}

func newStory(seed, stream uint64) *story {
	rng := rand.New(rand.NewPCG(seed, stream))
	s := &story{rng: rng, a: rng.IntN(len(people))}
	s.b = (s.a + 1 + rng.IntN(len(people)-1)) % len(people)
	s.aName, s.bName = spelling(rng, people[s.a]), spelling(rng, people[s.b])
	s.place, s.outlet, s.kind = pick(rng, places), pick(rng, outlets), pick(rng, kinds)
	s.event = randomDay(rng)
	s.published = s.event.AddDate(0, 0, rng.IntN(3))
	s.topic, s.locality = pick(rng, topics), locality(rng)
	s.figure, s.figureTitle = localFigure(rng)
	s.count = 3 + rng.IntN(400)
	s.headline = s.fill(pick(rng, headlines))
	return s
}

// spelling returns p's canonical name two times in three, else an alias.
func spelling(rng *rand.Rand, p person) string {
	if len(p.Aliases) == 0 || rng.IntN(3) > 0 {
		return p.Name
	}
	return pick(rng, p.Aliases)
}

func (s *story) meta(file string) article {
	return article{File: file, Event: s.event, A: s.a, B: s.b, Kind: s.kind}
}

// slug is a file-name-safe form of the headline's first words.
func (s *story) slug() string {
	var b strings.Builder
	for _, word := range strings.Fields(s.headline) {
		w := strings.Map(func(r rune) rune {
			switch {
			case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
				return r
			case r >= 'A' && r <= 'Z':
				return r + 'a' - 'A'
			}
			return -1
		}, word)
		if w == "" {
			continue
		}
		if b.Len()+len(w) > 40 {
			break
		}
		if b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteString(w)
	}
	return b.String()
}

// fill replaces the placeholders of a sentence template (see sentences).
func (s *story) fill(tmpl string) string {
	var b strings.Builder
	for {
		open := strings.IndexByte(tmpl, '{')
		if open < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		end := strings.IndexByte(tmpl[open:], '}')
		b.WriteString(tmpl[:open])
		b.WriteString(s.value(tmpl[open+1 : open+end]))
		tmpl = tmpl[open+end+1:]
	}
}

func (s *story) value(key string) string {
	switch key {
	case "A":
		return s.aName
	case "B":
		return s.bName
	case "a":
		return people[s.a].Short
	case "b":
		return people[s.b].Short
	case "roleA":
		return people[s.a].Role
	case "place":
		return pick(s.rng, places)
	case "weekday":
		return s.event.Weekday().String()
	case "month":
		return time.Month(1 + s.rng.IntN(12)).String()
	case "n":
		return strconv.Itoa(2 + s.rng.IntN(98))
	case "outlet":
		return s.outlet
	case "where":
		return s.place
	case "topic":
		return s.topic
	case "Topic":
		return strings.ToUpper(s.topic[:1]) + s.topic[1:]
	case "locality":
		return s.locality
	case "figure":
		return s.figure
	case "figureTitle":
		return s.figureTitle
	case "count":
		return strconv.Itoa(s.count)
	}
	if list, ok := phrasing[key]; ok {
		return pick(s.rng, list)
	}
	return "{" + key + "}"
}

// paragraph returns two to four filled sentences.
func (s *story) paragraph() string {
	n := 2 + s.rng.IntN(3)
	parts := make([]string, n)
	for i := range parts {
		parts[i] = s.fill(pick(s.rng, sentences))
	}
	return strings.Join(parts, " ")
}

// caption is a photo caption dated before the event, as news photos are.
func (s *story) caption() string {
	taken := s.event.AddDate(0, 0, -5-s.rng.IntN(60))
	return fmt.Sprintf("%s attends a meeting in %s, %s, %s. %s",
		s.fill(pick(s.rng, []string{"{A}", "{B}", "{roleA} {A}"})), s.fill("{place}"),
		taken.Weekday(), usDate(taken), pick(s.rng, captionCredits))
}

// usDate is "May 13, 2022".
func usDate(t time.Time) string {
	return t.Format("January 2, 2006")
}

// shortUSDate is "Dec. 21, 2021" (and "May 13, 2022").
func shortUSDate(t time.Time) string {
	m := t.Format("Jan")
	if t.Month() != time.May {
		m += "."
	}
	return fmt.Sprintf("%s %d, %d", m, t.Day(), t.Year())
}

// ordinal is "22nd"; with sloppy set, "22th", as the Dawn trailer in the
// seeds has it.
func ordinal(day int, sloppy bool) string {
	suffix := "th"
	if !sloppy && (day < 11 || day > 13) {
		switch day % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(day) + suffix
}
