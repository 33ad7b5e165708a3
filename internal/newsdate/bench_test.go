package newsdate

import (
	"os"
	"testing"
)

// BenchmarkScan scans a seed article line by line, the way the extract
// stage does.
func BenchmarkScan(b *testing.B) {
	data, err := os.ReadFile("../../content/articles/002_58abd7e94c42ac02.txt")
	if err != nil {
		b.Skip("seed article not found")
	}
	text := string(data)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var out []Mention
	for b.Loop() {
		out = out[:0]
		for start := 0; start < len(text); {
			end := start
			for end < len(text) && text[end] != '\n' {
				end++
			}
			out = AppendScan(out, text[start:end])
			start = end + 1
		}
	}
}
