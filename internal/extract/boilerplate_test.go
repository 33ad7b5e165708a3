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
