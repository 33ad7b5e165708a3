package render

import (
	"html/template"
	"strings"
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

func TestSlug(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Sergei Shoigu", "sergei-shoigu"},
		{"Jens Stoltenberg (NATO)", "jens-stoltenberg-nato"},
		{"Шойгу", "шойгу"},
		{"Сергей  Шойгу", "сергей-шойгу"},
		{"سيرغي لافروف", "سيرغي-لافروف"},
		{"יאיר לפיד", "יאיר-לפיד"},
		{"नरेन्द्र मोदी", "नरेन्द्र-मोदी"},
		{"«Шойгу»\u200f", "шойгу"},
		{"…", "n-"},
	}
	for _, tt := range tests {
		got := Slug(tt.name)
		if got != tt.want && !(tt.want == "n-" && strings.HasPrefix(got, "n-")) {
			t.Errorf("Slug(%q) = %q, want %q", tt.name, got, tt.want)
		}
		if !ValidOutputPath("people/" + got + "/index.html") {
			t.Errorf("Slug(%q) = %q makes no valid output path", tt.name, got)
		}
	}
	if long := Slug(strings.Repeat("ш", 200)); len([]rune(long)) != slugRunes {
		t.Errorf("a long name's slug has %d runes, want %d", len([]rune(long)), slugRunes)
	}
}
