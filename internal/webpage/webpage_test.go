package webpage

import (
	"strings"
	"testing"
	"time"

	"github.com/newsroom/timeline/internal/newsdate"
	"github.com/newsroom/timeline/internal/sitetest"
	"github.com/newsroom/timeline/internal/timeline"
)

func TestReadArticle(t *testing.T) {
	data := sitetest.ReadOSFile(t, "testdata/article.html")
	p, err := Read(data, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Harbour council approves new ferry link"; p.Title != want {
		t.Errorf("title %q, want %q", p.Title, want)
	}
	if want := timeline.DayOf(2022, 5, 13); p.Published != want {
		t.Errorf("published %v, want %v (the day in its own offset, never the modified date)", p.Published, want)
	}
	ev := p.PublishedEvidence
	if ev.Text != "2022-05-13T23:30:00-04:00" || !strings.Contains(ev.Rule, "datePublished") || string(data[ev.Offset:ev.Offset+len(ev.Text)]) != ev.Text {
		t.Errorf("evidence %+v, want the JSON-LD string at its offset", ev)
	}
	if p.Outlet != "The Daily Example" || p.Author != "Ada Writer, Bo Reporter" || p.URL != "https://news.example.org/local/harbour-council-ferry" {
		t.Errorf("outlet %q, author %q, url %q", p.Outlet, p.Author, p.URL)
	}
	var body []string
	for _, b := range p.Blocks {
		body = append(body, b.Text)
		if !strings.HasPrefix(string(data[b.Offset:]), b.Text[:10]) {
			t.Errorf("block %.30q: offset %d points at %.30q", b.Text, b.Offset, data[b.Offset:])
		}
	}
	text := strings.Join(body, "\n")
	for _, want := range []string{"voted on Monday", "lasted & divided", "What happens next", "twenty minutes"} {
		if !strings.Contains(text, want) {
			t.Errorf("body lacks %q:\n%s", want, text)
		}
	}
	for _, unwanted := range []string{"cookies", "Local", "Share on", "newsletter", "petition", "delighted", "Copyright", "By Ada", "December 6", "Watch:", "Subscribe now"} {
		if strings.Contains(text, unwanted) {
			t.Errorf("body holds boilerplate %q:\n%s", unwanted, text)
		}
	}
	if len(p.Captions) != 1 || !strings.HasPrefix(p.Captions[0].Text, "The ferry terminal at dawn") {
		t.Errorf("captions %+v, want the figure's caption", p.Captions)
	}
}

// page wraps head and body markup in a page.
func page(head, body string) string {
	return "<!DOCTYPE html><html><head>" + head + "</head><body>" + body + "</body></html>"
}

func TestStandfirst(t *testing.T) {
	prose := strings.Repeat("The story goes on with a sentence of plain reporting. ", 3)
	p, err := Read([]byte(page(`<meta property="og:title" content="Story">`,
		`<h1>Story</h1><p class="intro">A standfirst set apart from the story, summing it up in a sentence or two for the reader in a hurry.</p><div class="body"><p>`+prose+`</p><p>`+prose+`</p></div><div class="more"><p>A teaser for another story that is long enough to count as prose, placed after the article.</p></div>`)), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Blocks) != 3 || !strings.HasPrefix(p.Blocks[0].Text, "A standfirst") {
		t.Errorf("blocks %+v, want the standfirst and the two paragraphs", p.Blocks)
	}
	if len(p.Blocks) == 3 && p.Blocks[1].Offset == p.Blocks[2].Offset {
		t.Errorf("two paragraphs of the same text at one offset: %+v", p.Blocks)
	}
}

func TestNameWords(t *testing.T) {
	for _, tc := range []struct {
		name string
		want []string
	}{
		{"teaserContentWrap", []string{"teaser", "content", "wrap"}},
		{"no-share post_96", []string{"no", "share", "post", "96"}},
		{"SIDEBAR", []string{"sidebar"}},
	} {
		if got := nameWords(tc.name); strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("nameWords(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestPublishedRules(t *testing.T) {
	for _, tc := range []struct {
		name, page, want, rule string
	}{
		{"open graph", page(`<meta property="article:published_time" content="2021-03-04T10:00:00+01:00">`, ""), "2021-03-04", "article:published_time"},
		{"day in its own offset", page(`<meta property="article:published_time" content="2021-03-04T23:50:00-08:00">`, ""), "2021-03-04", "article:published_time"},
		{"dublin core", page(`<meta name="DC.date.issued" content="2020-11-30">`, ""), "2020-11-30", "dc.date.issued"},
		{"parsely", page(`<meta name="parsely-pub-date" content="2019-07-01T12:00:00Z">`, ""), "2019-07-01", "parsely-pub-date"},
		{"sailthru", page(`<meta name="sailthru.date" content="Mon, 01 Jul 2019 12:00:00 GMT">`, ""), "2019-07-01", "sailthru.date"},
		{"itemprop", page("", `<span itemprop="datePublished" content="2018-02-03">Feb 3</span>`), "2018-02-03", "itemprop datePublished"},
		{"time in the article header", page("", `<article><header><h1>Title</h1><time datetime="2017-09-10T08:00:00Z">Sept 10</time></header></article>`), "2017-09-10", "<time datetime> in the article's header"},
		{"site header's time is today, not publication", page("", `<header><time datetime="2026-12-06">today</time></header><h2>x</h2>`), "", ""},
		{"site header with a logo h1", page(`<meta property="og:title" content="Story">`, `<header><h1>Example News</h1><time datetime="2026-12-06">today</time></header><main><h1>Story</h1></main>`), "", ""},
		{"a teaser's itemprop is not the page's", page("", `<aside class="x"><span itemprop="datePublished" content="2018-01-01">Jan 1</span></aside><div class="related-posts"><time itemprop="datePublished" datetime="2018-01-02"></time></div>`), "", ""},
		{"date beside the headline", page("", `<div class="post"><span class="stamp">Posted on Thursday, May 30, 2019</span><h1>Story</h1><p>Text.</p></div>`), "2019-05-30", "date beside the headline"},
		{"the headline's neighbour marked as an update", page("", `<h1>Story</h1><div class="updated-at">May 31, 2019</div>`), "", ""},
		{"a visible date far from the URL's gives way", page(`<link rel="canonical" href="https://x.example/2019/05/01/story">`, `<h1>Story</h1><p>June 9, 2021</p>`), "2019-05-01", "canonical URL"},
		{"the site header's date beside the headline", page(`<meta property="og:title" content="Story">`, `<header class="top"><span>December 6, 2026</span></header><h1>Story</h1><p>Text.</p>`), "", ""},
		{"relative time beside the headline", page(`<meta property="og:title" content="Story">`, `<h1>Story</h1><div class="meta"><time datetime="2022-04-28T14:29:00-04:00">10 hrs ago</time></div>`), "2022-04-28", "datetime beside the headline"},
		{"hAtom published", page(`<meta property="og:title" content="Story">`, `<h1>Story</h1><abbr class="published" title="2008-05-14T12:00:00+00:00">May 14</abbr>`), "2008-05-14", "datetime beside the headline"},
		{"a byline block's date beside the headline", page(`<meta property="og:title" content="Story">`, `<h1>Story</h1><div class="article-byline"><div class="author">Jane Roe</div><div class="published">Published: 3:15 PM CST Mar. 3, 2022</div></div><p>Text.</p>`), "2022-03-03", "date beside the headline"},
		{"a page wrapper named dialog-off-canvas", page(`<meta property="og:title" content="Story">`, `<div class="dialog-off-canvas-main-canvas"><h1>Story</h1><span class="node-date">01.06.2021</span><p>Text.</p></div>`), "2021-06-01", "date beside the headline"},
		{"a UTC stamp on the day the page shows", page(`<meta property="og:title" content="Story"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-02-28T16:30:00Z"}</script>`, `<h1>Story</h1><span class="date">Mar 1, 2022, 12:30 am SGT</span><p>Text.</p>`), "2022-03-01", "json-ld NewsArticle datePublished, on the day the page shows beside its headline"},
		{"a UTC time element showing its local day", page(`<meta property="og:title" content="Story"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-11-24T04:10:00Z"}</script>`, `<h1>Story</h1><time datetime="2023-11-24T04:10:00+00:00">Nov 23, 2023 / 11:10 PM EST</time><p>Text.</p>`), "2023-11-23", "json-ld NewsArticle datePublished, on the day the page shows beside its headline"},
		{"a numeric date the metadata's instant orders", page(`<meta property="og:title" content="Story"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-08-06T18:40:00Z"}</script>`, `<h1>Story</h1><span class="date">07/08/2019 06:40</span><p>Text.</p>`), "2019-08-07", "json-ld NewsArticle datePublished, on the day the page shows beside its headline"},
		{"a shown clock no offset reaches", page(`<meta property="og:title" content="Story"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-02-28T16:30:00Z"}</script>`, `<h1>Story</h1><span class="date">Mar 1, 2022, 12:20 pm</span><p>Text.</p>`), "2022-02-28", "json-ld NewsArticle datePublished"},
		{"a row of fields beside the headline", page(`<title>Site News :: Savers queue for cash as banks reopen</title>`, `<h2>Savers queue for cash as banks reopen</h2><span class="dateline">Date: 2008-10-17 | 14:32 GMT &nbsp; Author: Gudrun Sigurdardottir of the business desk</span><p>Text.</p>`), "2008-10-17", "date field beside the headline"},
		{"a weekday orders a numeric date, in a node's header", page(`<meta property="og:title" content="Burst pipes flood a school">`, `<h1 class="page-title">Burst pipes flood a school</h1><article><header><span>Submitted by <span class="field--label-hidden">editor</span> on <span class="field field--name-created field--label-hidden">Wed, 01/10/2018 - 14:22</span></span></header><p>Text.</p></article>`), "2018-01-10", "date beside the headline"},
		{"separators between the headline and its date take no reach", page(`<meta property="og:title" content="Story">`, `<h1>Story</h1><h2>A subtitle</h2><span>A Writer</span><span>·</span><span>Follow</span><span>·</span><span>Published in</span><span>·</span><span>A Publication</span><span>·</span><span>7 min read</span><span>·</span><span>·</span><span>Feb 9, 2023</span><p>Text.</p>`), "2023-02-09", "date beside the headline"},
		{"a footer that opens the article holds its date", page(`<meta property="og:title" content="County fair drops pig races">`, `<h1>County fair drops pig races</h1><article><footer class="node__meta">Submitted by admin on <span>Wed, 07/10/2019 - 14:32</span></footer><p>Text.</p></article><footer>© 2026 The Crier, June 1, 2026</footer>`), "2019-07-10", "date beside the headline"},
		{"a footer beside the headline in an article", page(`<meta property="og:title" content="Wolf pups confirmed">`, `<article><div class="section"><a href="/wildlife">Wildlife</a></div><h1>Wolf pups confirmed</h1><footer class="node__meta">Submitted by a ranger on <span>Tue, 11/09/2021 - 14:14</span></footer><div class="body"><p>Text.</p></div></article>`), "2021-11-09", "date beside the headline"},
		{"a block named footer under the headline", page(`<meta property="og:title" content="Late frost threatens apricot harvest">`, `<div class="article"><div class="header"><h1>Late frost threatens apricot harvest</h1></div><div class="footer"><p><time datetime="2018-03-12">12.03.2018</time> by a writer</p></div><div class="teaser"><p>Text.</p></div></div><div class="footer">© 2018, June 1, 2018</div>`), "2018-03-12", "datetime beside the headline"},
		{"an unzoned metadata time on the day the page shows", page(`<meta property="og:title" content="Story"><meta property="article:published_time" content="2023-06-16T02:05:00">`, `<h1>Story</h1><span class="date">June 15, 2023, 10:05 PM EDT</span><p>Text.</p>`), "2023-06-15", "article:published_time, on the day the page shows beside its headline"},
		{"a time's title on the page's own clock", page(`<meta property="og:title" content="Robot tractors roll out at the airport">`, `<h1>Robot tractors roll out at the airport</h1><time dateTime="2023-11-28T23:20:00.000Z" title="Wed, 29 Nov 2023, 7:20 am SGT">3 years ago</time><p>Text.</p>`), "2023-11-29", "datetime beside the headline"},
		{"a date strip above the article is the day the page was saved", page(`<meta property="og:title" content="Story">`, `<div class="DateStrip">Monday, November 8, 2021</div><article><h1>Story</h1><div class="stamp">Posted 11/6/2021 1:12 AM</div><p>Text.</p></article>`), "", ""},
		{"a byline's posted date, in the page's month-first order", page(`<meta property="og:title" content="Story">`, `<article><h1>Story</h1><div class="storyinfo">By A Writer, Staff Writer · Posted 6/9/2023</div><p>Text.</p></article><ul><li>Other story 6/14/2023</li></ul>`), "2023-06-09", "date beside the headline"},
		{"a posted date with its byline after it", page(`<title>News | Parish Council</title>`, `<h1>News</h1><div class="post"><h2>Volunteers deliver Easter eggs to every household</h2><p class="posted">Posted 12/04/2020 by the Parish Clerk</p><p>Text.</p><p>Earlier news 28/03/2020</p></div>`), "2020-04-12", "date beside the headline"},
		{"a converted document's date tags are the file's", page(`<meta name="date" content="2017-06-29T16:02:11+00:00"><meta name="generator" content="pdftohtml 0.71.0">`, `<p>FOR IMMEDIATE RELEASE</p>`), "", ""},
		{"a listing page's dates are its stories'", page(`<script type="application/ld+json">{"@graph":[{"@type":"CollectionPage","name":"Politics"}]}</script>`, `<h1>Politics</h1><div class="item"><h2>Assembly passes the budget</h2><span>March 12, 2022</span></div><div class="item"><h2>Governor names a cabinet</h2><span>March 10, 2022</span></div>`), "", ""},
		{"a tag page's dates are its stories'", `<html><head><title>Housing - Example</title></head><body class="tag-template tag-housing"><h1>Housing</h1><article><h2>Phase two of the housing rules</h2><time datetime="2024-05-02">May 2, 2024</time></article></body></html>`, "", ""},
		{"a draft's creation gives way to its issue", page(`<meta name="DC.date.created" content="2016-05-09T17:00:00+08:00"><meta name="DC.date.issued" content="2016-05-10T09:00:00+08:00">`, ""), "2016-05-10", "dc.date.issued"},
		{"the creation when nothing else dates it", page(`<meta name="DC.date.created" content="2016-05-09">`, ""), "2016-05-09", "dc.date.created"},
		{"a day a sentence names is no stamp", page(`<meta property="og:title" content="Court to move to the annex">`, `<h3 class="notice-title">Court to move to the annex</h3><p>The relocation will take effect from <strong>Monday, 15th January 2024</strong> to allow for renovation works on the main building of the law courts.</p>`), "", ""},
		{"a form that wraps the page", page(`<title>Press Releases :: Housing Mission</title>`, `<form method="post" id="form1"><h1 class="site-name">Housing Mission</h1><h3 class="pr-title">Coastal families to get safe houses</h3><p class="date">14.02.2022</p><p>Text of the release.</p></form>`), "2022-02-14", "date beside the headline"},
		{"a previous issue's date is another page's", page(`<link rel="canonical" href="https://paper.example/news/tea.html">`, `<table><tr><td><b>PREVIOUS ISSUES</b><br><a href="../../2004/03/07/index.html">07 March 2004</a><br><a href="../../2004/02/29/index.html">29 February 2004</a></td><td><font size="1"><b>NEWS</b></font><br><font size="5"><b>Tea smallholders fear losses as rains lash the district</b></font><p>Text.</p></td></tr></table>`), "", ""},
		{"a date linked to its own page", page(`<link rel="canonical" href="http://www.example.com/news/2022/apr/22/two-more-gunned-down/">`, `<h1>Two more gunned down</h1><a href="/news/2022/apr/22/two-more-gunned-down/">As of Friday, April 22, 2022</a><p>Text.</p>`), "2022-04-22", "date beside the headline"},
		{"an event's days beside the headline", page(`<meta property="og:title" content="Fair">`, `<h1>Fair</h1><p class="when">Friday 3 – Saturday 4 May 2024, 10am–4pm</p><p>Text.</p>`), "", ""},
		{"an event's day numbers beside the headline", page(`<meta property="og:title" content="Fair">`, `<h1>Fair</h1><p class="when">3 to 4 May 2024</p><p>Text.</p>`), "", ""},
		{"a date strip above the site's logo link", page(`<meta property="og:title" content="Story">`, `<div class="strip">Tuesday 1 March 2022</div><div class="brand"><a href="/">The Example Times</a></div><div><h1>Story</h1><p>Text.</p></div>`), "", ""},
		{"published, then updated, in one run", page(`<meta property="og:title" content="Story">`, `<h1>Story</h1><div class="dates">Published 7 April 2023 at 4:20 pm, updated 8 April 2023 at 9:12 am</div><p>Text.</p>`), "2023-04-07", "date beside the headline"},
		{"published, then updated, in French", page(`<meta property="og:title" content="Story">`, `<h1>Story</h1><div class="dates">Publié le 3 mai 2021 à 10h00, mis à jour le 4 mai 2021 à 08h30</div><p>Text.</p>`), "2021-05-03", "date beside the headline"},
		{"an update alone in the run", page(`<meta property="og:title" content="Story">`, `<h1>Story</h1><div class="dates">Mis à jour le 4 mai 2021</div><p>Text.</p>`), "", ""},
		{"hAtom itemprop abbr", page("", `<abbr class="stamp" itemprop="datePublished" title="2012-01-10T10:42:00+05:30">10:42</abbr>`), "2012-01-10", "itemprop datePublished"},
		{"the date beside a <font> headline", page(`<title>The Valley Gazette - Local News</title>`, `<table><tr><td><font size="2">Friday, March 4, 2005</font><br><font size="+2"><b>Library roof repairs approved</b></font><p>Text.</p></td></tr></table>`), "2005-03-04", "date beside the headline"},
		{"json-ld dateCreated", page(`<script type="application/ld+json">{"@type":"NewsArticle","dateCreated":"2020-01-03"}</script>`, ""), "2020-01-03", "json-ld NewsArticle dateCreated"},
		{"url path", page(`<link rel="canonical" href="https://x.example/news/2022/05/13/story-name">`, ""), "2022-05-13", "canonical URL"},
		{"url path, one segment", page(`<link rel="canonical" href="https://x.example/2022-05-13-story-name">`, ""), "2022-05-13", "canonical URL"},
		{"modified only", page(`<meta property="article:modified_time" content="2021-03-04T10:00:00Z"><meta name="last-modified" content="2021-03-04">`, ""), "", ""},
		{"json-ld before meta", page(`<meta name="date" content="2020-01-01"><script type="application/ld+json">{"@type":"ReportageNewsArticle","datePublished":"2020-01-02"}</script>`, ""), "2020-01-02", "json-ld ReportageNewsArticle datePublished"},
		{"json-ld with raw newlines", page("<script type=\"application/ld+json\">{\"@type\":[\"NewsArticle\"],\"headline\":\"A\nB\",\"datePublished\":\"2020-01-02\"}</script>", ""), "2020-01-02", "json-ld NewsArticle datePublished"},
		{"placeholder epoch", page(`<meta property="article:published_time" content="1970-01-01T00:00:00Z">`, ""), "", ""},
		{"nonsense", page(`<meta property="article:published_time" content="yesterday-ish">`, ""), "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Read([]byte(tc.page), nil)
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if !p.Published.IsZero() {
				got = p.Published.ISO()
			}
			if got != tc.want || tc.want != "" && p.PublishedEvidence.Rule != "publication: metadata "+tc.rule {
				t.Errorf("published %q by %q, want %q by %q", got, p.PublishedEvidence.Rule, tc.want, tc.rule)
			}
		})
	}
}

func TestTitleSiteName(t *testing.T) {
	for _, tc := range []struct {
		name, page, want string
	}{
		{"suffix names og:site_name", page(`<meta property="og:site_name" content="Reuters"><meta property="og:title" content="Talks resume | Reuters">`, ""), "Talks resume"},
		{"suffix names the host", page(`<link rel="canonical" href="https://edition.cnn.com/x"><title>Talks resume - CNN</title>`, "<h1>Talks resume</h1>"), "Talks resume"},
		{"prefix names publisher", page(`<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"name":"Example News"}}</script><title>Example News - Talks resume</title>`, ""), "Talks resume"},
		{"suffix not the outlet stays", page(`<meta property="og:site_name" content="Reuters"><meta property="og:title" content="Ukraine - the talks resume">`, ""), "Ukraine - the talks resume"},
		{"h1 agreeing with the metadata", page(`<meta property="og:title" content="Talks   resume">`, `<header><h1>Site</h1></header><h1>Talks resume</h1>`), "Talks resume"},
		{"h1 alone", page("", `<h1>Talks resume</h1>`), "Talks resume"},
		{"site name then a date", page(`<link rel="canonical" href="https://www.dw.com/en/x"><meta property="og:title" content="Talks resume | DW | 19.01.2020">`, ""), "Talks resume"},
		{"logo h1 repeats the title's site part", page(`<title>Talks resume | The Tribune</title>`, `<h1>The Tribune</h1>`), "Talks resume"},
		{"suffix names the logo's home link", page(`<meta property="og:title" content="Talks resume — The Harbour Post">`, `<div class="top"><a href="/">The Harbour Post</a></div><h1>Talks resume</h1>`), "Talks resume"},
		{"another site's home link names no outlet", page(`<link rel="canonical" href="https://news.example.com/x"><meta property="og:title" content="Talks resume - Friendface">`, `<a href="https://friendface.example/">Friendface</a><p>Talks resume</p>`), "Talks resume - Friendface"},
		{"blog name and a colon before the headline", page(`<title>Harbour Notes: Ferry fares rise again</title>`, `<header><h1><a href="/">Harbour Notes</a></h1></header><h3 class="post-title">Ferry fares rise again</h3>`), "Ferry fares rise again"},
		{"a kicker before the metadata's headline", page(`<meta property="og:title" content="Cricket: Hosts win the series in the final over">`, `<span class="kicker">Cricket</span><h1>Hosts win the series in the final over</h1>`), "Hosts win the series in the final over"},
		{"a long lead-in is no kicker", page(`<meta property="og:title" content="Minister says on the record: Hosts win the series in the final over">`, `<h1>Hosts win the series in the final over</h1>`), "Minister says on the record: Hosts win the series in the final over"},
		{"the largest <font> on a page of no h1", page(`<title>The Valley Gazette - Local News</title>`, `<table><tr><td><font size="6">Gazette</font><font size="2">Friday, March 4, 2005</font><br><font size="+2"><b>Library roof repairs approved</b></font><p>Text.</p><font size="4"><a href="/x">Another story</a></font></td></tr></table>`), "Library roof repairs approved"},
		{"the page's one h1 over a headline written for search", page(`<meta property="og:title" content="Ferry fares going up a quarter in March">`, `<article><h1>Harbour ferry board approves first fare rise in six years</h1><p>Text.</p></article>`), "Harbour ferry board approves first fare rise in six years"},
		{"the title's part a subhead repeats, on a page of a logo h1", page(`<title>Valley Chronicle - News - Lock gates to be replaced next spring</title>`, `<h1 id="logo"><a href="/">Valley Chronicle</a></h1><h2 class="article-title">Lock gates to be replaced next spring</h2><p>Text.</p>`), "Lock gates to be replaced next spring"},
		{"the h1 and the site's name after it in the metadata", page(`<meta property="og:title" content="Traders count losses after the market fire - Eko Pulse Online">`, `<div class="logo"><a href="/"><img src="/logo.png" alt="Eko Pulse Online"></a></div><h1>Traders count losses after the market fire</h1><p>Text.</p>`), "Traders count losses after the market fire"},
		{"a headline after the site's name in the title is no logo", page(`<title>SwissInfoLine :: Lake steamer returns after winter overhaul</title>`, `<h1>Lake steamer returns after winter overhaul</h1><p>Text.</p>`), "Lake steamer returns after winter overhaul"},
		{"a title split at slashes holds the h3's headline", page(`<title>Firm signs deal to supply turbines / News / TatProm Review</title>`, `<h3>Firm signs deal to supply turbines</h3><p>Text.</p>`), "Firm signs deal to supply turbines"},
		{"a subhead the metadata cuts short", page(`<meta property="og:title" content="Community garden harvests record 2.4 tonnes | Eastfield Voice"><meta property="og:site_name" content="Eastfield Voice">`, `<h2><span>Community garden harvests record 2.4 tonnes of vegetables</span></h2><p>Text.</p>`), "Community garden harvests record 2.4 tonnes of vegetables"},
		{"the title's subhead over a metadata headline written for search", page(`<meta property="og:title" content="Students build $400 ventilator"><title>Engineering students build low-cost ventilator for rural clinics | Polytechnic News</title>`, `<h1 class="site-name">Polytechnic News</h1><h2 class="page-title">Engineering students build low-cost ventilator for rural clinics</h2><p>Text.</p>`), "Engineering students build low-cost ventilator for rural clinics"},
		{"the first subhead under a title that only names the site", page(`<title>The Weekly Sentinel Online</title>`, `<table><tr><td><h3>Menu</h3><h2>Town meeting approves new fire station on Route 9</h2><p>Text.</p></td></tr></table>`), "Town meeting approves new fire station on Route 9"},
		{"the h1 of a metadata headline cut down", page(`<meta property="og:title" content="Library fines abolished">`, `<h1>Library Fines Abolished as Council Seeks to Win Back Readers</h1><p>Text.</p>`), "Library Fines Abolished as Council Seeks to Win Back Readers"},
		{"a subhead under an h1 that names the section", page(`<meta property="og:title" content="Club celebrates 150th anniversary">`, `<h1 class="page-heading">Club News</h1><h2 class="article-title">Cricket Club Celebrates 150 Years With Match Against Former Players</h2><p>Text.</p>`), "Cricket Club Celebrates 150 Years With Match Against Former Players"},
		{"a subhead longer than the title's part", page(`<title>Hairdressers reopen to queues - Bolton Chronicle</title>`, `<h2 itemprop="headline">Hairdressers Reopen to Queues as Lockdown Rules Ease</h2><p>Text.</p>`), "Hairdressers Reopen to Queues as Lockdown Rules Ease"},
		{"a large font of the site's name that leads the title", page(`<title>Valley Voice :: Business :: Small brewery wins gold at the festival</title>`, `<table><tr><td><font size="6">Valley Voice</font><br><font size="5"><b>Small Brewery Wins Gold at the Great Beer Festival</b></font><p>Text.</p></td></tr></table>`), "Small Brewery Wins Gold at the Great Beer Festival"},
		{"a blog's name as h1 and its post's title in an h3", page(`<title>Fen Valley Rail Log: Last steam run of the season draws a record crowd</title>`, `<h1 class="title">Fen Valley Rail Log</h1><h2 class="date-header">Friday, October 7, 2016</h2><h3 class="post-title">Last steam run of the season draws a record crowd</h3><p>Text.</p>`), "Last steam run of the season draws a record crowd"},
		{"a metadata label of two words is no headline", page(`<meta property="og:title" content="Press release"><title>Breisgau Transit: Tram line 5 extension opens on schedule</title>`, `<h3 itemprop="headline">Tram line 5 extension opens on schedule</h3><p>Text.</p>`), "Tram line 5 extension opens on schedule"},
		{"the longest part of a title of three", page(`<title>Wensleydale Gazette - News - Hawes auction mart sets record for tups</title>`, `<div class="story"><div class="storyhead">Hawes auction mart sets record for tups</div><p>Text.</p></div>`), "Hawes auction mart sets record for tups"},
		{"the first subhead under a title of names only", page(`<title>Marcher Sound 103.4 - Local News</title>`, `<h2 class="newsheadline">Plans lodged for a care home on the old store site</h2><p>Text.</p><h3>More local news</h3>`), "Plans lodged for a care home on the old store site"},
		{"the headline part of a title of two", page(`<title>Rock Bulletin - Queues ease after a new lane opens at the frontier</title>`, `<div class="newstitle">Queues ease after a new lane opens at the frontier</div><p>Text.</p>`), "Queues ease after a new lane opens at the frontier"},
		{"the cell whose class names the headline, on a page of no h1", page(`<title>Basel Bulletin :: News :: Trams through the night</title>`, `<table><tr><td class="crumbs">Home » News</td></tr><tr><td class="headline">Trams will run through the night during the carnival</td></tr><tr><td class="article"><p>Text.</p></td></tr></table>`), "Trams will run through the night during the carnival"},
		{"an h1 in the <main> of a block named after its sidebar", page(`<meta property="og:title" content="Match report: Vale win at Otley - Vale Cricket Club">`, `<div class="content-area content-area-right-sidebar"><main><article><h1 class="entry-title">Vale clinch promotion with a six-wicket win at Otley</h1><p>Text.</p></article></main></div>`), "Vale clinch promotion with a six-wicket win at Otley"},
		{"the class that names the headline under an h1 of the site's name", page(`<title>Press Releases :: Coastal Housing Mission, Government of the State</title>`, `<h1 class="site-name">Coastal Housing Mission</h1><h2 class="page-head">Press Release</h2><h3 class="pr-title">Coastal families to get safe houses</h3><p>Text.</p>`), "Coastal families to get safe houses"},
		{"a listing page's own h1", page(`<meta property="og:title" content="Politics Archives - Example"><script type="application/ld+json">{"@graph":[{"@type":"CollectionPage","name":"Politics"}]}</script>`, `<h1>Politics</h1><h2>Elections, parties and the people who run the state</h2><article><h3>Assembly passes the budget</h3></article>`), "Politics"},
		{"an author's page's own h1", page(`<meta property="og:type" content="profile"><script type="application/ld+json">{"@type":"ProfilePage","mainEntity":{"@type":"Person","name":"Priya Raman"}}</script>`, `<h1 class="AuthorPage-name">Priya Raman</h1><h2>Latest from Priya Raman</h2><article><h3>Metro line opens</h3></article>`), "Priya Raman"},
		{"byline after the h1's headline", page(`<meta property="og:title" content="Talks resume in the capital after a long pause">`, `<h1>Talks resume in the capital after a long pause - by A. Writer</h1>`), "Talks resume in the capital after a long pause"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Read([]byte(tc.page), nil)
			if err != nil {
				t.Fatal(err)
			}
			if p.Title != tc.want {
				t.Errorf("title %q (%s), want %q", p.Title, p.TitleRule, tc.want)
			}
		})
	}
}

func TestCharset(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"meta charset", []byte("<html><head><meta charset=\"iso-8859-1\"></head><body><h1>Caf\xe9 opens</h1></body></html>")},
		{"http-equiv", []byte("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body><h1>Caf\xe9 opens</h1></body></html>")},
		{"utf-8 bom", []byte("\xef\xbb\xbf<html><body><h1>Caf\xc3\xa9 opens</h1></body></html>")},
		{"utf-16 bom", utf16LE("<html><body><h1>Café opens</h1></body></html>")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Read(tc.data, nil)
			if err != nil {
				t.Fatal(err)
			}
			if p.Title != "Café opens" {
				t.Errorf("title %q, want %q", p.Title, "Café opens")
			}
		})
	}
}

// utf16LE encodes s as UTF-16, little-endian, after a byte-order mark.
func utf16LE(s string) []byte {
	b := []byte{0xFF, 0xFE}
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

func TestBadInput(t *testing.T) {
	if _, err := Read([]byte("\x00\x01\x02PK\x03\x04 binary junk"), nil); err != ErrNotHTML {
		t.Errorf("binary data: error %v, want ErrNotHTML", err)
	}
	deep := strings.Repeat("<div>", 10000) + "<p>" + strings.Repeat("Deep text in a nested page. ", 5) + "</p>" + strings.Repeat("</div>", 10000)
	p, err := Read([]byte(page("<title>Deep</title>", deep)), nil)
	if err != nil || len(p.Blocks) != 1 || !strings.Contains(p.Note, "nested more than") {
		t.Errorf("10,000 nested elements: %v, %+v; want the page read with a note", err, p)
	}
	shallow := strings.Repeat("<div>", 400) + "<p>" + strings.Repeat("Deep text in a nested page. ", 5) + "</p>"
	p, err = Read([]byte(page("<title>Deep</title>", shallow)), nil)
	if err != nil || p.Title != "Deep" || len(p.Blocks) != 1 {
		t.Errorf("400 nested elements: %v, %+v; want the page read", err, p)
	}
}

func TestFlatten(t *testing.T) {
	para := "<p>" + strings.Repeat("Text of the story. ", 5) + "</p>"
	for _, tc := range []struct {
		name, body string
		flattened  bool
	}{
		{"ordinary page", "<article><div><div>" + para + para + "</div></div></article>", false},
		{"custom elements closed", strings.Repeat("<x-card><amp-img></amp-img>"+para+"</x-card>", 300), false},
		{"paragraphs and items left open", strings.Repeat("<p>One. <p>Two. <ul><li>a<li>b</ul>", 300) + para, false},
		{"svg of self-closed paths", "<svg>" + strings.Repeat(`<path d="M0"/>`, 300) + "</svg>" + para, false},
		{"script holding tags", "<script>" + strings.Repeat("<div>", 300) + "</script>" + para, false},
		{"200 nested divs", strings.Repeat("<div>", 200) + para + strings.Repeat("</div>", 200), true},
		{"divs closed by a stray end tag", strings.Repeat("<div></span>", 300) + para, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := page("<title>T</title>", tc.body)
			flat, note := flatten(text)
			if got := note != ""; got != tc.flattened {
				t.Errorf("flattened %v (%q), want %v", got, note, tc.flattened)
			}
			if len(flat) != len(text) {
				t.Errorf("length %d, want %d: offsets must not move", len(flat), len(text))
			}
			p, err := Read([]byte(text), nil)
			if err != nil || len(p.Blocks) == 0 || !strings.Contains(p.Blocks[len(p.Blocks)-1].Text, "Text of the story.") {
				t.Errorf("read: %v; want the story's text last", err)
			}
		})
	}
}

func TestTimezone(t *testing.T) {
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Skip("no zone database:", err)
	}
	story := `<h1>Story</h1><p>` + strings.Repeat("A sentence of plain reporting for the body. ", 4) + `</p>`
	for _, tc := range []struct {
		name, meta string
		loc        *time.Location
		want       string
	}{
		{"unix seconds in UTC", `<meta name="pubdate" content="1652482800">`, nil, "2022-05-13"},
		{"unix seconds in the site's zone", `<meta name="pubdate" content="1652482800">`, tokyo, "2022-05-14"},
		{"unix milliseconds in the site's zone", `<meta name="pubdate" content="1652482800000">`, tokyo, "2022-05-14"},
		{"a clock without an offset keeps its written day", `<meta property="article:published_time" content="2022-05-13T23:30:00">`, tokyo, "2022-05-13"},
		{"an offset is the timestamp's own", `<meta property="article:published_time" content="2022-05-13T23:30:00-04:00">`, tokyo, "2022-05-13"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Read([]byte(page(`<title>Story</title>`+tc.meta, story)), tc.loc)
			if err != nil {
				t.Fatal(err)
			}
			if got := p.Published.ISO(); got != tc.want {
				t.Errorf("published %s (%s), want %s", got, p.PublishedEvidence.Rule, tc.want)
			}
		})
	}
}

// TestRowDate reads the one date field of a row of fields, and none
// from a row of two dates.
func TestRowDate(t *testing.T) {
	for _, tc := range []struct {
		raw, want string
	}{
		{"Date: 2008-10-17 | 14:32 GMT \u00a0 Author: Gudrun Sigurdardottir of the business desk", "2008-10-17"},
		{"Posted 17 October 2008  ·  Comments (3)  ·  Share this story with a friend today", "2008-10-17"},
		{"Floods in the north 17 October 2008 | Strikes in the south 18 October 2008 | More", ""},
		{"No date in this row | none at all", ""},
	} {
		got := ""
		if _, st, ok := rowDate(tc.raw, newsdate.Scan); ok {
			got = st.day.ISO()
		}
		if got != tc.want {
			t.Errorf("rowDate(%q) = %q, want %q", tc.raw, got, tc.want)
		}
	}
}
