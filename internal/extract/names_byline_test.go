package extract

import "testing"

func TestNamesByline(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"By Jane Roe and John Doe | The Daily Post", true},
		{"By Jane Roe, John Doe and Ann Lee / Metro Wire", true},
		{"By Tuesday, the river had burst its banks.", false},
		{"By then most of the crowd had left", false},
		{"By Jane", false},
	} {
		if got := isNamesByline(factsOf(c.in)); got != c.want {
			t.Errorf("isNamesByline(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}
