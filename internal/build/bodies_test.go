package build

import (
	"reflect"
	"testing"

	"github.com/newsroom/timeline/internal/extract"
)

func TestBodyIndexRebuildsTheBody(t *testing.T) {
	data := []byte("A headline for the test\n\nWASHINGTON: The minister spoke on Friday, officials said.\n\nA second paragraph follows here, with more words in it.\n")
	a := extract.Extract("articles/a.txt", data, extract.Options{})
	if len(a.Blocks) == 0 {
		t.Fatal("extraction found no body")
	}
	idx := newBodyIndex()
	d := idx.digest(a, data)
	if d.Blocks != nil || d.Captions != nil || d.Title != a.Title {
		t.Fatalf("digest kept the body or lost the title: %+v", d)
	}
	blocks, captions, ok := idx.body("articles/a.txt", data)
	if !ok || !reflect.DeepEqual(blocks, a.Blocks) || len(captions) != len(a.Captions) {
		t.Errorf("body() = %v, %v, %v; want the extracted blocks %v", blocks, captions, ok, a.Blocks)
	}
	if _, _, ok := idx.body("articles/a.txt", data[:10]); ok {
		t.Error("body() fitted spans to a shorter file")
	}
	if _, _, ok := idx.body("articles/other.txt", data); ok {
		t.Error("body() found spans of an unknown article")
	}
}
