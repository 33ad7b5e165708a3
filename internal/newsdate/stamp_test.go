package newsdate

import (
	"testing"
	"time"
)

func TestParseStamp(t *testing.T) {
	kyiv, err := time.LoadLocation("Europe/Kyiv")
	if err != nil {
		t.Skip("no zone database")
	}
	tests := []struct {
		in, layout string
		loc        *time.Location
		want       string
	}{
		{"2022-05-13T14:02:00Z", "", nil, "2022-05-13"},
		{"2022-05-13T23:30:00-05:00", "", nil, "2022-05-13"}, // the day in its own offset
		{"2022-05-13T01:30:00+03:00", "", nil, "2022-05-13"},
		{"2022-05-13 14:02:00", "", kyiv, "2022-05-13"},
		{"2022-05-13T14:02:00.123456Z", "", nil, "2022-05-13"},
		{"Fri, 13 May 2022 14:02:00 GMT", "", nil, "2022-05-13"},
		{"Fri, 13 May 2022 14:02:00 +0300", "", nil, "2022-05-13"},
		{"20220219T121500Z", "", nil, "2022-02-19"},
		{"2022/04/19", "", nil, "2022-04-19"},
		{"July 9, 2022", "", nil, "2022-07-09"},
		{"9 July 2022", "", nil, "2022-07-09"},
		{"1658448000", "", nil, "2022-07-22"},    // 2022-07-22T00:00:00Z
		{"1658444400", "", kyiv, "2022-07-22"},   // 2022-07-21T23:00Z, 02:00 in Kyiv
		{"1658444400", "", nil, "2022-07-21"},    // the same instant in UTC
		{"1658444400000", "", nil, "2022-07-21"}, // milliseconds
		{"13/06/2022 18:00", "02/01/2006 15:04", nil, "2022-06-13"},
		{"13/06/2022", "2006-01-02", nil, ""},
		{"soon", "", nil, ""},
		{"2022", "", nil, ""},
		{"", "", nil, ""},
		{"Published on July 9, 2022 by the newsroom of an example outlet", "", nil, ""},
	}
	for _, tt := range tests {
		got, ok := ParseStamp(tt.in, tt.layout, tt.loc)
		if gotISO := got.ISO(); !ok && tt.want != "" || ok && gotISO != tt.want {
			t.Errorf("ParseStamp(%q, %q) = %s, %v; want %q", tt.in, tt.layout, gotISO, ok, tt.want)
		}
	}
}
