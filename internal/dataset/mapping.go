package dataset

import (
	"bytes"
	"encoding/json"
	"sort"
)

// Fields are the field names a scan found in a dataset file.
type Fields struct {
	// Header is the header row of a CSV or TSV file.
	Header []string
	// Names are the names found, as written: a CSV or TSV file's header,
	// or the fields the records of a JSON file hold (nested ones with
	// dots), in the order first found, at most maxNames of them.
	Names []string
	// mapped holds each field the mapping names that some record holds,
	// normalised.
	mapped map[string]bool
	// records counts the JSON records looked into; partial marks a JSON
	// file with a record too long to look into.
	records int
	partial bool
}

// maxNames bounds the field names of a JSON file kept for messages.
const maxNames = 200

// Unmapped is a field a mapping names that the dataset does not hold.
type Unmapped struct {
	// Key is the mapping's key ("date"), Name the field it names.
	Key, Name string
}

// Unmapped returns the fields m names that the dataset lacks: for a
// CSV or TSV file, those its header does not name; for a JSON file,
// those no record holds (a field some records leave out is fine). The
// list follows the order of the mapping's keys. A JSON file without
// records, or with a record too long to look into, reports none.
func (f *Fields) Unmapped(m *Mapping) []Unmapped {
	if f.Header == nil && (f.partial || f.records == 0) {
		return nil
	}
	var out []Unmapped
	for _, k := range mappedKeys(m) {
		if !f.mapped[normalise(k.Name)] {
			out = append(out, k)
		}
	}
	return out
}

// mappedKeys lists the fields m names, by key.
func mappedKeys(m *Mapping) []Unmapped {
	var keys []Unmapped
	if m == nil {
		return nil
	}
	for _, k := range []Unmapped{
		{"title", m.Title}, {"date", m.Date}, {"url", m.URL}, {"text", m.Text},
		{"summary", m.Summary}, {"outlet", m.Outlet}, {"author", m.Author},
	} {
		if k.Name != "" {
			keys = append(keys, k)
		}
	}
	return keys
}

// setHeader records a CSV or TSV header as the fields found.
func (f *Fields) setHeader(header []string, m *Mapping) {
	f.Header, f.Names = header, header
	f.mapped = map[string]bool{}
	for _, k := range mappedKeys(m) {
		if column(header, k.Name, nil) >= 0 {
			f.mapped[normalise(k.Name)] = true
		}
	}
}

// recordFields reads the fields of the JSON records of a file as a scan
// meets them, keeping their names and each record's URL field.
type recordFields struct {
	mapping *Mapping
	fields  *Fields
	known   map[string]bool
}

func newRecordFields(m *Mapping, f *Fields) *recordFields {
	f.mapped = map[string]bool{}
	return &recordFields{mapping: m, fields: f, known: map[string]bool{}}
}

// inspect reads one JSON record's fields and returns its URL field, or
// "" (a record that is no JSON object has none).
func (s *recordFields) inspect(raw []byte) string {
	var obj map[string]any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if dec.Decode(&obj) != nil {
		return ""
	}
	r := &record{values: map[string]string{}, names: map[string]string{}}
	flatten(r, "", obj)
	s.fields.records++
	for _, k := range mappedKeys(s.mapping) {
		if _, ok := r.values[normalise(k.Name)]; ok {
			s.fields.mapped[normalise(k.Name)] = true
		}
	}
	keys := make([]string, 0, len(r.names))
	for key := range r.names {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	for _, key := range keys {
		if len(s.known) < maxNames && !s.known[key] {
			s.known[key] = true
			s.fields.Names = append(s.fields.Names, r.names[key])
		}
	}
	url, _ := r.pick(s.mapping.URL, commonNames.url)
	return url
}

// skip notes a record too long to look into.
func (s *recordFields) skip() { s.fields.partial = true }
