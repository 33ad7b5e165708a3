package extract

import (
	"testing"

	"github.com/newsroom/timeline/internal/newsdate"
)

func TestInAside(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"Guterres, who arrived in Islamabad on Friday, flew over Sindh on Saturday.", true},
		{"The minister, whose visit began on Monday, met the mayor.", true},
		{"The council, which met on Tuesday, approved the plan.", true},
		{"The council met on Tuesday, which surprised many.", false},
		{"Those who voted on Tuesday were counted.", false},
		{"The mayor, who resigned, said on Monday that she would leave.", false},
		{"The report, which was published on Monday.", false},
	} {
		ms := newsdate.Scan(c.in)
		if len(ms) == 0 {
			t.Fatalf("no date in %q", c.in)
		}
		if got := inAside(c.in, ms[0]); got != c.want {
			t.Errorf("inAside(%q, %q) = %v, want %v", c.in, c.in[ms[0].Start:ms[0].End], got, c.want)
		}
	}
}
