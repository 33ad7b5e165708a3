package webpage

import (
	"strings"
	"testing"
)

func TestBareAddress(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"pic.example.com/U7PMa4oNGN", true},
		{"https://t.co/abc", true},
		{" www.example.org ", true},
		{"bit.ly/3xYz", true},
		{"Reuters.com", false},
		{"1.5/2", false},
		{"and/or", false},
		{"the full report", false},
		{"example.com/ report", false},
	} {
		if got := bareAddress(tc.text); got != tc.want {
			t.Errorf("bareAddress(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestBodyRules reads small pages and checks what their text keeps and
// leaves out.
func TestBodyRules(t *testing.T) {
	prose := "<p>" + strings.Repeat("The story goes on with a sentence of plain reporting. ", 3) + "</p>"
	for _, tc := range []struct {
		name, body    string
		want, notWant string
	}{
		{"a link shown as its address",
			"<h1>Story</h1><article>" + prose + `<blockquote><p>The line bends across both eyes. <a href="https://t.co/x">pic.example.com/x7Hq</a></p></blockquote>` + prose + "</article>",
			"The line bends across both eyes.\n", "pic.example.com"},
		{"a heading ending the text",
			"<h1>Story</h1><article>" + prose + "<h2>The talks</h2>" + prose + "<h4>More on this:</h4><ul><li><a href=/a>Another story entirely</a></li></ul></article>",
			"The talks\n", "More on this"},
		{"a lede beside one paragraph of lines",
			"<h2>Story</h2><div><p><strong>Wire</strong> – The council met on Tuesday to approve the new ferry link to the island, officials said.</p><p>" +
				strings.Repeat("The story goes on with a sentence of plain reporting, and then with another one.<br>", 12) + "</p></div><div><p>" +
				strings.Repeat("An older story in another part of the page entirely. ", 3) + "</p></div>",
			"Wire – The council met on Tuesday", "An older story"},
		{"a membership prompt", "<h1>Story</h1><article>" + prose + prose + "<p>Join now or renew to get:</p></article>", "", "Join now"},
		{"an e-paper prompt", "<h1>Story</h1><article>" + prose + prose + "<p>Read our ePaper. Fast. Factual. Free.</p></article>", "", "ePaper"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Read([]byte(page("<title>Story</title>", tc.body)), nil)
			if err != nil {
				t.Fatal(err)
			}
			var text strings.Builder
			for _, b := range p.Blocks {
				text.WriteString(b.Text + "\n")
			}
			if !strings.Contains(text.String(), tc.want) {
				t.Errorf("text lacks %q:\n%s", tc.want, text.String())
			}
			if strings.Contains(text.String(), tc.notWant) {
				t.Errorf("text holds %q:\n%s", tc.notWant, text.String())
			}
		})
	}
}
