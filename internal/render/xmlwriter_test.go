package render

import (
	"bytes"
	"encoding/xml"
	"testing"
)

// wantXMLText is s escaped by encoding/xml.
func wantXMLText(t *testing.T, s string) string {
	var b bytes.Buffer
	if err := xml.EscapeText(&b, []byte(s)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestAppendXMLText checks that appendXMLText escapes as encoding/xml
// does.
func TestAppendXMLText(t *testing.T) {
	for _, s := range trickyStrings {
		if got, want := string(appendXMLText(nil, s)), wantXMLText(t, s); got != want {
			t.Errorf("appendXMLText(%q) = %q, want %q", s, got, want)
		}
	}
}

// FuzzXMLText checks appendXMLText against xml.EscapeText for arbitrary
// strings.
func FuzzXMLText(f *testing.F) {
	for _, s := range trickyStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendXMLText(nil, s)), wantXMLText(t, s); got != want {
			t.Errorf("appendXMLText(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestXMLWriterLayout checks that xmlWriter lays out nested elements,
// attributes and empty elements as xml.MarshalIndent does.
func TestXMLWriterLayout(t *testing.T) {
	type leaf struct {
		Attr string `xml:"a,attr"`
		Text string `xml:",chardata"`
	}
	type inner struct {
		Leaf  leaf     `xml:"leaf"`
		Names []string `xml:"name"`
	}
	type root struct {
		XMLName xml.Name `xml:"urn:x root"`
		Title   string   `xml:"title"`
		Inner   []inner  `xml:"inner"`
		Empty   leaf     `xml:"empty"`
	}
	v := root{Title: "<t>", Inner: []inner{{Leaf: leaf{Attr: "\"q\"", Text: "x&y"}, Names: []string{"a", ""}}, {}}}
	w := newXMLWriter(0)
	w.start("root", "xmlns", "urn:x")
	w.element("title", v.Title)
	for _, in := range v.Inner {
		w.start("inner")
		w.element("leaf", in.Leaf.Text, "a", in.Leaf.Attr)
		for _, n := range in.Names {
			w.element("name", n)
		}
		w.end("inner")
	}
	w.element("empty", "", "a", "")
	w.end("root")
	got := w.bytes()
	data, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if want := append(append([]byte(xml.Header), data...), '\n'); !bytes.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
