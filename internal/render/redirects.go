package render

import (
	"cmp"
	"html"
	"net/url"
	"strings"
)

// redirects returns the jobs of the pages of entry ids that stopped
// being separate (timeline.Chronology.Redirects): a small page at the
// old URL with a canonical link to the entry it was merged into and a
// meta refresh, so that links to the old id keep working. The sitemap
// leaves them out.
func (r *renderer) redirects() []job {
	var jobs []job
	for _, rd := range r.chron.Redirects {
		from, to := "entries/"+url.PathEscape(rd.From)+"/", "entries/"+url.PathEscape(rd.To)+"/"
		key := r.key(func(k *keyer) uint64 {
			h := getKeyBuf()
			defer keyBufs.Put(h)
			writeString(h, from)
			writeString(h, to)
			return k.key("redirect", h.sum(k.seed))
		})
		jobs = append(jobs, exportJob(from, key, func() ([]byte, error) {
			return redirectPage(rootOf(from)+to, absURL(r.chron.Site, to), r.chron.Site.Language), nil
		}))
	}
	return jobs
}

// redirectPage returns the page that sends a reader on to target, a
// relative URL, whose canonical URL is canonical.
func redirectPage(target, canonical, language string) []byte {
	esc := html.EscapeString
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"" + esc(cmp.Or(language, "en")) + "\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<title>Moved</title>\n<meta name=\"robots\" content=\"noindex\">\n")
	b.WriteString("<link rel=\"canonical\" href=\"" + esc(canonical) + "\">\n")
	b.WriteString("<meta http-equiv=\"refresh\" content=\"0; url=" + esc(target) + "\">\n</head>\n")
	b.WriteString("<body>\n<p>This entry is now part of <a href=\"" + esc(target) + "\">another entry</a>, which tells the same event.</p>\n</body>\n</html>\n")
	return []byte(b.String())
}
