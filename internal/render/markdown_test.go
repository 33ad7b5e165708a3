package render

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/mdlimit"
)

func TestMarkdownSafety(t *testing.T) {
	tests := []struct{ in, want, notWant string }{
		{"[a](https://x.org/)", `<a href="https://x.org/">a</a>`, ""},
		{"[a](javascript:alert(1))", "<p>a</p>", "javascript"},
		{"[a](JAVASCRIPT:alert(1))", "<p>a</p>", "JAVASCRIPT"},
		{"[a](data:text/html,x)", "<p>a</p>", "data:"},
		{"<script>alert(1)</script>", "", "<script"},
		{"a <b onclick=x>b</b>", "", "onclick"},
		{"![img](https://x.org/i.png)", `<a href="https://x.org/i.png">img</a>`, "<img"},
		{"<javascript:alert(1)>", "", "href"},
	}
	for _, tt := range tests {
		got, err := Markdown(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(got), tt.want) || (tt.notWant != "" && strings.Contains(string(got), tt.notWant)) {
			t.Errorf("Markdown(%q) = %q, want %q and no %q", tt.in, got, tt.want, tt.notWant)
		}
	}
}

// FuzzMarkdown checks that no input makes editors' Markdown emit raw
// HTML, a script, or a link that is not http(s) or relative.
func FuzzMarkdown(f *testing.F) {
	for _, seed := range []string{"[a](javascript:x)", "<script>x</script>", "![i](data:x)", "<http://x.org>", "[a](//evil.org)", "**b** _i_ `c`",
		"[a](&#106;avascript:x)", "[a](java\tscript:x)", "[a](%6Aavascript:x)", "<JaVaScRiPt:x>", "[a](<javascript:x>)",
		"|a|b|\n|-|-|\n|c|\n", "> > > - - 1. x", "[[[[a]]]]", "[r]: https://x.org/\n[r][r][r]", "*a_ *a_ *a_"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 64<<10 {
			return // the fuzzer's inputs are small; large ones are TestMarkdownLimits's
		}
		out, err := Markdown(src)
		if err != nil {
			return
		}
		if len(out) > mdlimit.MaxRendered {
			t.Fatalf("Markdown(%q) rendered %d bytes, over the cap", src, len(out))
		}
		html := strings.ToLower(string(out))
		if strings.Contains(html, "<script") || strings.Contains(html, "<img") || strings.Contains(html, "<iframe") {
			t.Fatalf("Markdown(%q) emitted raw HTML: %s", src, out)
		}
		for _, part := range strings.Split(html, `href="`)[1:] {
			dest := part[:strings.IndexByte(part, '"')]
			if !AllowedURL(htmlUnescape(dest)) {
				t.Fatalf("Markdown(%q) emitted link %q", src, dest)
			}
		}
	})
}

func htmlUnescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&quot;", `"`, "&#39;", "'", "&lt;", "<", "&gt;", ">").Replace(s)
}

// TestMarkdownBlank checks that blank Markdown, which Markdown answers
// without goldmark, renders as goldmark renders it: to nothing.
func TestMarkdownBlank(t *testing.T) {
	for _, src := range []string{"", " ", "\n\n", " \t\n"} {
		var buf bytes.Buffer
		if err := markdown.Convert([]byte(src), &buf); err != nil {
			t.Fatal(err)
		}
		got, err := Markdown(src)
		if err != nil || string(got) != buf.String() {
			t.Errorf("Markdown(%q) = %q, %v; goldmark gives %q", src, got, err, buf.String())
		}
	}
}

// TestMarkdownUnlinkedMatches checks that text Markdown renders without
// Linkify (mayLinkify false) renders as it would with it, and that text
// Linkify links is rendered with it.
func TestMarkdownUnlinkedMatches(t *testing.T) {
	tests := []struct {
		src      string
		mayLink  bool
		wantLink bool
	}{
		{src: "Talks (in Geneva) ended *without* a deal_ ~~today~~.", mayLink: false},
		{src: "| a | b |\n|---|---|\n| (x) | _y_ |", mayLink: false},
		{src: "See https://example.org/report for more.", mayLink: true, wantLink: true},
		{src: "See www.example.org (the report).", mayLink: true, wantLink: true},
		{src: "Write to press@example.org today.", mayLink: true},
		{src: "An ftp://example.org/file link.", mayLink: true},
		{src: "The word http alone.", mayLink: true},
	}
	for _, tt := range tests {
		if got := mayLinkify(tt.src); got != tt.mayLink {
			t.Errorf("mayLinkify(%q) = %v, want %v", tt.src, got, tt.mayLink)
		}
		got, err := Markdown(tt.src)
		if err != nil {
			t.Fatal(err)
		}
		var linked bytes.Buffer
		if err := markdown.Convert([]byte(tt.src), &linked); err != nil {
			t.Fatal(err)
		}
		if string(got) != linked.String() {
			t.Errorf("Markdown(%q) = %q, with Linkify always on %q", tt.src, got, linked.String())
		}
		if hasLink := strings.Contains(string(got), "<a href"); hasLink != tt.wantLink {
			t.Errorf("Markdown(%q) = %q: link %v, want %v", tt.src, got, hasLink, tt.wantLink)
		}
	}
}

// FuzzMarkdownUnlinked checks that skipping Linkify on text without a
// candidate for it never changes the output.
func FuzzMarkdownUnlinked(f *testing.F) {
	for _, seed := range []string{"a (b) *c* _d_ ~e~", "x\n\n- (y)\n- z", "a@b.c", "www.x.org", "http://x.org", "**(a)** _(b)_"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		var linked, unlinked bytes.Buffer
		errLinked := markdown.Convert([]byte(src), &linked)
		errUnlinked := markdownUnlinked.Convert([]byte(src), &unlinked)
		if mayLinkify(src) || errLinked != nil || errUnlinked != nil {
			return
		}
		if linked.String() != unlinked.String() {
			t.Fatalf("%q: without Linkify %q, with it %q", src, unlinked.String(), linked.String())
		}
	})
}

// TestMarkdownLimits checks that text past mdlimit's limits is refused
// with its line before goldmark sees it, and that the HTML written is
// capped whatever the text.
func TestMarkdownLimits(t *testing.T) {
	bomb := "|" + strings.Repeat("a|", 2000) + "\n|" + strings.Repeat("-|", 2000) + "\n" + strings.Repeat("|\n", 100_000)
	html, err := Markdown(bomb)
	var problem *mdlimit.Problem
	if !errors.As(err, &problem) || problem.Line != 51 || html != "" {
		t.Errorf("table bomb: got %d bytes, %v; want a problem at line 51", len(html), err)
	}
	out := cappedBuffer{limit: 10}
	for _, s := range []string{"<p>", "1234567", "8"} {
		if n, err := out.Write([]byte(s)); n != len(s) || err != nil {
			t.Fatalf("Write(%q) = %d, %v", s, n, err)
		}
	}
	if got := out.buf.String(); got != "<p>1234567" || !out.over {
		t.Errorf("capped buffer holds %q, over %v; want the first 10 bytes, over", got, out.over)
	}
}
