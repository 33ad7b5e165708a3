package extract

import (
	"strings"
	"testing"
)

// TestGluedReadMore checks that a link to another story glued into a
// long paragraph ("…troops falterRead more Earlier…") is dropped and the
// text around it kept.
func TestGluedReadMore(t *testing.T) {
	before := strings.Repeat("The president spoke about the war for a long time in the old square. ", 6)
	teaser := "Leader offers support to allies as troops falterRead more"
	after := " Earlier in the speech, the president said the world must prepare for a long fight ahead."
	in := "Speech in the square\n\n" + before + teaser + after + strings.Repeat(" He said more.", 20) + "\n"
	a := Extract("x.txt", []byte(in), Options{})
	var kept []string
	for _, b := range a.Blocks {
		kept = append(kept, b.Text)
	}
	text := strings.Join(kept, " ")
	if strings.Contains(text, "falterRead more") {
		t.Errorf("teaser kept: %q", text)
	}
	if !strings.Contains(text, strings.TrimSpace(after)) {
		t.Errorf("text after the teaser lost: %q", text)
	}
}

// TestGluedLabel checks that a label glued between a date marker and the
// lede is dropped, and that glued names are not taken for labels.
func TestGluedLabel(t *testing.T) {
	tests := []struct {
		name, lede, wantFirst string
	}{
		{"live-blog label", "24 Feb 2022 23.44Today in US PoliticsThat is it from us today in the capital, officials said.", "That is it from us today"},
		{"name, not a label", "24 Feb 2022 23.44 Officials at McDonald said on Thursday that the talks would go on.", "Officials at McDonald said"},
		{"one word", "24 Feb 2022 23.44 iPhone sales fell on Thursday in the capital, officials said today.", "iPhone sales fell"},
	}
	for _, tt := range tests {
		a := Extract("x.txt", []byte("Talks held in the capital\n\n"+tt.lede+"\n"), Options{})
		if len(a.Blocks) == 0 || !strings.HasPrefix(a.Blocks[0].Text, tt.wantFirst) {
			t.Errorf("%s: blocks %+v, want the first to start %q", tt.name, a.Blocks, tt.wantFirst)
		}
	}
}
