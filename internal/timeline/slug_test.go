package timeline

import (
	"strings"
	"testing"
)

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"000_3201d6fd6d16fde3", "000-3201d6fd6d16fde3"},
		{"Austin and Shoigu Speak!", "austin-and-shoigu-speak"},
		{"--a__b--", "a-b"},
		{"Zelenskyy’s visit", "zelenskyy-s-visit"},
		{"\u212Aelvin", "kelvin"},
		{"İstanbul", "istanbul"},
		{"Ünter \xff den", "nter-den"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Slugify(tt.in); got != tt.want {
			t.Errorf("Slugify(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzSlugify checks Slugify against its definition: lowercase s, keep
// ASCII letters and digits, and put one dash for every run of anything
// else between two of them.
func FuzzSlugify(f *testing.F) {
	for _, s := range []string{"000_3201d6fd6d16fde3", "Austin and Shoigu", "\u212Aelvin", "İ\xffx", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var b strings.Builder
		dash := false
		for _, r := range strings.ToLower(s) {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
				if dash && b.Len() > 0 {
					b.WriteByte('-')
				}
				b.WriteRune(r)
				dash = false
			} else {
				dash = true
			}
		}
		if got, want := Slugify(s), b.String(); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", s, got, want)
		}
	})
}
