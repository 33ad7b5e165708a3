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
