package build

import (
	"reflect"
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/extract"
	"github.com/newsroom/timeline/internal/timeline"
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

func TestSpansRoundTrip(t *testing.T) {
	text := "Headline\n\nFirst paragraph.\n\nA photo caption.\n\nSub-heading\n\nLast paragraph."
	block := func(kind timeline.BlockKind, s string) timeline.Block {
		return timeline.Block{Kind: kind, Text: s, Offset: strings.Index(text, s)}
	}
	tests := []struct {
		name     string
		blocks   []timeline.Block
		captions []string
	}{
		{"empty", nil, nil},
		{"blocks", []timeline.Block{block(timeline.Paragraph, "First paragraph."), block(timeline.Heading, "Sub-heading"), block(timeline.Paragraph, "Last paragraph.")}, nil},
		{"blocks out of order", []timeline.Block{block(timeline.Paragraph, "Last paragraph."), block(timeline.Paragraph, "First paragraph.")}, nil},
		{"caption in the text", []timeline.Block{block(timeline.Paragraph, "First paragraph.")}, []string{"A photo caption."}},
		{"caption not in the text", nil, []string{"A caption rewritten", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans := encodeSpans(tt.blocks, tt.captions, []byte(text))
			if spans == nil {
				t.Fatal("encodeSpans refused spans of the text")
			}
			blocks, captions, ok := decodeSpans(spans, text)
			if !ok || len(blocks) != len(tt.blocks) || (len(blocks) > 0 && !reflect.DeepEqual(blocks, tt.blocks)) || !reflect.DeepEqual(captions, tt.captions) {
				t.Errorf("decodeSpans = %v, %q, %v; want %v, %q", blocks, captions, ok, tt.blocks, tt.captions)
			}
			for n := range spans {
				if _, _, ok := decodeSpans(spans[:n], text); ok {
					t.Errorf("decodeSpans accepted the first %d of %d bytes", n, len(spans))
				}
			}
		})
	}
	if spans := encodeSpans([]timeline.Block{{Text: "not there", Offset: 3}}, nil, []byte(text)); spans != nil {
		t.Errorf("encodeSpans = %v for a block that is not a span of the text; want nil", spans)
	}
}

func FuzzDecodeSpans(f *testing.F) {
	text := "Headline\n\nFirst paragraph.\n\nA caption."
	f.Add(encodeSpans([]timeline.Block{{Text: "First paragraph.", Offset: 10}}, []string{"A caption.", "elsewhere"}, []byte(text)))
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Fuzz(func(t *testing.T, spans []byte) {
		blocks, captions, ok := decodeSpans(spans, text)
		if !ok {
			return
		}
		for _, b := range blocks {
			if text[b.Offset:b.Offset+len(b.Text)] != b.Text {
				t.Errorf("block %+v is not a span of the text", b)
			}
		}
		if again, _, _ := decodeSpans(encodeSpans(blocks, captions, []byte(text)), text); len(again) != len(blocks) {
			t.Errorf("blocks %v do not survive encoding again", blocks)
		}
	})
}
