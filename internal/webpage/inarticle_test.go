package webpage

import (
	"strings"
	"testing"
)

func TestObfuscated(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Аdvеrtіѕе wіth us tоdаy and rеасh thоuѕаndѕ of readers", true}, // Cyrillic а, е, і, ѕ, о
		{"The council met on Monday to approve the new ferry link.", false},
		{"Президент встретился с CEO компании Apple в Москве.", false},
		{"Ο υπουργός μίλησε για το iPhone και το Android.", false},
		{"Plain text with one odd wоrd among many other ordinary words here", false},
	} {
		if got := obfuscated(tc.text); got != tc.want {
			t.Errorf("obfuscated(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestClosingBio(t *testing.T) {
	prose := "<p>" + strings.Repeat("The story goes on with a sentence of plain reporting. ", 3) + "</p>"
	for _, tc := range []struct {
		name, last string
		kept       bool
	}{
		{"bio in emphasis", `<p><em>Jane Roe is the founder of a consultancy that helps brands tell their stories.</em></p>`, false},
		{"bio in italics, was", `<p><i>John Q. Public was a reporter at the paper for ten years.</i></p>`, false},
		{"bio not in emphasis", `<p>Jane Roe is the founder of a consultancy that helps brands tell their stories.</p>`, true},
		{"emphasised quote", `<p><em>We will build the bridge next year, the mayor said on Monday.</em></p>`, true},
		{"partly emphasised", `<p><em>Jane Roe</em> is the founder of a consultancy that helps brands tell stories.</p>`, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Read([]byte(page("<title>Story</title>", "<h1>Story</h1><article>"+prose+prose+prose+tc.last+"</article>")), nil)
			if err != nil {
				t.Fatal(err)
			}
			last := p.Blocks[len(p.Blocks)-1].Text
			if kept := !strings.HasPrefix(last, "The story"); kept != tc.kept {
				t.Errorf("last block %q: kept %v, want %v", last, kept, tc.kept)
			}
		})
	}
}
