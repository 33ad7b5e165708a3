package synth

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"time"
)

// perFile is the number of entries or annotations in one YAML file.
const perFile = 20

// siteYAML is the site: the window and its three phases.
func siteYAML(seed uint64) []byte {
	return []byte(fmt.Sprintf(`# A synthetic chronology written by "gen synth" with seed %d.
title: "Synthetic chronology: US–Russia contacts over Ukraine"
description: >-
  A generated corpus of scraped articles, Markdown articles and editors'
  entries, to measure the generator at scale.
base_url: https://example.org/timeline/
language: en
start: 2021-12
end: 2022-10
phases:
  - id: buildup
    name: The buildup
    start: 2021-12-01
    end: 2022-02-23
    description: Russia masses troops on Ukraine's borders.
  - id: invasion
    name: The invasion and its first months
    start: 2022-02-24
    end: 2022-08-31
    description: Russia invades on 24 February.
  - id: counter-offensive
    name: The autumn counter-offensive
    start: 2022-09-01
    end: 2022-10-31
    description: Ukraine retakes ground in the east and south.
`, seed))
}

// peopleYAML lists every person the articles name, with aliases.
func peopleYAML() []byte {
	var b strings.Builder
	b.WriteString("# People the synthetic articles name, with the spellings they use.\n")
	for _, p := range people {
		fmt.Fprintf(&b, "- name: %s\n", p.Name)
		if len(p.Aliases) > 0 {
			fmt.Fprintf(&b, "  aliases: %s\n", list(p.Aliases))
		}
		fmt.Fprintf(&b, "  country: %s\n", p.Country)
		fmt.Fprintf(&b, "  roles:\n    - {title: %s, start: %s}\n", quote(p.Role), p.RoleStart)
	}
	return []byte(b.String())
}

// entryFiles returns count editors' entries, perFile to a file. Most cite
// a raw article (when there are any): half for the article's own event,
// which absorbs it, half for an earlier event it mentions; others cite an
// outside source by URL.
func entryFiles(rng *rand.Rand, count int, raw []article) [][]byte {
	var files [][]byte
	var b strings.Builder
	for i := range count {
		a := article{Event: randomDay(rng), A: rng.IntN(len(people)), Kind: pick(rng, kinds)}
		a.B = (a.A + 1 + rng.IntN(len(people)-1)) % len(people)
		cited := ""
		if len(raw) > 0 && rng.IntN(4) > 0 {
			src := raw[rng.IntN(len(raw))]
			cited = src.File
			a.A, a.B, a.Kind = src.A, src.B, src.Kind
			a.Event = src.Event
			if rng.IntN(2) == 0 {
				a.Event = src.Event.AddDate(0, 0, -1-rng.IntN(30))
			}
		}
		pa, pb := people[a.A], people[a.B]
		id := fmt.Sprintf("%s-%s-%s-%s-e%04d", a.Event.Format("2006-01-02"), slugWord(pa.Short), slugWord(pb.Short), a.Kind, i)
		fmt.Fprintf(&b, "- id: %s\n", id)
		fmt.Fprintf(&b, "  date: %s\n", entryDate(rng, a.Event))
		if rng.IntN(10) == 0 {
			fmt.Fprintf(&b, "  end: %s\n", a.Event.AddDate(0, 0, 1+rng.IntN(3)).Format("2006-01-02"))
		}
		fmt.Fprintf(&b, "  title: %s\n", quote(fmt.Sprintf("%s and %s %s in %s", pa.Short, pb.Short, kindVerbs[a.Kind], pick(rng, places))))
		fmt.Fprintf(&b, "  kind: %s\n", a.Kind)
		fmt.Fprintf(&b, "  participants: %s\n", list([]string{spelling(rng, pa), spelling(rng, pb)}))
		fmt.Fprintf(&b, "  tags: %s\n", list([]string{pick(rng, tags)}))
		fmt.Fprintf(&b, "  summary: >-\n    %s %s\n", pa.Role, strings.ToLower(pick(rng, summaries)))
		b.WriteString("  sources:\n")
		if cited != "" {
			fmt.Fprintf(&b, "    - article: %s\n", cited)
		} else {
			fmt.Fprintf(&b, "    - url: https://example.org/news/%s\n      outlet: %s\n", id, quote(pick(rng, outlets)))
		}
		fmt.Fprintf(&b, "  importance: %d\n", 1+rng.IntN(5))
		if rng.IntN(40) == 0 {
			b.WriteString("  draft: true\n")
		}
		files = endRecord(files, &b, (i+1)%perFile == 0 || i == count-1)
	}
	return files
}

// summaries end an entry's summary, after the first participant's role.
var summaries = []string{
	"Speaks by phone with a counterpart about the war.",
	"Meets a counterpart and urges a ceasefire.",
	"Warns of the risk of escalation near the border.",
	"Agrees to keep lines of communication open.",
}

// entryDate writes an entry's date: to the day mostly, sometimes only the
// month or an approximate month, as editors do.
func entryDate(rng *rand.Rand, t time.Time) string {
	switch rng.IntN(12) {
	case 0:
		return t.Format("2006-01")
	case 1:
		return "\"~" + t.Format("2006-01") + "\""
	}
	return t.Format("2006-01-02")
}

// annotationFiles returns annotations of up to 300 distinct raw articles
// (a quarter of them in small corpora), perFile to a file: most date
// the article and name its participants, some exclude it.
func annotationFiles(rng *rand.Rand, raw []article) [][]byte {
	count := min(300, len(raw)/4)
	chosen := rng.Perm(len(raw))[:count]
	sort.Ints(chosen)
	var files [][]byte
	var b strings.Builder
	for i, idx := range chosen {
		a := raw[idx]
		fmt.Fprintf(&b, "- article: %s\n", a.File)
		if rng.IntN(15) == 0 {
			b.WriteString("  exclude: true\n  reason: An opinion column, not a report of an event.\n")
		} else {
			fmt.Fprintf(&b, "  date: %s\n", a.Event.Format("2006-01-02"))
			fmt.Fprintf(&b, "  kind: %s\n", a.Kind)
			fmt.Fprintf(&b, "  participants: %s\n", list([]string{people[a.A].Name, people[a.B].Name}))
			if rng.IntN(3) == 0 {
				fmt.Fprintf(&b, "  note: >-\n    Dated by the editors: the article says \"on %s\", which is %s.\n",
					a.Event.Weekday(), a.Event.Format("Monday 2 January 2006"))
			}
		}
		files = endRecord(files, &b, (i+1)%perFile == 0 || i == count-1)
	}
	return files
}

// slugWord lowercases a one-word name for an id.
func slugWord(s string) string {
	return strings.ToLower(strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s))
}

// endRecord ends the record just written to b: at the end of a file it
// moves b's text to a new file of files, else it writes the blank line
// between two records.
func endRecord(files [][]byte, b *strings.Builder, endOfFile bool) [][]byte {
	if !endOfFile {
		b.WriteString("\n")
		return files
	}
	files = append(files, []byte(b.String()))
	b.Reset()
	return files
}
