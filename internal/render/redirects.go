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
	jobs := make([]job, 0, len(r.chron.Redirects))
	for _, rd := range r.chron.Redirects {
		key := r.key(func(k *keyer) uint64 {
			h := getKeyBuf()
			defer keyBufs.Put(h)
			writeString(h, redirectURL(rd.From))
			writeString(h, redirectURL(rd.To))
			return k.key("redirect", h.sum(k.seed))
		})
		// The page's URLs are made when it is: a large site has tens of
		// thousands of these jobs waiting at once.
		jobs = append(jobs, exportJob(redirectURL(rd.From), key, func() ([]byte, error) {
			to := redirectURL(rd.To)
			return redirectPage(rootOf(redirectURL(rd.From))+to, absURL(r.chron.Site, to), r.chron.Site.Language), nil
		}))
	}
	return jobs
}

// redirectURL is the site-relative URL of the entry page of id, whose
// redirect page it is or which one leads to.
func redirectURL(id string) string { return "entries/" + url.PathEscape(id) + "/" }

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
