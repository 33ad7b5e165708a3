package extract

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// refAppendLower and refWordsAndDigit are the two passes
// appendLowerWords replaces: the reference FuzzAppendLowerWords
// compares it (and words) with.
func refAppendLower(dst []byte, s string) []byte {
	for {
		i := strings.Index(s, "’")
		if i < 0 {
			return appendLowerASCII(dst, s)
		}
		dst = append(appendLowerASCII(dst, s[:i]), '\'')
		s = s[i+len("’"):]
	}
}

func appendLowerASCII(dst []byte, s string) []byte {
	start := len(dst)
	dst = append(dst, s...)
	added := dst[start:]
	for i, c := range added {
		if c >= 'A' && c <= 'Z' {
			added[i] = c + 'a' - 'A'
		}
	}
	return dst
}

func refWordsAndDigit(s string) (n int, digit bool) {
	prev := byte(' ')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (prev == ' ' || prev == '\t') && c != ' ' && c != '\t' {
			n++
		}
		if c >= '0' && c <= '9' {
			digit = true
		}
		prev = c
	}
	return n, digit
}

func FuzzAppendLowerWords(f *testing.F) {
	for _, s := range []string{"", "Kyiv’s forces", "’’’", "\xe2\x80", "A\tB  C 2022", "x\xe2\x80\x99", "É ’9", " \t "} {
		f.Add("pre", s)
	}
	f.Fuzz(func(t *testing.T, pre, s string) {
		got, n, digit := appendLowerWords([]byte(pre), s)
		want := refAppendLower([]byte(pre), s)
		wn, wdigit := refWordsAndDigit(s)
		if string(got) != string(want) || n != wn || digit != wdigit {
			t.Fatalf("appendLowerWords(%q, %q) = %q %d %v, want %q %d %v", pre, s, got, n, digit, want, wn, wdigit)
		}
		if string(appendLower([]byte(pre), s)) != string(want) {
			t.Fatalf("appendLower(%q, %q) differs from the reference", pre, s)
		}
		if wn := words(s); n != wn {
			t.Fatalf("words(%q) = %d, want %d", s, wn, n)
		}
	})
}

// TestAppendLowerWordsBytes compares appendLowerWords and words with the references on random strings of the bytes at
// the edges of the classes they tell apart, long enough to take both the
// eight-byte and the one-byte path.
func TestAppendLowerWordsBytes(t *testing.T) {
	alphabet := []byte(" \t\n\r@AZ[`az{/09:\x7f\x80\x99\xe2\xc2\xa0\xff")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 100_000 {
		b := make([]byte, rng.IntN(40))
		for i := 0; i < len(b); i++ {
			if rng.IntN(8) == 0 {
				i += copy(b[i:], "’") - 1 // whole or cut short at the end
				continue
			}
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		s := string(b)
		got, n, digit := appendLowerWords(nil, s)
		wn, wdigit := refWordsAndDigit(s)
		if want := refAppendLower(nil, s); string(got) != string(want) || n != wn || digit != wdigit {
			t.Fatalf("appendLowerWords(%q) = %q %d %v, want %q %d %v", s, got, n, digit, want, wn, wdigit)
		}
		if n := words(s); n != wn {
			t.Fatalf("words(%q) = %d, want %d", s, n, wn)
		}
	}
}
