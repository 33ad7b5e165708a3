package dataset

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// arrayKeys are the keys under which news APIs return their articles.
var arrayKeys = []string{"articles", "value", "results", "data"}

// scanJSONLines reads a JSON Lines file from r, calling fn for each
// non-blank line. Lines are checked when read (Read), so that one
// broken line is one record's warning.
func scanJSONLines(r io.Reader, fields *recordFields, fn func(Record) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var offset int64
	line, number := 0, 0
	for {
		line++
		rec := Record{Line: line, Offset: offset, Sum: fnvOffset}
		blank := true
		var kept []byte
		for {
			chunk, err := br.ReadSlice('\n')
			if len(kept)+len(chunk) <= maxKeptLine {
				kept = append(kept, chunk...)
			}
			for _, c := range chunk {
				rec.Sum = (rec.Sum ^ uint64(c)) * fnvPrime
				if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
					blank = false
				}
			}
			rec.Length += int64(len(chunk))
			if errors.Is(err, bufio.ErrBufferFull) {
				continue
			}
			if err != nil && !errors.Is(err, io.EOF) {
				return fmt.Errorf("read: %w", err)
			}
			offset += rec.Length
			if !blank {
				number++
				rec.Number = number
				if rec.Length <= maxKeptLine {
					rec.URL = fields.inspect(kept)
				} else {
					fields.skip()
				}
				if ferr := fn(rec); ferr != nil {
					return ferr
				}
			}
			if err != nil {
				return nil
			}
			break
		}
	}
}

// maxKeptLine bounds the JSON line kept to read its URL field.
const maxKeptLine = 1 << 20

// lineCounter counts the newlines read through it.
type lineCounter struct {
	r     io.Reader
	lines int
}

func (l *lineCounter) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	l.lines += bytes.Count(p[:n], []byte("\n"))
	return n, err
}

// jsonScanner walks a JSON dataset with a streaming decoder.
type jsonScanner struct {
	dec    *json.Decoder
	lc     *lineCounter
	fn     func(Record) error
	fields *recordFields
	number int
}

// scanJSONArray reads a JSON file from r: an array of objects, or an
// object holding one under one of arrayKeys. It calls fn for each
// element of the array.
func scanJSONArray(r io.Reader, fields *recordFields, fn func(Record) error) error {
	lc := &lineCounter{r: r}
	s := &jsonScanner{dec: json.NewDecoder(lc), lc: lc, fn: fn, fields: fields}
	tok, err := s.dec.Token()
	if err != nil {
		return s.syntax(err, "a JSON array of articles, or an object holding one under \"articles\"")
	}
	switch tok {
	case json.Delim('['):
		err = s.elements()
	case json.Delim('{'):
		err = s.object()
	default:
		return s.errorHere(fmt.Sprintf("%v at the start (want a JSON array of articles, or an object holding one under %s)", tok, strings.Join(arrayKeys, ", ")))
	}
	if err != nil {
		return err
	}
	end := s.dec.InputOffset()
	if _, err := s.dec.Token(); !errors.Is(err, io.EOF) {
		return &SyntaxError{Offset: end, Msg: "more after the end of the JSON value (want one array or object per file; one object per line is a .jsonl file)"}
	}
	return nil
}

// object walks the top-level object, reading the first array of
// articles it holds under one of arrayKeys and skipping other values.
func (s *jsonScanner) object() error {
	found := false
	for s.dec.More() {
		tok, err := s.dec.Token()
		if err != nil {
			return s.syntax(err, "a key")
		}
		key, _ := tok.(string)
		if !found && isArrayKey(key) {
			if tok, err := s.dec.Token(); err != nil {
				return s.syntax(err, "a value")
			} else if tok == json.Delim('[') {
				found = true
				if err := s.elements(); err != nil {
					return err
				}
				continue
			} else if d, ok := tok.(json.Delim); ok {
				if err := s.skipNested(d); err != nil {
					return err
				}
			}
			continue
		}
		var skip json.RawMessage
		if err := s.dec.Decode(&skip); err != nil {
			return s.syntax(err, "a value")
		}
	}
	if _, err := s.dec.Token(); err != nil {
		return s.syntax(err, "the end of the object")
	}
	if !found {
		return &SyntaxError{Line: 1, Col: 1, Msg: fmt.Sprintf("no array of articles (want a JSON array of objects, or an object holding one under %s)", strings.Join(arrayKeys, ", "))}
	}
	return nil
}

// skipNested skips the rest of a value whose opening delimiter d was
// just read.
func (s *jsonScanner) skipNested(d json.Delim) error {
	depth := 1
	for depth > 0 {
		tok, err := s.dec.Token()
		if err != nil {
			return s.syntax(err, "a value")
		}
		switch tok {
		case json.Delim('['), json.Delim('{'):
			depth++
		case json.Delim(']'), json.Delim('}'):
			depth--
		}
	}
	return nil
}

func isArrayKey(key string) bool {
	for _, k := range arrayKeys {
		if strings.EqualFold(key, k) {
			return true
		}
	}
	return false
}

// elements reads the elements of an array whose '[' was just read, up
// to and with its ']'.
func (s *jsonScanner) elements() error {
	for s.dec.More() {
		line := s.nextLine()
		start := s.dec.InputOffset()
		if s.number > 0 {
			start++ // the comma before the element
		}
		var raw json.RawMessage
		if err := s.dec.Decode(&raw); err != nil {
			var se *json.SyntaxError
			if errors.As(err, &se) {
				// Decode's offset is not the file's: Scan finds the
				// error again from the element's start.
				return &SyntaxError{Offset: start, relocate: true, Msg: fmt.Sprintf("JSON syntax error: %s (want an article object)", se.Error())}
			}
			return s.syntax(err, "an article object")
		}
		// The element ends where the decoder stands; it starts after the
		// comma and spaces before it.
		rec := Record{Line: line, Offset: s.dec.InputOffset() - int64(len(raw)), Length: int64(len(raw)), Sum: fnvOffset}
		for _, c := range raw {
			rec.Sum = (rec.Sum ^ uint64(c)) * fnvPrime
		}
		s.number++
		rec.Number = s.number
		rec.URL = s.fields.inspect(raw)
		if err := s.fn(rec); err != nil {
			return err
		}
	}
	if _, err := s.dec.Token(); err != nil {
		return s.syntax(err, "the end of the array")
	}
	return nil
}

// nextLine returns the line of the decoder's next token: the newlines
// read so far, less those still buffered, plus those in the spaces and
// comma before the token.
func (s *jsonScanner) nextLine() int {
	var buf bytes.Buffer
	_, _ = io.Copy(&buf, s.dec.Buffered())
	b := buf.Bytes()
	lines := s.lc.lines - bytes.Count(b, []byte("\n"))
	for _, c := range b {
		if c == '\n' {
			lines++
		} else if c != ' ' && c != '\t' && c != '\r' && c != ',' {
			break
		}
	}
	return lines + 1
}

// syntax turns a decoding error into a SyntaxError; its position is
// found from Offset by Scan.
func (s *jsonScanner) syntax(err error, want string) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return &SyntaxError{Offset: se.Offset - 1, Msg: fmt.Sprintf("JSON syntax error: %s (want %s)", se.Error(), want)}
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return s.errorHere(fmt.Sprintf("the file ends too soon (want %s)", want))
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return &SyntaxError{Offset: te.Offset, Msg: fmt.Sprintf("%s (want %s)", te.Error(), want)}
	}
	return fmt.Errorf("read: %w", err)
}

// errorHere is a SyntaxError at the decoder's position.
func (s *jsonScanner) errorHere(msg string) error {
	return &SyntaxError{Offset: s.dec.InputOffset(), Msg: msg}
}

// relocate returns the offset in f of the syntax error in the JSON
// value that starts at base, decoding it again from there.
func relocate(f io.ReadSeeker, base int64) int64 {
	if _, err := f.Seek(base, io.SeekStart); err != nil {
		return base
	}
	var raw json.RawMessage
	var se *json.SyntaxError
	if err := json.NewDecoder(io.LimitReader(f, MaxRecord)).Decode(&raw); errors.As(err, &se) {
		return base + se.Offset - 1
	}
	return base
}
