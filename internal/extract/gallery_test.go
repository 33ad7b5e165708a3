package extract

import "testing"

func TestGalleryCounter(t *testing.T) {
	for _, c := range []struct {
		in        string
		named, ok bool
	}{
		{"Photo 1 of 12 — Mourners queue by the river, 16 September 2022. (Pool)", true, true},
		{"Image 2/4: Firefighters rest by a road, 15 July 2022.", true, true},
		{"Slide 3 of 5. Crowds gather in the square.", true, true},
		{"1/6 Families wade through floodwater in a district.", false, true},
		{"3 of 12 Crowds gather in the square.", false, true},
		{"9/11 families sue the kingdom over the attacks", false, true},
		{"24/7 coverage of the storm continues", false, false},
		{"Photo 13 of 12 — A caption", false, false},
		{"Photo 1 of 12", false, false},
		{"The council met on Tuesday.", false, false},
		{"0/5 stars from the critics", false, false},
	} {
		named, ok := galleryCounter(c.in)
		if named != c.named || ok != c.ok {
			t.Errorf("galleryCounter(%q) = %v, %v; want %v, %v", c.in, named, ok, c.named, c.ok)
		}
	}
}

func TestGalleryLabel(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"Gallery: 12 photos", true},
		{"More photos ›", true},
		{"View all 8 images »", true},
		{"Photos", false},
		{"The pictures that moved a nation", false},
		{"Police released 12 photos of the suspects on Monday.", false},
	} {
		if got := isGalleryLabel(factsOf(c.in)); got != c.want {
			t.Errorf("isGalleryLabel(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

// TestBareCounterNeedsARun checks that a bare "9/11 …" opening a lede is
// not a caption, while a run of bare counters is.
func TestBareCounterNeedsARun(t *testing.T) {
	lone := "Families of the dead sue\n\n9/11 families sue the kingdom over the attacks, saying officials knew of the plot on Monday.\n"
	a := Extract("lone.txt", []byte(lone), Options{})
	if len(a.Captions) != 0 {
		t.Errorf("lone bare counter filed as caption: %q", a.Captions)
	}
}

func TestReaderAddress(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"hello from dubai, where the lights in the halls have finally gone out.", true},
		{"here's your round-up of the stories that matter today, from the news desk.", true},
		{"here is your chance to see the comet, astronomers said on monday.", false},
		{"in today's edition: monkeypox, a new covid subvariant and a heat warning.", true},
		{"welcome to the weekly briefing.", true},
		{"hello kitty maker sanrio named a new chief on monday.", false},
		{"hiroshima marked the anniversary on saturday.", false},
		{"the world health organization declared an emergency on saturday.", false},
		{"in today's vote, the senate passed the bill.", false},
		{"today's briefing: the deal and its loopholes.", true},
		{"today's ruling ends a decade of litigation.", false},
	} {
		if got := isReaderAddress(c.in); got != c.want {
			t.Errorf("isReaderAddress(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}
