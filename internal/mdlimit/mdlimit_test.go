package mdlimit

import (
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	table := func(cols, rows int) string {
		return "|" + strings.Repeat("a|", cols) + "\n|" + strings.Repeat("-|", cols) + "\n" + strings.Repeat("|x|\n", rows)
	}
	tests := []struct {
		name, src string
		want      string // the problem's Error(), or "" for none
	}{
		{"prose", strings.Repeat("Austin *spoke* with [Shoigu](https://x.org/a_b) for an hour.\n\n", 2000), ""},
		{"nested list", "- a\n  - b\n    - c\n      > quoted\n", ""},
		{"small table", table(8, 200), ""},
		{"too big", strings.Repeat("x", MaxSource+1), "line 1:1: Markdown of 1048577 bytes (want at most 1048576; split the article)"},
		{"quotes deep", "ok\n" + strings.Repeat(">", 40) + " x\n", "line 2:42: lists, quotes or indentation 40 levels deep (want at most 32)"},
		{"lists deep", strings.Repeat("- ", 33) + "x", "line 1:67: lists, quotes or indentation 33 levels deep (want at most 32)"},
		{"indented deep", strings.Repeat(" ", 70) + "- x", "line 1:73: lists, quotes or indentation 36 levels deep (want at most 32)"},
		{"ordered deep", strings.Repeat("1. ", 40), "line 1:121: lists, quotes or indentation 40 levels deep (want at most 32)"},
		{"table bomb", table(2000, 100), "line 51:1: tables of more than 100000 cells, rows times columns (want smaller tables)"},
		{"tables apart", table(100, 400) + "\n" + table(100, 400), ""},
		{"brackets", "a\n" + strings.Repeat("[", 40), "line 2:33: more than 32 brackets open at once (want at most 32)"},
		{"escaped brackets", strings.Repeat(`\[`, 400), ""},
		{"emphasis", strings.Repeat("*a_ ", 300), "line 1:1001: more than 500 emphasis marks and links in one paragraph (want at most 500; break it with blank lines)"},
		{"emphasis apart", strings.Repeat(strings.Repeat("*a* ", 200)+"\n\n", 10), ""},
		{"links", strings.Repeat("[a](", 600), "line 1:2003: more than 500 emphasis marks and links in one paragraph (want at most 500; break it with blank lines)"},
		{"references", "[a]: https://example.org/" + strings.Repeat("x", 2000) + "\n\n" + strings.Repeat("[a] ", 9000), "line 1:1: 9001 brackets could each repeat this 2025-byte link reference, more than 16777216 bytes of HTML (want fewer or shorter references)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			if p := Check(tt.src); p != nil {
				got = p.Error()
			}
			if got != tt.want {
				t.Errorf("Check:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// FuzzCheck checks that Check never panics and reports only positions
// inside the source.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{"", "- [a](b)\n", "|a|\n|-|\n|b|\n", "> > *x*", "\\", "[a]: b\n[a]", "1.\t2) x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		p := Check(src)
		if p == nil {
			return
		}
		if lines := strings.Count(src, "\n") + 1; p.Line < 1 || p.Line > lines || p.Col < 1 {
			t.Errorf("problem at %d:%d outside the source's %d lines", p.Line, p.Col, lines)
		}
	})
}
