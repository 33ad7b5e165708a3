package render

import (
	"encoding/xml"
	"iter"
	"strconv"

	"github.com/newsroom/timeline/internal/timeline"
)

// sitemapLimit is the most URLs one sitemap file may list.
const sitemapLimit = 50000

// sitemapNS is the namespace of sitemaps and sitemap indexes.
const sitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"

// sitemapURL is one page of sitemap.xml, or one sitemap of an index.
type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// urlSet is a sitemap; sitemapIndex an index of sitemaps.
type urlSet struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapIndex struct {
	XMLName  xml.Name     `xml:"sitemapindex"`
	NS       string       `xml:"xmlns,attr"`
	Sitemaps []sitemapURL `xml:"sitemap"`
}

// sitemapsOf returns sitemap.xml listing urls (absolute), and, past
// sitemapLimit URLs, sitemap.xml as an index of sitemap-N.xml files.
func sitemapsOf(site timeline.Site, urls []sitemapURL) (map[string][]byte, error) {
	if len(urls) <= sitemapLimit {
		data, err := marshalXML(urlSet{NS: sitemapNS, URLs: urls})
		return map[string][]byte{"sitemap.xml": data}, err
	}
	files := map[string][]byte{}
	index := sitemapIndex{NS: sitemapNS}
	for i := 0; i < len(urls); i += sitemapLimit {
		name := "sitemap-" + strconv.Itoa(i/sitemapLimit+1) + ".xml"
		data, err := marshalXML(urlSet{NS: sitemapNS, URLs: urls[i:min(i+sitemapLimit, len(urls))]})
		if err != nil {
			return nil, err
		}
		files[name] = data
		index.Sitemaps = append(index.Sitemaps, sitemapURL{Loc: absURL(site, name)})
	}
	data, err := marshalXML(index)
	files["sitemap.xml"] = data
	return files, err
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

// sitemaps writes the sitemaps of the pages of jobs; or, when their URLs
// and dates are those of the previous Render's (Reuse.Last), keeps
// its sitemap files.
func (r *renderer) sitemaps(jobs iter.Seq[job]) error {
	key := r.key(func(k *keyer) uint64 {
		h := getKeyBuf()
		defer keyBufs.Put(h)
		for j := range jobs {
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
	var sitemap []sitemapURL
	for j := range jobs {
		if j.sitemap {
			sitemap = append(sitemap, sitemapURL{Loc: absURL(r.chron.Site, escapedURL(j.url)), LastMod: j.lastMod})
		}
	}
	files, err := sitemapsOf(r.chron.Site, sitemap)
	if err != nil {
		return err
	}
	names := sortedKeys(files)
	for _, name := range names {
		if err := r.out.Write(name, files[name]); err != nil {
			return err
		}
	}
	r.recordSitemaps(key, names)
	return nil
}

// recordSitemaps notes the sitemaps' key and files in Reuse.Next.
func (r *renderer) recordSitemaps(key uint64, files []string) {
	if next := r.next(); next != nil {
		next.sitemapKey, next.sitemapFiles = key, files
	}
}
