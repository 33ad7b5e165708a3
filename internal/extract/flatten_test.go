package extract

import (
	"bytes"
	"flag"
	"hash/fnv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// flatDir, when set, makes TestFlattenPages write the flattened pages
// there, to read them as the extraction does.
var flatDir = flag.String("flatdir", "", "write the flattened saved pages to this `folder`")

// heldOut reports whether a labelled text is kept out of rule-writing:
// the split was fixed before any text was looked at, on a hash of the
// file's base name, so that about a third of each set is held out.
func heldOut(file string) bool {
	h := fnv.New32a()
	h.Write([]byte(filepath.Base(file)))
	return h.Sum32()%3 == 0
}

// invisible are the elements whose text a page never shows.
var invisible = map[string]bool{
	"head": true, "script": true, "style": true, "noscript": true, "template": true,
	"svg": true, "iframe": true, "object": true, "canvas": true, "select": true,
}

// blockElements end a line of visible text where they open and close.
var blockElements = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "ul": true, "ol": true, "dl": true, "dt": true, "dd": true, "br": true, "tr": true,
	"td": true, "th": true, "table": true, "section": true, "article": true, "header": true,
	"footer": true, "nav": true, "aside": true, "main": true, "figure": true, "figcaption": true,
	"blockquote": true, "pre": true, "form": true, "hr": true, "address": true, "fieldset": true,
	"legend": true, "details": true, "summary": true, "option": true, "button": true, "label": true,
	"body": true, "caption": true,
}

// flattenHTML returns the visible text of an HTML page the way a scraper
// that keeps all of it would: every text node outside scripts, styles
// and the head, blocks on lines of their own, runs of white space as one
// space, navigation, footers and all.
func flattenHTML(data []byte) (string, error) {
	r, err := charset.NewReader(bytes.NewReader(data), "text/html")
	if err != nil {
		return "", err
	}
	doc, err := html.Parse(r)
	if err != nil {
		return "", err
	}
	var out, line strings.Builder
	flush := func() {
		s := strings.Join(strings.Fields(line.String()), " ")
		if s != "" {
			out.WriteString(s)
			out.WriteString("\n")
		}
		line.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && invisible[n.Data] {
			return
		}
		if n.Type == html.TextNode {
			line.WriteString(n.Data)
			return
		}
		block := n.Type == html.ElementNode && blockElements[n.Data]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(doc)
	flush()
	return out.String(), nil
}

// TestFlattenHTML checks the flattening on a small page: hidden parts
// left out, blocks on their own lines, inline runs joined.
func TestFlattenHTML(t *testing.T) {
	page := `<html><head><title>T</title><style>p{}</style></head><body>
<nav><a href="/">Home</a> <a href="/n">News</a></nav>
<h1>A  <em>big</em> day</h1><script>var x</script>
<p>First line<br>second line</p><div>Tail</div></body></html>`
	got, err := flattenHTML([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	want := "Home News\nA big day\nFirst line\nsecond line\nTail\n"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestFlattenPages writes the flattened saved pages to -flatdir.
func TestFlattenPages(t *testing.T) {
	shared := findShared()
	if *flatDir == "" || shared == "" {
		t.Skip("no -flatdir, or no shared folder")
	}
	headlines := map[string]pageLabel{}
	for _, l := range readPageLabels(t) {
		headlines[l.File] = l
	}
	paths, _ := filepath.Glob(filepath.Join(shared, "corpus", "html", "pages", "*.html"))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text, err := flattenHTML(data)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		part := "dev"
		if heldOut(p) {
			part = "held"
		}
		name := filepath.Join(*flatDir, part, strings.TrimSuffix(filepath.Base(p), ".html")+".txt")
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		l, ok := headlines[filepath.Base(p)]
		if !ok {
			continue
		}
		first := pageText(text, l, true)
		if err := os.WriteFile(strings.TrimSuffix(name, ".txt")+".h1.txt", []byte(first), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
