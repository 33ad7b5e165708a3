// Package dataset reads news datasets: CSV and TSV tables, JSON Lines,
// and JSON arrays of objects (alone, or held by a news API's response
// under articles, value, results or data). Each record is one article.
//
// Scan walks a file once, in bounded memory, and hands on where each
// record lies (Record: its number, line, byte range and digest), so the
// load stage can list a gigabyte of records without holding them; Read
// turns one record's bytes into the article's text and the metadata its
// fields give (extract.Meta): fields are recognised by their common
// names, case-insensitively, or named by a Mapping.
package dataset

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"time"
)

// Format is the syntax of a dataset file.
type Format int

const (
	// NotDataset is the format of a file that is no dataset.
	NotDataset Format = iota
	// CSV is comma-separated values with a header row (RFC 4180 quoting).
	CSV
	// TSV is tab-separated values with a header row.
	TSV
	// JSONLines is one JSON object per line (.jsonl, .ndjson).
	JSONLines
	// JSONArray is a JSON array of objects, or an object holding one.
	JSONArray
)

// Extensions are the file extensions of datasets, lowercase.
var Extensions = []string{".csv", ".tsv", ".jsonl", ".ndjson", ".json"}

// FormatOf returns the format a file's extension names.
func FormatOf(p string) Format {
	switch strings.ToLower(path.Ext(p)) {
	case ".csv":
		return CSV
	case ".tsv":
		return TSV
	case ".jsonl", ".ndjson":
		return JSONLines
	case ".json":
		return JSONArray
	}
	return NotDataset
}

// MaxRecord is the largest record read, in bytes; a larger one is
// refused with a warning.
const MaxRecord = 16 << 20

// MaxText is the largest text a record may give an article.
const MaxText = 8 << 20

// MaxColumns is the most columns a CSV or TSV header may have.
const MaxColumns = 10_000

// Record is where one record of a dataset file lies.
type Record struct {
	// Number counts the file's records from 1 (the header excluded).
	Number int
	// Line is the line of the record's first byte, from 1.
	Line int
	// Offset and Length are the record's byte range in the file.
	Offset int64
	Length int64
	// Sum is a digest of the record's bytes, to tell a changed record.
	Sum uint64
	// URL is the record's URL field, or "" (read at most maxURL bytes).
	URL string
}

// maxURL bounds the bytes of a URL field kept while scanning.
const maxURL = 4 << 10

// Mapping names the fields of a dataset whose names are not the common
// ones, and how to read its dates. Empty fields keep the common names.
type Mapping struct {
	Title, Date, URL, Text, Summary, Outlet, Author string
	// DateLayout is a Go time layout ("02/01/2006 15:04"); empty tries
	// the common forms (see newsdate.ParseStamp).
	DateLayout string
	// Location is the zone of timestamps without an offset; nil is the
	// site's zone.
	Location *time.Location
}

// Dataset is what reading a record needs besides its bytes.
type Dataset struct {
	// Path is the file's path, for messages.
	Path   string
	Format Format
	// Header is the CSV or TSV header row.
	Header  []string
	Mapping Mapping
	// Location is the zone of timestamps without an offset (the
	// mapping's, else the site's); nil is UTC.
	Location *time.Location
}

// SyntaxError is a dataset file that cannot be parsed at all, at Line
// and Col (from 1, in bytes), or at the byte Offset before Scan finds
// them.
type SyntaxError struct {
	Line, Col int
	Offset    int64
	Msg       string
	// relocate marks an Offset that is where a JSON value starts, the
	// error lying inside it.
	relocate bool
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg) }

// RecordError is one record that cannot become an article: the rest of
// the file still builds.
type RecordError struct {
	Record Record
	Msg    string
}

func (e *RecordError) Error() string { return e.Msg }

// Scan reads the dataset file f, of the given format, once, and calls
// fn for each record, with its URL field (the one m names, else a
// common one); it returns the fields the file holds (for a CSV or TSV
// file, its header). A file that cannot be parsed is a *SyntaxError
// with its line and column; an error fn returns stops the scan and is
// returned.
func Scan(f io.ReadSeeker, format Format, m *Mapping, fn func(Record) error) (Fields, error) {
	var fields Fields
	var err error
	switch format {
	case CSV, TSV:
		delim := byte(',')
		if format == TSV {
			delim = '\t'
		}
		var header []string
		header, err = scanCSV(f, delim, m, fn)
		fields.setHeader(header, m)
	case JSONLines:
		err = scanJSONLines(f, newRecordFields(m, &fields), fn)
	case JSONArray:
		err = scanJSONArray(f, newRecordFields(m, &fields), fn)
	default:
		return fields, fmt.Errorf("not a dataset format")
	}
	var se *SyntaxError
	if errors.As(err, &se) && se.Line == 0 {
		if se.relocate {
			se.Offset = relocate(f, se.Offset)
		}
		se.Line, se.Col = position(f, se.Offset)
	}
	return fields, err
}

// position returns the line and column, from 1, of the byte at offset
// in f, reading f again from its start.
func position(f io.ReadSeeker, offset int64) (line, col int) {
	line, col = 1, 1
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return line, col
	}
	br := bufio.NewReader(io.LimitReader(f, max(offset, 0)))
	for {
		c, err := br.ReadByte()
		if err != nil {
			return line, col
		}
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
}
