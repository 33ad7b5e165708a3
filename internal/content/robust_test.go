package content

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/diag"
)

// billionLaughs builds the classic alias bomb in the shape of an entries
// file: each level is a list of ten aliases to the level before, and the
// entries' tags point at the last level.
func billionLaughs(levels int) string {
	var b strings.Builder
	b.WriteString("- id: a\n  date: 2022\n  title: A\n  body: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i <= levels; i++ {
		fmt.Fprintf(&b, "  note%d: &l%d [", i, i)
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*l%d", i-1)
		}
		b.WriteString("]\n")
	}
	fmt.Fprintf(&b, "  tags: *l%d\n", levels)
	b.WriteString(strings.Repeat(fmt.Sprintf("- tags: *l%d\n", levels), 1000))
	return b.String()
}

// TestHostileInput feeds files meant to exhaust time or memory; each must
// give a clear error with bounded allocation, and never panic. Their time
// is measured by BenchmarkHostileInput, never asserted here: a wall clock
// depends on what else the machine is doing.
func TestHostileInput(t *testing.T) {
	const p = "content/entries/x.yaml"
	for _, tt := range hostileInputs() {
		t.Run(tt.name, func(t *testing.T) {
			checkHostileInput(t, p, tt.data, tt.want)
		})
	}
}

// BenchmarkHostileInput measures how long each hostile input takes to
// decode (go test -bench HostileInput ./internal/content).
func BenchmarkHostileInput(b *testing.B) {
	for _, tt := range hostileInputs() {
		b.Run(tt.name, func(b *testing.B) {
			data := []byte(tt.data)
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				var diags diag.List
				DecodeEntries("content/entries/x.yaml", data, &diags)
			}
		})
	}
}

type hostileInput struct {
	name string
	data string
	want string // the first diagnostic
}

// hostileInputs are files meant to exhaust time or memory, with the
// first diagnostic each must give.
func hostileInputs() []hostileInput {
	const p = "content/entries/x.yaml"
	deepAliases := "- id: a\n  date: 2022\n  title: A\n  tags: &t0 [x]\n"
	for i := 1; i <= 2000; i++ {
		deepAliases += fmt.Sprintf("  note%d: &t%d [*t%d]\n", i, i, i-1)
	}
	deepAliases += "  places: *t2000\n"
	return []hostileInput{
		{"billion laughs", billionLaughs(9), p + `:4:9: body: got a list (want text)`},
		{"deep flow nesting", strings.Repeat("[", 100_000), p + ":1:1: YAML syntax: exceeded max depth of 10000 (want valid YAML; check indentation and quote values containing \": \")"},
		{"deep block nesting", strings.Repeat("- ", 20_000) + "x\n", p + ":1:1: YAML syntax: exceeded max depth of 10000 (want valid YAML; check indentation and quote values containing \": \")"},
		{"deep alias chain", deepAliases, p + `:5:3: note1: unknown field; did you mean "note"?`},
		{"many entries", strings.Repeat("- {id: a, date: 2022-02-30, title: A}\n", 50_000), p + `:1:17: date "2022-02-30": day 30 out of range for February 2022 (want YYYY, YYYY-MM or YYYY-MM-DD)`},
		{"long line", "title: " + strings.Repeat("x", 2<<20-10) + "\n", p + ":1:1: date: missing (want YYYY, YYYY-MM or YYYY-MM-DD)"},
		{"too much YAML", strings.Repeat("# comment\n", 300_000), p + ": 3000000 bytes of YAML (want at most 2097152; split the file)"},
	}
}

// checkHostileInput decodes data as the entries file p and checks its
// allocation and first diagnostic.
func checkHostileInput(t *testing.T, p, data, want string) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	var diags diag.List
	DecodeEntries(p, []byte(data), &diags)
	runtime.ReadMemStats(&after)
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("%d bytes, %d MB allocated, %d diagnostics", len(data), alloc>>20, len(diags))
	if alloc > 1<<30 {
		t.Errorf("allocated %d MB (want under 1 GB)", alloc>>20)
	}
	if len(diags) == 0 {
		t.Fatal("no diagnostic")
	}
	diags.Sort()
	if got := diags[0].Error(); got != want {
		t.Errorf("first diagnostic\n got: %s\nwant: %s", got, want)
	}
	if len(diags) > maxFileDiags+1 {
		t.Errorf("%d diagnostics for one file (want at most %d)", len(diags), maxFileDiags+1)
	}
}

// TestLargeFile checks that a 50 MB file is refused before it is read.
func TestLargeFile(t *testing.T) {
	big := strings.Repeat("# padding line of a stray dump\n", 50<<20/31)
	_, diags := loadFiles(t, map[string]string{"content/entries/dump.yaml": big})
	want := []string{fmt.Sprintf("content/entries/dump.yaml: file is %d bytes (want at most 8388608; split it or remove it)", len(big))}
	checkLines(t, "50 MB file", lines(diags), want)
}
