package render

import (
	"testing"

	"github.com/newsroom/timeline/internal/timeline"
)

// benchSitemapURLs returns the sitemap's URLs for chron as Render lists
// them: the index, every entry and article page, and every taxonomy
// and term page.
func benchSitemapURLs(chron *timeline.Chronology, links *Links) []sitemapURL {
	site := chron.Site
	urls := []sitemapURL{{Loc: absURL(site, "")}}
	for _, e := range chron.Entries {
		urls = append(urls, sitemapURL{Loc: absURL(site, EntryURL(e.ID)), LastMod: lastMod(e.Date)})
	}
	for _, a := range chron.Articles {
		urls = append(urls, sitemapURL{Loc: absURL(site, ArticleURL(a.ID)), LastMod: lastMod(a.Published)})
	}
	for _, tx := range links.Taxonomies() {
		urls = append(urls, sitemapURL{Loc: absURL(site, tx.ID+"/")})
		for _, t := range tx.Terms {
			urls = append(urls, sitemapURL{Loc: absURL(site, t.URL)})
		}
	}
	return urls
}

// benchExport runs make on a chronology of benchEntries entries and
// reports the bytes it makes per run.
func benchExport(b *testing.B, make func(chron *timeline.Chronology, links *Links) (int, error)) {
	chron := benchChronology(benchEntries)
	links := NewLinks(chron)
	b.ReportAllocs()
	var size int
	for b.Loop() {
		n, err := make(chron, links)
		if err != nil {
			b.Fatal(err)
		}
		size = n
	}
	b.ReportMetric(float64(size), "bytes/file")
}

// BenchmarkTimelineJSON makes timeline.json.
func BenchmarkTimelineJSON(b *testing.B) {
	benchExport(b, func(chron *timeline.Chronology, _ *Links) (int, error) {
		data, err := timelineJSON(chron, nil)
		return len(data), err
	})
}

// BenchmarkTimelineJS makes timelinejs.json.
func BenchmarkTimelineJS(b *testing.B) {
	benchExport(b, func(chron *timeline.Chronology, links *Links) (int, error) {
		data, err := timelineJS(chron, links, nil)
		return len(data), err
	})
}

// BenchmarkSearchIndex makes search.json and the files under search/.
func BenchmarkSearchIndex(b *testing.B) {
	benchExport(b, func(chron *timeline.Chronology, links *Links) (int, error) {
		files, err := searchIndexFiles(chron.Entries, links)
		size := 0
		for _, data := range files {
			size += len(data)
		}
		return size, err
	})
}

// BenchmarkFeeds makes feed.xml and feed.json.
func BenchmarkFeeds(b *testing.B) {
	benchExport(b, func(chron *timeline.Chronology, _ *Links) (int, error) {
		atom, err := atomOf(chron)
		if err != nil {
			return 0, err
		}
		feed, err := jsonFeedOf(chron)
		return len(atom) + len(feed), err
	})
}

// BenchmarkSitemap makes sitemap.xml from the URLs Render would list.
func BenchmarkSitemap(b *testing.B) {
	chron := benchChronology(benchEntries)
	urls := benchSitemapURLs(chron, NewLinks(chron))
	b.ReportAllocs()
	var size int
	for b.Loop() {
		files, err := sitemapsOf(chron.Site, urls)
		if err != nil {
			b.Fatal(err)
		}
		size = len(files["sitemap.xml"])
	}
	b.ReportMetric(float64(size), "bytes/file")
}
