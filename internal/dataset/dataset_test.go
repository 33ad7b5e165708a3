package dataset

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// scanned is what Scan hands on for one record: its place and bytes.
type scanned struct {
	Number, Line int
	Text, URL    string
}

func scanAll(t *testing.T, input string, format Format) ([]string, []scanned, error) {
	t.Helper()
	var out []scanned
	fields, err := Scan(strings.NewReader(input), format, &Mapping{}, func(r Record) error {
		out = append(out, scanned{r.Number, r.Line, input[r.Offset : r.Offset+r.Length], r.URL})
		return nil
	})
	return fields.Header, out, err
}

func TestScan(t *testing.T) {
	tests := []struct {
		name       string
		format     Format
		input      string
		wantHeader []string
		want       []scanned
	}{
		{"csv", CSV, "title,url,text\nA,http://x/a,one\n\"B, b\",\"http://x/b\",\"two\nlines \"\"quoted\"\"\"\n\nC,,three", []string{"title", "url", "text"}, []scanned{
			{1, 2, "A,http://x/a,one\n", "http://x/a"},
			{2, 3, "\"B, b\",\"http://x/b\",\"two\nlines \"\"quoted\"\"\"\n", "http://x/b"},
			{3, 6, "C,,three", ""},
		}},
		{"csv with CRLF", CSV, "Title,Link\r\nA,u\r\n", []string{"Title", "Link"}, []scanned{{1, 2, "A,u\r\n", "u"}}},
		{"tsv", TSV, "headline\tbody\nA\tone, two\n", []string{"headline", "body"}, []scanned{{1, 2, "A\tone, two\n", ""}}},
		{"jsonl", JSONLines, "{\"url\":\"u1\"}\n\n  \n{\"link\":\"u2\"}", nil, []scanned{
			{1, 1, "{\"url\":\"u1\"}\n", "u1"},
			{2, 4, "{\"link\":\"u2\"}", "u2"},
		}},
		{"json array", JSONArray, "[\n {\"url\": \"u1\"},\n\n {\"webUrl\": \"u2\"}\n]\n", nil, []scanned{
			{1, 2, "{\"url\": \"u1\"}", "u1"},
			{2, 4, "{\"webUrl\": \"u2\"}", "u2"},
		}},
		{"news API object", JSONArray, "{\"status\": \"ok\", \"meta\": {\"articles\": 1},\n\"Articles\": [{\"url\": \"u\"}], \"next\": null}", nil, []scanned{
			{1, 2, "{\"url\": \"u\"}", "u"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			header, got, err := scanAll(t, tt.input, tt.format)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(header, "|") != strings.Join(tt.wantHeader, "|") {
				t.Errorf("header %q, want %q", header, tt.wantHeader)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d records %+v, want %d", len(got), got, len(tt.want))
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("record %d: got %+v, want %+v", i+1, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestScanErrors(t *testing.T) {
	tests := []struct {
		name   string
		format Format
		input  string
		want   string
	}{
		{"unbalanced quote", CSV, "title,text\nA,\"never closed\nB,two\n", "2:3: quoted field never closed"},
		{"text after a closing quote", CSV, "title,text\nA,\"x\"y\n", "2:6: 'y' after a closing quote"},
		{"empty", CSV, "", "1:1: no header row"},
		{"too many columns", CSV, strings.Repeat(",", 1_000_000) + "\n", "1:10000: more than 10000 columns"},
		{"json syntax", JSONArray, "[\n {\"url\": \"u\"},\n {\"url\" \"v\"}\n]", "3:9: JSON syntax error"},
		{"json ends early", JSONArray, "[{\"url\": \"u\"}", "1:14: the file ends too soon"},
		{"json no array", JSONArray, "{\"status\": \"ok\"}", "1:1: no array of articles"},
		{"json scalar", JSONArray, "42", "1:3: 42 at the start"},
		{"json two values", JSONArray, "[] []", "1:3: more after the end"},
		{"binary junk", JSONArray, "\x00\x01\xff\xfe", "1:1: JSON syntax error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := scanAll(t, tt.input, tt.format)
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("got %v, want a SyntaxError %q", err, tt.want)
			}
			if !strings.HasPrefix(se.Error(), tt.want) {
				t.Errorf("got %q, want %q...", se.Error(), tt.want)
			}
		})
	}
}

func TestRead(t *testing.T) {
	csv := &Dataset{Format: CSV, Header: []string{"Heading", "Date Published", "Article URL", "Text", "Summary"}}
	json := &Dataset{Format: JSONLines}
	tests := []struct {
		name                                  string
		d                                     *Dataset
		raw                                   string
		wantText, wantTitle, wantURL, wantOut string
		wantDate, wantRule                    string
		wantErr                               string
	}{
		{"csv common names", csv, "Talks,2022-05-13T14:02:00Z,http://x/a,Body.,\n", "Body.", "Talks", "http://x/a", "", "2022-05-13", "publication: metadata Date Published", ""},
		{"csv summary before text", csv, "Talks,,http://x/a,Body.,Lede.\n", "Lede.\n\nBody.", "Talks", "http://x/a", "", "", "", ""},
		{"csv wrong field count", csv, "Talks,2022\n", "", "", "", "", "", "", "record 1: 2 fields (want 5"},
		{"json nested", json, `{"source": {"name": "Wire"}, "title": "T", "publishedAt": "2022-05-13", "content": "Body.", "authors": ["A", "B"]}`, "Body.", "T", "", "Wire", "2022-05-13", "publication: metadata publishedAt", ""},
		{"json no text", json, `{"title": "T"}`, "", "", "", "", "", "", "record 1: no text"},
		{"json bad date", json, `{"text": "x", "date": "soon"}`, "", "", "", "", "", "", `record 1: date "soon": not a date`},
		{"json not an object", json, `[1, 2]`, "", "", "", "", "", "", "record 1: not a JSON object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, meta, err := Read(tt.d, []byte(tt.raw), Record{Number: 1})
			if tt.wantErr != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.wantErr) {
					t.Fatalf("got error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(text) != tt.wantText || meta.Title != tt.wantTitle || meta.URL != tt.wantURL || meta.Outlet != tt.wantOut {
				t.Errorf("got %q %q %q %q", text, meta.Title, meta.URL, meta.Outlet)
			}
			if meta.Published.ISO() != tt.wantDate || meta.PublishedEvidence.Rule != tt.wantRule {
				t.Errorf("published %q by %q, want %q by %q", meta.Published.ISO(), meta.PublishedEvidence.Rule, tt.wantDate, tt.wantRule)
			}
		})
	}
}

func TestReadRefusesHugeText(t *testing.T) {
	d := &Dataset{Format: CSV, Header: []string{"text"}}
	_, _, err := Read(d, bytes.Repeat([]byte("a"), MaxText+1), Record{Number: 1})
	if err == nil || !strings.Contains(err.Error(), "want at most") {
		t.Fatalf("got %v, want the text refused", err)
	}
}

func TestUnmapped(t *testing.T) {
	mapping := &Mapping{Title: "Headline", Date: "pubdat", Text: "story.body", Author: "writer"}
	tests := []struct {
		name      string
		format    Format
		input     string
		want      string // the keys and names unmapped, "key=name" joined by spaces
		wantNames string
	}{
		{"csv header", CSV, "headline,pub_date,story.body\nA,2022,x\n", "date=pubdat author=writer", "headline pub_date story.body"},
		{"tsv header, names normalised", TSV, "HEADLINE\tPub Dat\tStory.Body\tWriter\n", "", "HEADLINE Pub Dat Story.Body Writer"},
		{"csv without records", CSV, "title,text\n", "title=Headline date=pubdat text=story.body author=writer", "title text"},
		{"jsonl missing from every record", JSONLines, `{"headline": "A", "story": {"body": "x"}, "pub_date": "2022"}` + "\n" + `{"headline": "B", "story": {"body": "y"}}`, "date=pubdat author=writer", "headline pub_date story.body"},
		{"jsonl missing from some records", JSONLines, `{"headline": "A", "story": {"body": "x"}, "pubdat": "2022"}` + "\n" + `{"headline": "B", "writer": "W", "story": {"body": "y"}}`, "", "headline pubdat story.body writer"},
		{"json array, a broken record", JSONArray, `[{"headline": "A", "story": {"body": "x"}}, [1], {"pubdat": "2022", "writer": ["W"]}]`, "", "headline story.body pubdat writer"},
		{"json array, no records", JSONArray, `{"articles": []}`, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fields, err := Scan(strings.NewReader(tt.input), tt.format, mapping, func(Record) error { return nil })
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, u := range fields.Unmapped(mapping) {
				got = append(got, u.Key+"="+u.Name)
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("unmapped %q, want %q", strings.Join(got, " "), tt.want)
			}
			if strings.Join(fields.Names, " ") != tt.wantNames {
				t.Errorf("names %q, want %q", strings.Join(fields.Names, " "), tt.wantNames)
			}
		})
	}
}

func TestUnmappedLongRecord(t *testing.T) {
	mapping := &Mapping{Date: "pubdat"}
	long := `{"text": "` + strings.Repeat("a", maxKeptLine) + `"}` + "\n"
	fields, err := Scan(strings.NewReader(long), JSONLines, mapping, func(Record) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	if got := fields.Unmapped(mapping); got != nil {
		t.Errorf("got %v, want nothing reported when a record could not be looked into", got)
	}
}
