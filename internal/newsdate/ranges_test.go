package newsdate

import "testing"

// TestClosesRange tells the text before a date that makes it a span's
// last day from the text before a day alone.
func TestClosesRange(t *testing.T) {
	for before, want := range map[string]bool{
		"20–":                   true,
		"Saturday 20 – Sunday ": false, // the weekday before the last day is read with it
		"Debate, Tuesday - ":    false, // a weekday and its date
		"Saturday 20 – ":        true,
		"3 to ":                 true,
		"Hearing: 3 and ":       true,
		"3 & ":                  true,
		"Tuesday and ":          false, // "Tuesday and 4 March": not two days
		"Published: ":           false,
		"Monday, ":              false,
		"":                      false,
		"40 and ":               false,
		"of 1 to ":              true,
	} {
		if got := ClosesRange(before); got != want {
			t.Errorf("ClosesRange(%q) = %v, want %v", before, got, want)
		}
	}
}
