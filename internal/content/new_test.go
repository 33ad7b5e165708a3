package content

import (
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/diag"
	"github.com/newsroom/timeline/internal/timeline"
	"github.com/spf13/afero"
)

func TestNewEntry(t *testing.T) {
	fsys := afero.NewMemMapFs()
	afero.WriteFile(fsys, "content/site.yaml", []byte("title: T\n"), 0o644)
	afero.WriteFile(fsys, "content/entries/old.yaml", []byte("id: 2022-02-24-russia-invades\ndate: 2022-02-24\ntitle: Old\n"), 0o644)
	date := timeline.DayOf(2022, 2, 24)
	tests := []struct {
		title, kind string
		want        string
	}{
		{"Russia invades!", "military", "content/entries/2022-02-24-russia-invades-2.yaml"},
		{"Russia invades", "", "content/entries/2022-02-24-russia-invades-3.yaml"},
		{`Austin: "a call" # not a comment`, "call", "content/entries/2022-02-24-austin-a-call-not-a-comment.yaml"},
	}
	for _, tt := range tests {
		got, err := NewEntry(fsys, "content", date, tt.kind, tt.title)
		if err != nil {
			t.Fatalf("NewEntry(%q): %v", tt.title, err)
		}
		if got != tt.want {
			t.Errorf("NewEntry(%q) wrote %s, want %s", tt.title, got, tt.want)
		}
	}
	c, diags := Load(fsys, "content")
	if len(diags) > 0 {
		t.Fatalf("new entries do not load cleanly:\n%v", diags)
	}
	if got := c.Entries[0].Title; got != `Austin: "a call" # not a comment` {
		t.Errorf("title read back as %q", got)
	}
	for _, e := range c.Entries[:3] {
		if e.Date != date || e.Kind == "" {
			t.Errorf("new entry %s: date %s kind %q, want 2022-02-24 and a kind", e.ID, e.Date, e.Kind)
		}
	}
}

func TestNewEntryErrors(t *testing.T) {
	fsys := afero.NewMemMapFs()
	date := timeline.DayOf(2022, 2, 24)
	tests := []struct{ title, kind, want string }{
		{" ", "call", "title: missing (want the new entry's headline)"},
		{"A", "cal", `kind "cal": unknown kind (want one of call, meeting, statement, military, diplomacy, sanctions, other)`},
	}
	for _, tt := range tests {
		_, err := NewEntry(fsys, "content", date, tt.kind, tt.title)
		if err == nil || err.Error() != tt.want {
			t.Errorf("NewEntry(%q, %q) error = %v, want %s", tt.title, tt.kind, err, tt.want)
		}
	}
}

// TestNewEntryFileFields checks that the file names every entry field, so
// the template cannot fall behind the decoder.
func TestNewEntryFileFields(t *testing.T) {
	data, err := NewEntryFile("x", timeline.MonthOf(2022, 2), "call", "X")
	if err != nil {
		t.Fatal(err)
	}
	var diags diag.List
	handlers := entryFields(&decoder{diags: &diags}, &timeline.Entry{}, nil, Fields{})
	for field := range handlers {
		if !strings.Contains(string(data), " "+field+":") {
			t.Errorf("new entry file lacks %s:", field)
		}
	}
}
