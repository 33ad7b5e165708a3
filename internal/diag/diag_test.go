package diag

import "testing"

func TestListSortAndErr(t *testing.T) {
	var l List
	l.Add("content/b.yaml", 3, 1, "third")
	l.Warn("content/a.yaml", 9, 2, "a warning")
	l.Add("content/a.yaml", 12, 9, "date %q: bad", "2022-02-30")
	l.Add("content/a.yaml", 2, 0, "line only")
	l.Add("content/a.yaml", 0, 0, "file only")

	err := l.Err()
	if err == nil {
		t.Fatal("Err() = nil with errors in the list")
	}
	want := "content/a.yaml: file only\n" +
		"content/a.yaml:2: line only\n" +
		`content/a.yaml:12:9: date "2022-02-30": bad` + "\n" +
		"content/b.yaml:3:1: third"
	if got := err.Error(); got != want {
		t.Errorf("Err():\n got %s\nwant %s", got, want)
	}
	if got, want := l.Warnings().Error(), "content/a.yaml:9:2: warning: a warning"; got != want {
		t.Errorf("Warnings() = %q, want %q", got, want)
	}
}

func TestErrNilWithOnlyWarnings(t *testing.T) {
	var l List
	l.Warn("x.yaml", 1, 1, "just a warning")
	if err := l.Err(); err != nil {
		t.Errorf("Err() = %v, want nil", err)
	}
}

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain café — ok", "plain café — ok"},
		{"\x1b[2J\x1b]0;owned\x07", `\x1b[2J\x1b]0;owned\x07`},
		{"a\nb\tc\rd", `a\x0ab\x09c\x0dd`},
		{"del\x7f c1\u009b", `del\x7f c1\u009b`},
		{"bidi \u202egnp.exe\u2066", `bidi \u202egnp.exe\u2066`},
		{"bad \xff\xfe byte", `bad \xff\xfe byte`},
		{`back\slash`, `back\slash`},
	}
	for _, tt := range tests {
		if got := Escape(tt.in); got != tt.want {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDiagnosticEscapesPathAndMessage(t *testing.T) {
	var l List
	l.Add("content/entries/\x1b[31mred.yaml", 2, 3, "title %s: bad\nsecond line", "\x1b]0;x\x07")
	l.Warn("content/\u009b.md", 0, 0, "warn \x1b")
	want := "content/entries/\\x1b[31mred.yaml:2:3: title \\x1b]0;x\\x07: bad\\x0asecond line\n" +
		"content/\\u009b.md: warning: warn \\x1b"
	if got := l.Error(); got != want {
		t.Errorf("Error():\n got %q\nwant %q", got, want)
	}
	if got, want := EscapeLines("a\x1b\nb"), "a\\x1b\nb"; got != want {
		t.Errorf("EscapeLines = %q, want %q", got, want)
	}
}

func TestListEqual(t *testing.T) {
	a := List{{Path: "a.yaml", Line: 1, Col: 2, Message: "m"}}
	tests := []struct {
		name string
		b    List
		want bool
	}{
		{"an equal list in another array", List{{Path: "a.yaml", Line: 1, Col: 2, Message: "m"}}, true},
		{"another message", List{{Path: "a.yaml", Line: 1, Col: 2, Message: "n"}}, false},
		{"another length", append(List{}, append(a, a[0])...), false},
		{"empty", nil, false},
	}
	for _, tt := range tests {
		if got := a.Equal(tt.b); got != tt.want {
			t.Errorf("%s: Equal = %v, want %v", tt.name, got, tt.want)
		}
	}
}
