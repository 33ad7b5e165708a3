package extract

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/newsdate"
	"github.com/newsroom/timeline/internal/timeline"
	"golang.org/x/net/html"
)

// showHeld makes the score tests log the held-out part's failures too;
// without it they log the dev part's only, so that rule-writing never
// sees the held-out texts.
var showHeld = flag.Bool("showheld", false, "log the held-out texts' failures too")

// pageLabel is the expected extraction of one flattened saved page, in
// testdata/pages.yaml.
type pageLabel struct {
	File      string `yaml:"file"`
	Headline  string `yaml:"headline"`
	Published string `yaml:"published"`
	Stated    bool   `yaml:"stated"`
}

// pageScore is the tally of one part (dev or held out) of one variant.
type pageScore struct {
	texts, headlines        int
	stated, pubRight, wrong int
	failures                []string
}

// maxEventLag is how far from its publication a text's event date may
// lie and still be counted as not wrong on a page labelled with its
// publication date only: a lede's "on Friday" is days away, a gallery
// caption's date months.
const maxEventLag = 31

// add scores one extraction against its label: the headline exact; the
// publication date right when it is the label's; wrong when it is set
// and another day, or when the event date is set and more than
// maxEventLag days from the publication date.
func (ps *pageScore) add(l pageLabel, a *Article) {
	ps.texts++
	fail := func(format string, args ...any) {
		ps.failures = append(ps.failures, l.File+": "+fmt.Sprintf(format, args...))
	}
	if a.Title == l.Headline && !a.TitleDerived {
		ps.headlines++
	} else {
		fail("headline %q (derived %v), want %q", a.Title, a.TitleDerived, l.Headline)
	}
	if l.Stated {
		ps.stated++
	}
	want, err := timeline.ParseDate(l.Published)
	if err != nil { // "unknown": nothing to judge the dates by
		return
	}
	switch {
	case a.Published.IsZero():
		if l.Stated {
			fail("no publication date, want %s", l.Published)
		}
	case a.Published.ISO() == want.ISO() || newsdate.DayOnly(a.Published).ISO() == want.ISO():
		if l.Stated {
			ps.pubRight++
		}
	default:
		ps.wrong++
		fail("published %s, want %s (%v)", a.Published, l.Published, a.PublishedEvidence)
		return
	}
	if !a.Event.IsZero() {
		lag := newsdate.DaysBetween(newsdate.DayOnly(a.Event), want)
		if lag < -maxEventLag || lag > maxEventLag {
			ps.wrong++
			fail("event %s, published %s (%v)", a.Event, l.Published, a.EventEvidence)
		}
	}
}

func (ps *pageScore) row(name string) string {
	pct := func(a, b int) string { return fmt.Sprintf("%.1f %%", 100*float64(a)/float64(max(b, 1))) }
	return fmt.Sprintf("| %s | %d / %d (%s) | %d / %d (%s) | %d |\n", name,
		ps.headlines, ps.texts, pct(ps.headlines, ps.texts), ps.pubRight, ps.stated, pct(ps.pubRight, ps.stated), ps.wrong)
}

// Variants of a flattened page as an article text.
const (
	// headlineFirst puts the labelled headline as line 1, as the texts
	// of the unseen set have theirs.
	headlineFirst = iota
	// titleFirst puts the page's <title> as line 1, as a dataset that
	// took the headline from it would (often with the site's name).
	titleFirst
	// scrapeAlone is the flattened page alone.
	scrapeAlone
)

var variantNames = [...]string{"headline as line 1", "<title> as line 1", "scrape alone"}

// flatPageText returns the page flattened, as the variant gives it, and
// the headline extraction should find.
func flatPageText(flat string, page []byte, l pageLabel, variant int) (text, headline string) {
	switch variant {
	case headlineFirst:
		return l.Headline + "\n\n" + flat, l.Headline
	case titleFirst:
		title := pageTitle(page)
		if title == "" {
			title = l.Headline
		}
		return title + "\n\n" + flat, title
	}
	return flat, l.Headline
}

// pageTitle returns the text of a page's <title>, white space folded.
func pageTitle(page []byte) string {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return ""
	}
	var find func(n *html.Node) string
	find = func(n *html.Node) string {
		if n.Type == html.ElementNode && n.Data == "title" && n.FirstChild != nil {
			return strings.Join(strings.Fields(n.FirstChild.Data), " ")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if t := find(c); t != "" {
				return t
			}
		}
		return ""
	}
	return find(doc)
}

// TestScorePages scores extraction on the saved pages flattened to plain
// text, in three variants (the headline given as line 1, the page's
// <title> as line 1, and the scrape alone), each on its dev and held-out
// parts, and fails on any wrong date and below the bars of the
// headline-first variant: headline exact ≥ 90 %
// and publication date right on ≥ 80 % of the pages that state it.
func TestScorePages(t *testing.T) {
	shared := findShared()
	if shared == "" {
		t.Skip("shared/corpus not found above the working directory")
	}
	labels := readPageLabels(t)
	var table strings.Builder
	table.WriteString("| variant, part | headline exact | publication date right (pages stating it) | wrong dates |\n|---|---|---|---|\n")
	for variant, name := range variantNames {
		var dev, held pageScore
		for _, l := range labels {
			data, err := os.ReadFile(filepath.Join(shared, "corpus", "html", "pages", l.File))
			if err != nil {
				t.Fatal(err)
			}
			flat, err := flattenHTML(data)
			if err != nil {
				t.Fatalf("%s: %v", l.File, err)
			}
			ps := &dev
			if heldOut(l.File) {
				ps = &held
			}
			text, headline := flatPageText(flat, data, l, variant)
			want := l
			want.Headline = headline
			ps.add(want, Extract(l.File, []byte(text), Options{}))
		}
		table.WriteString(dev.row(name + ", dev"))
		table.WriteString(held.row(name + ", held out"))
		failures := dev.failures
		if *showHeld {
			failures = append(failures, held.failures...)
		}
		for _, f := range failures {
			t.Logf("%s: %s", name, f)
		}
		if dev.wrong+held.wrong > 0 {
			t.Errorf("%s: %d wrong dates", name, dev.wrong+held.wrong)
		}
		all := pageScore{texts: dev.texts + held.texts, headlines: dev.headlines + held.headlines,
			stated: dev.stated + held.stated, pubRight: dev.pubRight + held.pubRight}
		if variant == headlineFirst && 10*all.headlines < 9*all.texts {
			t.Errorf("%s: headline exact %d / %d < 90 %%", name, all.headlines, all.texts)
		}
		if variant == headlineFirst && 10*all.pubRight < 8*all.stated {
			t.Errorf("%s: publication date right %d / %d < 80 %%", name, all.pubRight, all.stated)
		}
	}
	t.Log("\n" + table.String())
}

func readPageLabels(t *testing.T) []pageLabel {
	return readYAMLList[pageLabel](t, "testdata/pages.yaml")
}
