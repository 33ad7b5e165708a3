package extract

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/timeline"
)

func TestHeadline(t *testing.T) {
	tests := []struct {
		name, in, want string
		derived        bool
	}{
		{"first line", "Leaders meet in Geneva\n\nThe leaders met on Monday in Geneva to discuss arms control, officials said.\n", "Leaders meet in Geneva", false},
		{"after navigation", "Subscribe to Updates\nTrending\n• Other story one\n• Other story two\nLogin\nLeaders meet in Geneva\nBy A Writer\nThe leaders met on Monday in Geneva to discuss arms control, officials said.\n", "Leaders meet in Geneva", false},
		{"breadcrumb", "Home » News » Leaders meet in Geneva\nSidebar story about football\nLeaders meet in Geneva\nThe leaders met on Monday in Geneva to discuss arms control, officials said.\n", "Leaders meet in Geneva", false},
		{"abbreviations", "U.N. members vote to condemn annexation\n\nThe U.N. General Assembly voted on Wednesday to condemn the annexation, diplomats said.\n", "U.N. members vote to condemn annexation", false},
		{"derived from lede", " date 2022-02-11 In the wake of the talks, the envoys agreed on Thursday to meet again next month. More talks followed.\n", "The envoys agreed on Thursday to meet again next month", true},
	}
	for _, tt := range tests {
		a := Extract("x.txt", []byte(tt.in), Options{})
		if a.Title != tt.want || a.TitleDerived != tt.derived {
			t.Errorf("%s: title %q (derived %v), want %q (derived %v)", tt.name, a.Title, a.TitleDerived, tt.want, tt.derived)
		}
	}
}

func TestDropsChrome(t *testing.T) {
	in := "Leaders meet in Geneva\n\nFacebook Twitter Email\nShare\nThe leaders met on Monday in Geneva to discuss arms control, officials said.\n" +
		"Advertisement\n(Image: AP)\nSign up for our newsletter to get the latest news.\nThe talks will resume next month, the officials said.\n" +
		"© 2022 Example Media. All rights reserved.\nSource link\nDon't Miss\nAnother story entirely, told at length to fill a sidebar.\n"
	a := Extract("x.txt", []byte(in), Options{})
	var kept []string
	for _, b := range a.Blocks {
		kept = append(kept, b.Text)
	}
	want := []string{
		"The leaders met on Monday in Geneva to discuss arms control, officials said.",
		"The talks will resume next month, the officials said.",
	}
	if strings.Join(kept, "|") != strings.Join(want, "|") {
		t.Errorf("kept %q, want %q", kept, want)
	}
	reasons := map[string]string{}
	for _, d := range a.Dropped {
		reasons[d.Text] = d.Reason
	}
	for text, reason := range map[string]string{
		"Facebook Twitter Email": reasonShare, "Advertisement": reasonAdvertisement, "(Image: AP)": reasonCredit,
		"© 2022 Example Media. All rights reserved.": reasonCopyright, "Another story entirely, told at length to fill a sidebar.": reasonAfterEnd,
	} {
		if reasons[text] != reason {
			t.Errorf("%q dropped as %q, want %q", text, reasons[text], reason)
		}
	}
}

func TestEventDates(t *testing.T) {
	window := Options{WindowStart: timeline.DayOf(2021, 11, 1), WindowEnd: timeline.DayOf(2022, 12, 31)}
	tests := []struct {
		name, in, event, published string
	}{
		{"weekday before byline date", "Talks held\n\nBy A WriterMay 13, 2022No Comments\nThe ministers spoke on Friday for the first time in months, officials said.\n", "2022-05-13", "2022-05-13"},
		{"thursday night before marker", " date 2022-02-11 The general spoke Thursday night with his counterparts about the crisis.\n", "2022-02-10", "2022-02-11"},
		{"yesterday", "Talks held\n\nPosted on 2022-03-01\nThe ministers met yesterday in Brussels to discuss sanctions, officials said.\n", "2022-02-28", "2022-03-01"},
		{"trailer", "Talks held\n\nThe ministers met on Friday in Brussels to discuss sanctions, officials said.\nPublished in Example, October 22th, 2022\n", "2022-10-21", "2022-10-22"},
		{"dateline year from window", "Talks held\n\nGENEVA, July 9 (Reuters) - The ministers met on Saturday in Geneva to discuss grain, officials said.\n", "2022-07-09", "2022-07-09"},
		{"dateline with an abbreviated month", "Talks held\n\nGENEVA, Jan. 6, 2022 (Example Wire) — The ministers met on Thursday in Geneva to discuss grain, officials said.\n", "2022-01-06", "2022-01-06"},
		{"sentence before a dash is no dateline", "Talks held\n\nThe ministers met in Jan. 2022 in Geneva — officials said the talks on grain went well.\n", "", ""},
		{"weekday alone is undated", "Talks held\n\nThe ministers met on Friday in Brussels to discuss sanctions, officials said.\n", "", ""},
		{"background is not the event", "Talks held\n\nPosted on 2022-03-01\nRussia seized Crimea in 2014 and has held it since March 2014, officials said.\n", "2022-03-01", "2022-03-01"},
		{"sidebar dates are not publication", "Trending\nOther story\nMay 22, 2022\nOther story two\nMay 22, 2022\nTalks held\nThe ministers met on Friday in Brussels to discuss sanctions, officials said.\n", "", ""},
		{"caption week", "Talks held\n\nThe ministers met Thursday in Moscow to discuss security, officials said.\nThe president speaks in Moscow, Russia, Tuesday, Dec. 21, 2021. (AP Photo/Someone)\nMore talks are planned for January, officials said.\n", "2021-12-23", ""},
		{"last week is undated", "Talks held\n\nPosted on 2022-03-01\nThe ministers met last week in Brussels to discuss sanctions, officials said.\n", "", "2022-03-01"},
		{"agency byline is no lede", "Talks held\nTalks held\nPublished: 16/08/2022\nJane Roe, Kabul, and agencies\nThe ministers met on Sunday in Kabul to discuss aid, officials said.\nMore talks are planned for the autumn, officials said.\n", "2022-08-14", "2022-08-16"},
		{"update clock is no lede", "Talks held\nTalks held\n9 September 2022\nUpdated at 13:20\nJane Roe with AFP\nThe ministers met late on Thursday in Rabat to discuss aid, officials said.\nMore talks are planned for the autumn, officials said.\n", "2022-09-08", "2022-09-09"},
		{"headline's own date", "Statement on aid - 23 July 2022\nStatement on aid - 23 July 2022\n23 July 2022\nThe ministers met today in Geneva to discuss aid, officials said.\nMore talks are planned for the autumn, officials said.\n", "2022-07-23", "2022-07-23"},
		{"issued under an embargo", "Firm welcomes pact\nEMBARGOED UNTIL 00:01 GMT, SUNDAY 14 NOVEMBER 2021\nPRESS RELEASE\nFirm plc\nIssued: 14 November 2021\nFirm welcomes pact\nThe firm today welcomed the pact agreed at the summit late on Saturday, its chief said.\nIt will publish a plan next year, the firm said.\n", "2021-11-14", "2021-11-14"},
		{"one-sentence lede, day in the next", "Talks held\n\nPosted on 2022-10-28\nThe ministers have agreed a deal on grain after months of talks, officials said.\nThe deal was signed on Thursday evening in Geneva, hours before a deadline.\n", "2022-10-27", "2022-10-28"},
		{"next paragraph's last week", "Talks held\n\nPosted on 2022-10-28\nThe ministers have agreed a deal on grain after months of talks, officials said.\nThe talks began last week in Geneva, hours before a deadline.\n", "2022-10-28", "2022-10-28"},
		{"a speech is its own event", "Statement on aid\nStatement on aid\n23 July 2022\nGood afternoon.\nOn Thursday I met the ministers in Geneva to discuss aid for the region.\nI have decided to release the funds.\n", "2022-07-23", "2022-07-23"},
	}
	for _, tt := range tests {
		a := Extract("x.txt", []byte(tt.in), window)
		if a.Event.ISO() != tt.event || a.Published.ISO()[:min(10, len(a.Published.ISO()))] != tt.published {
			t.Errorf("%s: event %q published %q (undated %q), want %q %q", tt.name, a.Event.ISO(), a.Published.ISO(), a.Undated, tt.event, tt.published)
		}
		if a.Event.IsZero() && a.Undated == "" {
			t.Errorf("%s: undated without a reason", tt.name)
		}
		for _, e := range a.DateEvidence {
			if tt.in[e.Offset:e.Offset+len(e.Text)] != e.Text {
				t.Errorf("%s: evidence %q not at offset %d", tt.name, e.Text, e.Offset)
			}
		}
	}
}

func TestSeedOutlets(t *testing.T) {
	shared := findShared()
	if shared == "" {
		t.Skip("shared folder not found")
	}
	want := map[string][2]string{
		"002_58abd7e94c42ac02.txt": {"CNN", ""},
		"003_cd384543febd2232.txt": {"Dawn", "WASHINGTON"},
	}
	for file, w := range want {
		data, err := os.ReadFile(filepath.Join(shared, "seeds", file))
		if err != nil {
			t.Fatal(err)
		}
		a := Extract(file, data, Options{})
		if a.Outlet != w[0] || a.Dateline != w[1] {
			t.Errorf("%s: outlet %q dateline %q, want %q %q", file, a.Outlet, a.Dateline, w[0], w[1])
		}
	}
}

func TestHugeInputs(t *testing.T) {
	inputs := map[string][]byte{
		"10 MB single line":  bytes.Repeat([]byte("The ministers met on Friday, May 13, 2022, officials said. "), 10<<20/59),
		"NUL bytes":          bytes.Repeat([]byte{0}, 1<<20),
		"invalid UTF-8":      bytes.Repeat([]byte{0xff, 0xc2, 0xe2, 0x80, ' ', '.', '\n'}, 1<<18),
		"a million dates":    bytes.Repeat([]byte("May 13, 2022\n"), 1_000_000),
		"many short lines":   bytes.Repeat([]byte("Share\n"), 1<<20),
		"one long paragraph": bytes.Repeat([]byte("word "), 2<<20),
	}
	for name, in := range inputs {
		a := Extract(name, in, Options{})
		for _, b := range a.Blocks {
			if string(in[b.Offset:b.Offset+len(b.Text)]) != b.Text {
				t.Fatalf("%s: block not at its offset", name)
			}
		}
	}
}

func FuzzExtract(f *testing.F) {
	f.Add([]byte("Title here\n\nWASHINGTON — The ministers met on Friday, officials said.\nPublished in X, May 13, 2022\n"))
	f.Add([]byte(" date 2022-02-11 In the wake of it, they met on Thursday. (Image: AP)"))
	f.Add([]byte("Home » News » T\nT\nBy AMay 13, 2022No Comments\nCNN\n —\nText on Friday.\nSource link\n"))
	f.Add([]byte("\x00\xff(\"“)\n\n  \u00a0 —"))
	f.Add([]byte("T\nVeröffentlicht am 13.05.2022 | Aktualisiert am 14.05.2022\nVon Jana Muster, Berlin\nDie Minister haben sich geeinigt.\nÀ lire aussi\n"))
	f.Add([]byte("Т\nпятница, 13 мая 2022 г., 14:05\nОбновлено 14 мая 2022\nМинистры договорились.\n21-Apr-2022 13 de mayo del 2022 1er mai 2022 à 14h05"))
	f.Add([]byte("T\nPublié le 03/04/2022 à 14h05\nPar Jeanne Dupont\nLe gouvernement a présenté un plan.\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a := Extract("f.txt", data, Options{WindowStart: timeline.DayOf(2021, 1, 1), WindowEnd: timeline.DayOf(2022, 12, 31)})
		text := data // a markup text's offsets are into the text it reads as
		if t, _, ok := readMarkup(data, nil); ok {
			text = t
		}
		for _, b := range a.Blocks {
			if b.Offset < 0 || b.Offset+len(b.Text) > len(text) || string(text[b.Offset:b.Offset+len(b.Text)]) != b.Text {
				t.Fatalf("block %q not at offset %d", b.Text, b.Offset)
			}
		}
		if a.Event.IsZero() && a.Undated == "" && len(a.Blocks) > 0 {
			t.Fatalf("undated without a reason")
		}
	})
}

func BenchmarkExtract(b *testing.B) {
	shared := findShared()
	if shared == "" {
		b.Skip("shared folder not found")
	}
	data, err := os.ReadFile(filepath.Join(shared, "seeds", "002_58abd7e94c42ac02.txt"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		Extract("002.txt", data, Options{})
	}
}
