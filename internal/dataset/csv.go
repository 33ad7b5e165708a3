package dataset

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// FNV-1a, 64 bits: the digest of a record's bytes.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// maxHeader bounds the bytes of a header row kept to read its names.
const maxHeader = 1 << 20

// csvScanner finds the records of a CSV or TSV file in one pass,
// keeping only the header's bytes: quoted fields may hold delimiters
// and newlines, and a doubled quote is a quote.
type csvScanner struct {
	delim byte
	fn    func(Record) error
	// The position of the next byte.
	offset int64
	line   int
	col    int
	// The record being read.
	rec       Record
	recBytes  int64
	blank     bool
	columns   int
	fieldNew  bool
	inQuotes  bool
	closed    bool // a quoted field's closing quote (or half of a "") was just read
	quoteLine int
	quoteCol  int
	header    []byte
	gotHeader bool
	names     []string
	mapping   *Mapping
	// urlColumn is the index of the URL column, and url the bytes of
	// the record's URL field.
	urlColumn int
	url       []byte
	number    int
}

// scanCSV reads a CSV (delim ',') or TSV (delim '\t') file from r,
// returning its header and calling fn for each data record. Blank lines
// are skipped.
func scanCSV(r io.Reader, delim byte, m *Mapping, fn func(Record) error) ([]string, error) {
	s := &csvScanner{delim: delim, fn: fn, line: 1, col: 1, fieldNew: true, mapping: m, urlColumn: -1}
	s.startRecord()
	buf := make([]byte, 64<<10)
	for {
		n, err := r.Read(buf)
		if serr := s.feed(buf[:n]); serr != nil {
			return nil, serr
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read: %w", err)
		}
	}
	if s.inQuotes {
		return nil, &SyntaxError{Line: s.quoteLine, Col: s.quoteCol, Msg: "quoted field never closed (want a closing \" for the quote opened here; a quote inside a quoted field is written \"\")"}
	}
	if err := s.endRecord(); err != nil {
		return nil, err
	}
	if !s.gotHeader {
		return nil, &SyntaxError{Line: 1, Col: 1, Msg: "no header row (want a first line naming the columns, e.g. title,date,url,text)"}
	}
	return s.names, nil
}

func (s *csvScanner) startRecord() {
	s.rec = Record{Line: s.line, Offset: s.offset}
	s.rec.Sum = fnvOffset
	s.recBytes, s.columns, s.blank = 0, 1, true
	s.url = s.url[:0]
}

// feed reads the next bytes of the file.
func (s *csvScanner) feed(p []byte) error {
	for _, c := range p {
		if err := s.byte(c); err != nil {
			return err
		}
	}
	return nil
}

func (s *csvScanner) byte(c byte) error {
	if c == '\n' && !s.inQuotes {
		s.offset++
		err := s.endRecord()
		s.line, s.col = s.line+1, 1
		s.startRecord()
		s.fieldNew, s.closed = true, false
		return err
	}
	s.rec.Sum = (s.rec.Sum ^ uint64(c)) * fnvPrime
	s.recBytes++
	if c != '\r' {
		s.blank = false
	}
	if !s.gotHeader && len(s.header) < maxHeader {
		s.header = append(s.header, c)
	}
	if s.columns-1 == s.urlColumn && len(s.url) < maxURL && (c != s.delim || s.inQuotes) {
		s.url = append(s.url, c)
	}
	err := s.state(c)
	s.offset++
	s.col++
	return err
}

// state moves the quoting state past c, which is no record-ending
// newline.
func (s *csvScanner) state(c byte) error {
	switch {
	case s.inQuotes:
		if c == '"' {
			s.inQuotes, s.closed = false, true
		} else if c == '\n' {
			s.line, s.col = s.line+1, 0
		}
	case s.closed && c == '"':
		s.inQuotes, s.closed = true, false
	case c == s.delim:
		s.columns++
		if s.columns > MaxColumns {
			return &SyntaxError{Line: s.line, Col: s.col, Msg: fmt.Sprintf("more than %d columns (want one column per field of an article)", MaxColumns)}
		}
		s.fieldNew, s.closed = true, false
	case s.closed && c != '\r':
		return &SyntaxError{Line: s.line, Col: s.col, Msg: fmt.Sprintf("%q after a closing quote (want %s or the end of the line; a quote inside a quoted field is written \"\")", c, delimName(s.delim))}
	case s.fieldNew && c == '"':
		s.inQuotes, s.quoteLine, s.quoteCol = true, s.line, s.col
		s.fieldNew = false
	default:
		s.fieldNew = false
	}
	return nil
}

// endRecord hands on the record just read, unless it is blank.
func (s *csvScanner) endRecord() error {
	if s.blank {
		return nil
	}
	s.rec.Length = s.offset - s.rec.Offset
	if !s.gotHeader {
		s.gotHeader = true
		if s.recBytes > maxHeader {
			return &SyntaxError{Line: s.rec.Line, Col: 1, Msg: fmt.Sprintf("header row of %d bytes (want at most %d: a row of column names)", s.recBytes, maxHeader)}
		}
		s.names = splitFields(s.header, s.delim)
		s.urlColumn = column(s.names, s.mapping.URL, commonNames.url)
		return nil
	}
	s.number++
	s.rec.Number = s.number
	if len(s.url) > 0 {
		s.rec.URL = strings.TrimSpace(splitFields(s.url, s.delim)[0])
	}
	return s.fn(s.rec)
}

func delimName(d byte) string {
	if d == '\t' {
		return "a tab"
	}
	return "a comma"
}

// splitFields splits one record's bytes into its fields, undoing the
// quoting; a trailing line end is dropped.
func splitFields(rec []byte, delim byte) []string {
	rec = bytes.TrimSuffix(rec, []byte("\n"))
	rec = bytes.TrimSuffix(rec, []byte("\r"))
	var fields []string
	var field []byte
	inQuotes, quoted, fieldNew := false, false, true
	for i := 0; i < len(rec); i++ {
		c := rec[i]
		switch {
		case inQuotes && c == '"' && i+1 < len(rec) && rec[i+1] == '"':
			field = append(field, '"')
			i++
		case inQuotes && c == '"':
			inQuotes = false
		case inQuotes:
			field = append(field, c)
		case c == delim:
			fields = append(fields, string(field))
			field, quoted, fieldNew = field[:0], false, true
		case fieldNew && c == '"' && !quoted:
			inQuotes, quoted, fieldNew = true, true, false
		default:
			field = append(field, c)
			fieldNew = false
		}
	}
	return append(fields, string(field))
}
