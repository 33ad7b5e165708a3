package hostile

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"path"
	"strings"

	"golang.org/x/net/html"
)

// Marker is the word every injection string of the suite carries: where
// it shows up in an output file as something a browser would run, the
// output is not escaped for its consumer.
const Marker = "XSSMARK"

// Injections returns what in the output file name (its kind told by its
// extension) a browser or a feed reader could run: a script element,
// an event-handler attribute or an element or attribute name carrying
// Marker, and any link to a javascript:, data: or vbscript: URL, however
// written (case, blanks, entities, percent-encoding). HTML files are
// read as HTML; in JSON, the fields TimelineJS3 and JSON Feed render as
// HTML (htmlFields; textThenHTML after decoding them once, as
// TimelineJS3 does) are read as HTML and every string is checked as a
// URL; in XML, the text of elements of type="html" is read as HTML and
// every href and src as a URL. Other files must not hold Marker at all.
func Injections(name string, data []byte) []string {
	switch path.Ext(name) {
	case ".html", ".htm":
		return htmlInjections(string(data))
	case ".json":
		return jsonInjections(path.Base(name), data)
	case ".xml":
		return xmlInjections(data)
	}
	if bytes.Contains(data, []byte(Marker)) {
		return []string{"marker in a " + path.Ext(name) + " file"}
	}
	return nil
}

// htmlFields are the JSON keys whose strings are rendered as HTML:
// TimelineJS3's headline, text and group, and JSON Feed's content_html.
var htmlFields = map[string]bool{"headline": true, "text": true, "content_html": true}

// textThenHTML are the JSON keys TimelineJS3 reads as text (the text of
// the string parsed as HTML: its stripMarkup) and then shows as HTML.
var textThenHTML = map[string]bool{"group": true, "display_date": true}

// stripMarkup returns the text of s parsed as HTML, entities decoded,
// as TimelineJS3's stripMarkup does.
func stripMarkup(s string) string {
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			b.Write(z.Text())
		}
	}
}

// urlAttributes are the attributes whose value a browser follows or
// loads as a URL.
var urlAttributes = map[string]bool{"href": true, "src": true, "action": true, "formaction": true, "poster": true, "data": true, "xlink:href": true, "srcset": true, "background": true, "cite": true}

func htmlInjections(fragment string) []string {
	var found []string
	z := html.NewTokenizer(strings.NewReader(fragment))
	inScript := false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				found = append(found, fmt.Sprintf("HTML that does not parse: %v", z.Err()))
			}
			return found
		}
		tok := z.Token()
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			inScript = tok.Data == "script"
			if strings.Contains(tok.Data, strings.ToLower(Marker)) {
				found = append(found, fmt.Sprintf("element <%s> made of injected text", tok.Data))
			}
			for _, a := range tok.Attr {
				found = append(found, attributeInjections(tok.Data, a.Key, a.Val)...)
			}
		case html.EndTagToken:
			inScript = false
		case html.TextToken:
			if inScript && strings.Contains(tok.Data, Marker) {
				found = append(found, "injected text inside a <script>")
			}
		}
	}
}

func attributeInjections(element, key, val string) []string {
	var found []string
	switch {
	case strings.Contains(key, strings.ToLower(Marker)):
		found = append(found, fmt.Sprintf("attribute %q of <%s> made of injected text", key, element))
	case strings.HasPrefix(key, "on") && strings.Contains(val, Marker):
		found = append(found, fmt.Sprintf("event handler %s=%q on <%s>", key, val, element))
	case urlAttributes[key] && DangerousURL(val):
		found = append(found, fmt.Sprintf("%s=%q on <%s>", key, val, element))
	case key == "style" && strings.Contains(val, Marker):
		found = append(found, fmt.Sprintf("injected style %q on <%s>", val, element))
	}
	return found
}

// DangerousURL reports whether a browser would take u, as written in an
// attribute (entities already decoded), for a javascript:, data: or
// vbscript: URL: after dropping blanks and control characters anywhere,
// percent-decoding, and in any case.
func DangerousURL(u string) bool {
	for range 3 { // percent-encoding nested a few times
		if dec, err := url.PathUnescape(u); err == nil {
			u = dec
		}
	}
	u = html.UnescapeString(u)
	var b strings.Builder
	for _, r := range u {
		if r > ' ' && r != 0x7f {
			b.WriteRune(r)
		}
	}
	s := strings.ToLower(b.String())
	return strings.HasPrefix(s, "javascript:") || strings.HasPrefix(s, "data:") || strings.HasPrefix(s, "vbscript:")
}

func jsonInjections(name string, data []byte) []string {
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		return []string{fmt.Sprintf("JSON that does not parse: %v", err)}
	}
	var found []string
	var walk func(key string, v any)
	walk = func(key string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				walk(k, x)
			}
		case []any:
			for _, x := range v {
				walk(key, x)
			}
		case string:
			if DangerousURL(v) {
				found = append(found, fmt.Sprintf("%s: URL %q", key, v))
			}
			if textThenHTML[key] {
				v = stripMarkup(v)
			}
			if htmlFields[key] || textThenHTML[key] {
				for _, f := range htmlInjections(v) {
					found = append(found, key+": "+f)
				}
			}
		}
	}
	walk("", doc)
	return found
}

func xmlInjections(data []byte) []string {
	var found []string
	dec := xml.NewDecoder(bytes.NewReader(data))
	htmlText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return found
		}
		if err != nil {
			return append(found, fmt.Sprintf("XML that does not parse: %v", err))
		}
		switch t := tok.(type) {
		case xml.StartElement:
			htmlText = false
			for _, a := range t.Attr {
				if (a.Name.Local == "href" || a.Name.Local == "src") && DangerousURL(a.Value) {
					found = append(found, fmt.Sprintf("<%s %s=%q>", t.Name.Local, a.Name.Local, a.Value))
				}
				if a.Name.Local == "type" && (a.Value == "html" || a.Value == "xhtml") {
					htmlText = true
				}
			}
		case xml.CharData:
			if htmlText {
				found = append(found, htmlInjections(string(t))...)
			}
			if DangerousURL(strings.TrimSpace(string(t))) {
				found = append(found, fmt.Sprintf("URL %q", strings.TrimSpace(string(t))))
			}
		case xml.EndElement:
			htmlText = false
		}
	}
}
