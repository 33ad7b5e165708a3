package dataset

import (
	"bytes"
	"errors"
	"testing"
)

// fuzzScan scans data as format and reads every record: nothing may
// panic, every record must lie inside data, in order, a file that
// fails must fail with a position, and the fields found stay within
// their bound and the mapping's.
func fuzzScan(t *testing.T, data []byte, format Format) {
	d := &Dataset{Format: format}
	var last int64
	mapping := &Mapping{Date: "pub_date", URL: "links.self"}
	fields, err := Scan(bytes.NewReader(data), format, mapping, func(r Record) error {
		if r.Offset < last || r.Length < 0 || r.Offset+r.Length > int64(len(data)) || r.Line < 1 {
			t.Fatalf("record %+v outside the %d bytes (after %d)", r, len(data), last)
		}
		last = r.Offset + r.Length
		return nil
	})
	var se *SyntaxError
	if err != nil && (!errors.As(err, &se) || se.Line < 1 || se.Col < 1) {
		t.Fatalf("error without a position: %v", err)
	}
	if len(fields.Unmapped(mapping)) > 2 || format != CSV && format != TSV && len(fields.Names) > maxNames {
		t.Fatalf("unmapped %v, %d names: more than the mapping names or the bound", fields.Unmapped(mapping), len(fields.Names))
	}
	d.Header = fields.Header
	_, _ = Scan(bytes.NewReader(data), format, &Mapping{}, func(r Record) error {
		_, _, _ = Read(d, data[r.Offset:r.Offset+r.Length], r)
		return nil
	})
}

func FuzzScanCSV(f *testing.F) {
	fuzzFormats(f, []string{
		"title,url,text\nA,http://x/a,one\n\"B, b\",\"http://x/b\",\"two\nlines \"\"quoted\"\"\"\n\nC,,three",
		"Title,Link\r\nA,u\r\n",
		"title,text\nA,\"never closed\nB,two\n",
		"title,text\nA,\"x\"y\n",
		"",
		",,,,\n\n\"",
	}, CSV, TSV)
}

func FuzzScanJSON(f *testing.F) {
	fuzzFormats(f, []string{
		"[\n {\"url\": \"u1\", \"text\": \"x\"},\n\n {\"webUrl\": \"u2\"}\n]\n",
		"{\"status\": \"ok\", \"articles\": [{\"url\": \"u\", \"source\": {\"name\": \"n\"}, \"tags\": [\"a\", {\"b\": 1}]}]}",
		"{\"url\":\"u1\",\"text\":\"t\",\"date\":\"2022-05-13\"}\n\n{\"link\":\"u2\"}",
		"[\n {\"url\": \"u\"},\n {\"url\" \"v\"}\n]",
		"\x00\x01\xff",
	}, JSONArray, JSONLines)
}

// fuzzFormats fuzzes the scan of each of formats from seeds.
func fuzzFormats(f *testing.F, seeds []string, formats ...Format) {
	for _, seed := range seeds {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, format := range formats {
			fuzzScan(t, data, format)
		}
	})
}
