package extract

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/newsdate"
	"github.com/newsroom/timeline/internal/timeline"
)

// kindLabel is the expected extraction of one text of testdata/kinds, in
// testdata/kinds.yaml.
type kindLabel struct {
	File      string `yaml:"file"`
	Headline  string `yaml:"headline"`
	Published string `yaml:"published"`
	Event     string `yaml:"event"`
	Note      string `yaml:"note"`
}

// heldOutKinds returns the held-out texts of labels: within each batch
// (a folder of testdata/kinds, written at one go) and kind (the file name
// up to its first "_"), the texts ordered by the FNV-32a hash of their
// file name, the second, fifth, eighth, … are held out, so that every
// kind of two or more texts has a held-out one and about a third of the
// set is held out. The rule was fixed before any text was extracted, and
// a new batch never moves a text of an older one between the parts.
func heldOutKinds(labels []kindLabel) map[string]bool {
	hash := func(s string) uint32 {
		h := fnv.New32a()
		h.Write([]byte(path.Base(s)))
		return h.Sum32()
	}
	kinds := map[string][]string{}
	for _, l := range labels {
		kind, _, _ := strings.Cut(path.Base(l.File), "_")
		kinds[path.Dir(l.File)+"/"+kind] = append(kinds[path.Dir(l.File)+"/"+kind], l.File)
	}
	held := map[string]bool{}
	for _, files := range kinds {
		slices.SortFunc(files, func(a, b string) int { return cmp.Compare(hash(a), hash(b)) })
		for i, f := range files {
			held[f] = i%3 == 1
		}
	}
	return held
}

// addKind scores one extraction against its label, as pageScore.add
// does, and also counts as wrong a publication date where the text
// states none, and an event date other than the label's (an undated
// event is never wrong). A text counts at most one wrong date.
func (ps *pageScore) addKind(l kindLabel, a *Article) {
	stated := l.Published != "none"
	pl := pageLabel{File: l.File, Headline: l.Headline, Published: "unknown", Stated: stated}
	if stated {
		pl.Published = l.Published
	}
	wrong := ps.wrong
	ps.add(pl, a)
	fail := func(format string, args ...any) {
		if ps.wrong == wrong {
			ps.wrong++
			ps.failures = append(ps.failures, l.File+": "+fmt.Sprintf(format, args...))
		}
	}
	if !stated && !a.Published.IsZero() {
		fail("published %s, want none (%v)", a.Published, a.PublishedEvidence)
	}
	if a.Event.IsZero() {
		return
	}
	switch want := cmp.Or(l.Event, "any"); want {
	case "any":
	case "undated":
		fail("event %s, want undated (%v)", a.Event, a.EventEvidence)
	default:
		if newsdate.DayOnly(a.Event).ISO() != want {
			fail("event %s, want %s (%v)", a.Event, want, a.EventEvidence)
		}
	}
}

// devWrongAllowed and heldWrongAllowed are the wrong dates each part may
// have. Each blind batch's held-out part is measured, never fixed; its
// dev part's wrong dates are fixed by general rules where one holds. At
// their first runs batch i had 3 wrong on each part, batch j 5 on its
// dev part and 1 held out, batch k 5 and none, batch l 4 and 3, batch m
// 1 and 3, batch n 5 and 4, batch o 1 and 2, batch p 4 and 1, batch q 1
// and 2, batch r 2 and none, batch s 5 and 2, batch t 1 and 1, batch u
// 7 and 3, batch v 7 and 1, batch w 5 and 3, batch x 1 and 1, batch y 5
// and 3, batch z 3 and 5, batch aa 2 and 2, batch bb 5 and 1, batch cc 6
// and 1, batch dd 3 and 1, batch ee 2 and 2, batch ff 3 and 3, batch gg 2
// and 1, batch hh 3 and 3.
// Thirty-five dev ones are left: a preview whose label dates the event after
// publication, which the project never does (the publication date
// stands); a ministry's
// numbered statement whose first paragraph says it "was notified on
// Monday, 12 August 2024", where the label takes the screening its
// second paragraph starts "today"; a standfirst whose only day is one to
// come ("from Friday"), where the story's "on Tuesday" lies past a name
// line the lede's search does not cross; a live blog over two days,
// dated by its first entry, where the label takes the day the storm
// passed; a fact-check labelled with the day the claim first appeared,
// weeks before it was published; and a morning briefing whose greeting
// is its lede, where the label takes its top story's "on Tuesday" (an
// older briefing's label takes the publication day, so passing over
// the greeting moved one error to the other); a second fact-check so
// labelled; an obituary whose lede says only "who has died", where the label
// takes the death date of its closing line; a lede whose first day is when
// the outages were counted, where the label takes the ice storm the
// night before; a quake's toll that "rose on Monday", where the label
// takes the quake; ledes in Portuguese and French whose weekdays
// ("sábado", "jeudi") extraction does not read; a gallery's fires that
// "began on Friday" in a clause before the day they spread; and a
// weather warning labelled with the day it is valid for, after it was
// issued; two more newsletters whose greeting is the lede ("Good
// morning. It's Tuesday."; "Hello from Brussels,"), where the labels
// take the top story's day; and a gallery whose one prose line says
// "Today (Monday) is the main parade", where the label takes the
// Sunday its headline names; an election-night live blog labelled with
// the day after, when the race was called past midnight; a live blog
// whose stamps name weekdays without dates, whose lede warns of flooding
// "on Thursday", a day to come read as the Thursday before; and a
// theatre review labelled with the press night its head names, the day
// before publication; and a lede whose first day is a possessive
// ("winner of Saturday's election"), where the label takes the
// declaration "on Wednesday" (passing over such a possessive mid-sentence
// righted it, and a held-out text of this batch, but made one of batch
// i wrong, so it was dropped); a headline that reports an admission,
// where the lede's first date is the error admitted; and a gallery
// published the morning after a storm, labelled with the storm's day its
// captions tell; and a crash "on Sunday" after the recovery "on Monday"
// the lede opens with; and batch bb's five: a live blog's lede read
// against the wrong week, two newsletters labelled with the day before
// their "today", an archive reprint labelled with its original 1989 print
// date, and a page labelled with the day before publication its lede
// does not name; and batch cc's radio transcript, whose "Yesterday" lies past eight short lines
// of a player (programme, host, guest, length) that the lede's search
// does not cross (crossing eight lines righted it and made three others
// wrong); and batch dd's two: a match report whose "on Saturday" lies
// past a score block of six short lines (the same crossing), and a
// fact-check labelled with the day of the speech it checks, whose lede
// is the claim; and, since a newsletter's greeting that names no day is
// no lede (which righted two of the newsletters above and one of batch
// ee), the web version of a briefing whose "Good morning." carries its
// news of the day, where the section under it names a Tuesday; since
// "last night" is read as the night before publication (which righted
// four dev texts, two held-out ones, and cost the one-day merge scrape
// held6 one joined pair), a lede's "told last night" after a rescue "on
// Thursday" the label takes; and batch ff's one: "voted Wednesday night"
// in a clause after "will take their fight", read as a day to come;
// and, since an email's Date header dates it (two dev texts and two
// held-out ones righted), a plain-text email whose lines are broken at
// 60 letters, so that no line of its top story reads as prose and its
// "yesterday" is never reached; since a greeting that names only the
// issue's own day ("today", "It's Friday 13th") is no lede, which
// righted three dev newsletters (one of them batch bb's, labelled with
// the day before its "today") and one held-out text, batch gg's one: a
// live blog whose only stamp is its last update, dated by its entries'
// stamps where the label takes none; batch hh's one, a live blog whose
// lede's storm crossed the coast the day after its first post; and,
// since "this morning" names the publication day (which righted two dev
// texts), a gallery whose fire was "contained by early this morning",
// where the label takes its outbreak "yesterday afternoon". Held out,
// 39 are left; no more are allowed on either part.
const devWrongAllowed, heldWrongAllowed = 35, 39

// TestScoreKinds scores extraction on the texts of testdata/kinds, each
// with its headline as line 1, on the dev and held-out parts
// (heldOutKinds), also batch by batch, and fails on more wrong dates
// than each part is allowed and below the bars on the whole set:
// headline exact ≥ 90 %, publication date right on ≥ 80 % of the texts
// that state it. Held-out failures are logged only with -showheld.
func TestScoreKinds(t *testing.T) {
	labels := readKindLabels(t)
	held := heldOutKinds(labels)
	var dev, hold pageScore
	// batches has each batch's dev and held-out parts.
	batches := map[string]*[2]pageScore{}
	for _, l := range labels {
		data, err := os.ReadFile(filepath.Join("testdata", "kinds", l.File))
		if err != nil {
			t.Fatal(err)
		}
		a := Extract(l.File, data, Options{})
		batch := path.Dir(l.File)
		if batches[batch] == nil {
			batches[batch] = &[2]pageScore{}
		}
		ps, bs := &dev, &batches[batch][0]
		if held[l.File] {
			ps, bs = &hold, &batches[batch][1]
		}
		ps.addKind(l, a)
		bs.addKind(l, a)
	}
	failures := dev.failures
	if *showHeld {
		failures = append(failures, hold.failures...)
	}
	for _, f := range failures {
		t.Log(f)
	}
	table := "\n| part | headline exact | publication date right (texts stating it) | wrong dates |\n|---|---|---|---|\n" +
		dev.row("dev") + hold.row("held out")
	for _, batch := range slices.Sorted(maps.Keys(batches)) {
		table += batches[batch][0].row("batch "+batch+", dev") + batches[batch][1].row("batch "+batch+", held out")
	}
	t.Log(table)
	if dev.wrong > devWrongAllowed {
		t.Errorf("%d wrong dates on the dev part, want at most %d", dev.wrong, devWrongAllowed)
	}
	if hold.wrong > heldWrongAllowed {
		t.Errorf("%d wrong dates on the held-out part, want at most %d", hold.wrong, heldWrongAllowed)
	}
	if all := dev.headlines + hold.headlines; 10*all < 9*(dev.texts+hold.texts) {
		t.Errorf("headline exact %d / %d < 90 %%", all, dev.texts+hold.texts)
	}
	if all := dev.pubRight + hold.pubRight; 10*all < 8*(dev.stated+hold.stated) {
		t.Errorf("publication date right %d / %d < 80 %%", all, dev.stated+hold.stated)
	}
}

func readKindLabels(t *testing.T) []kindLabel {
	t.Helper()
	labels := readYAMLList[kindLabel](t, "testdata/kinds.yaml")
	for _, l := range labels {
		if l.Published != "none" {
			if _, err := timeline.ParseDate(l.Published); err != nil {
				t.Fatalf("testdata/kinds.yaml: %s: published %q: %v", l.File, l.Published, err)
			}
		}
	}
	return labels
}
