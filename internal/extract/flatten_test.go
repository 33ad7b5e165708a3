package extract

import (
	"flag"
	"hash/fnv"
	"os"
	"path/filepath"
	"strings"
	"testing"
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

// flattenHTML returns the visible text of a saved page (visibleText).
func flattenHTML(data []byte) (string, error) {
	return visibleText(data)
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
		first, _ := flatPageText(text, data, l, headlineFirst)
		if err := os.WriteFile(strings.TrimSuffix(name, ".txt")+".h1.txt", []byte(first), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
