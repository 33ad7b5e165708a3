package render

import (
	"html/template"
	"testing"
)

// TestAppendEscapedHTML checks appendEscapedHTML against escapeHTML,
// whole and in parts.
func TestAppendEscapedHTML(t *testing.T) {
	for _, s := range trickyStrings {
		want := template.HTMLEscapeString(s)
		if got := string(appendEscapedHTML(nil, s)); got != want {
			t.Errorf("appendEscapedHTML(%q) = %q, want %q", s, got, want)
		}
		if got := string(appendEscapedHTML(appendEscapedHTML(nil, s[:len(s)/2]), s[len(s)/2:])); got != want {
			t.Errorf("appendEscapedHTML in parts(%q) = %q, want %q", s, got, want)
		}
	}
}

// FuzzEscapedHTML checks appendEscapedHTML against
// template.HTMLEscapeString for arbitrary strings.
func FuzzEscapedHTML(f *testing.F) {
	for _, s := range trickyStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendEscapedHTML(nil, s)), template.HTMLEscapeString(s); got != want {
			t.Errorf("appendEscapedHTML(%q) = %q, want %q", s, got, want)
		}
	})
}
