package render

import (
	"strconv"

	"github.com/newsroom/timeline/internal/timeline"
)

// sitemapLimit is the most URLs one sitemap file may list.
const sitemapLimit = 50000

// sitemapNS is the namespace of sitemaps and sitemap indexes.
const sitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"

// SitemapURL is one page of sitemap.xml.
type SitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// Sitemaps returns sitemap.xml listing urls (absolute), and, past
// sitemapLimit URLs, sitemap.xml as an index of sitemap-N.xml files;
// each laid out as xml.MarshalIndent lays out a <urlset> of <url>s (or
// a <sitemapindex> of <sitemap>s) of SitemapURLs.
func Sitemaps(site timeline.Site, urls []SitemapURL) (map[string][]byte, error) {
	if len(urls) <= sitemapLimit {
		return map[string][]byte{"sitemap.xml": sitemapFile("urlset", "url", urls)}, nil
	}
	files := map[string][]byte{}
	var index []SitemapURL
	for i := 0; i < len(urls); i += sitemapLimit {
		name := "sitemap-" + strconv.Itoa(i/sitemapLimit+1) + ".xml"
		files[name] = sitemapFile("urlset", "url", urls[i:min(i+sitemapLimit, len(urls))])
		index = append(index, SitemapURL{Loc: absURL(site, name)})
	}
	files["sitemap.xml"] = sitemapFile("sitemapindex", "sitemap", index)
	return files, nil
}

// sitemapFile returns a sitemap (root "urlset", items "url") or a
// sitemap index (root "sitemapindex", items "sitemap") of urls.
func sitemapFile(root, item string, urls []SitemapURL) []byte {
	size := 128
	for _, u := range urls {
		size += len(u.Loc) + len(u.LastMod) + 64
	}
	w := newXMLWriter(size)
	w.start(root, "xmlns", sitemapNS)
	for _, u := range urls {
		w.start(item)
		w.element("loc", u.Loc)
		if u.LastMod != "" {
			w.element("lastmod", u.LastMod)
		}
		w.end(item)
	}
	w.end(root)
	return w.bytes()
}

// Robots returns robots.txt: everything may be crawled; the sitemap is
// named.
func Robots(site timeline.Site) []byte {
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + absURL(site, "sitemap.xml") + "\n")
}

// lastMod is a sitemap date for an entry: its day, when known.
func lastMod(d timeline.Date) string {
	if d.Precision < timeline.Day {
		return ""
	}
	return timeline.DayOf(d.Year, d.Month, d.Day).ISO()
}

// sitemaps emits the sitemaps of the pages of jobs; or, when their URLs
// and dates are those of the previous Render's (Options.Previous), keeps
// its sitemap files.
func (r *renderer) sitemaps(jobs []job) error {
	key := r.key(func(k *keyer) uint64 {
		h := getKeyBuf()
		defer keyBufs.Put(h)
		for _, j := range jobs {
			if j.sitemap {
				writeString(h, j.url)
				writeString(h, j.lastMod)
			}
		}
		return k.key("sitemaps", h.sum(k.seed))
	})
	if prev := r.previous(); prev != nil && key != 0 && !r.keys.broken && prev.sitemapKey == key {
		r.recordSitemaps(key, prev.sitemapFiles)
		return r.keep(prev.sitemapFiles)
	}
	var sitemap []SitemapURL
	for _, j := range jobs {
		if j.sitemap {
			sitemap = append(sitemap, SitemapURL{Loc: absURL(r.chron.Site, escapedURL(j.url)), LastMod: j.lastMod})
		}
	}
	files, err := Sitemaps(r.chron.Site, sitemap)
	if err != nil {
		return err
	}
	names := sortedKeys(files)
	for _, name := range names {
		if err := r.emit(name, files[name]); err != nil {
			return err
		}
	}
	r.recordSitemaps(key, names)
	return nil
}

// recordSitemaps notes the sitemaps' key and files in Options.Next.
func (r *renderer) recordSitemaps(key uint64, files []string) {
	if next := r.next(); next != nil {
		next.sitemapKey, next.sitemapFiles = key, files
	}
}
