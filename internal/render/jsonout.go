package render

import (
	"bytes"
	"encoding/json"
)

// jsonObject writes a top-level JSON object field by field, laid out
// exactly as json.MarshalIndent(object, "", "  ") lays it out, so that a
// long array is marshalled one item at a time instead of being built,
// marshalled and indented whole: the exports of a large chronology then
// hold little more than their own bytes.
type jsonObject struct {
	buf    bytes.Buffer
	fields int
	// items counts the items of the array being written.
	items int
	err   error
}

// key starts field name.
func (o *jsonObject) key(name string) {
	if o.fields == 0 {
		o.buf.WriteString("{\n  ")
	} else {
		o.buf.WriteString(",\n  ")
	}
	o.fields++
	o.write(json.Marshal(name))
	o.buf.WriteString(": ")
}

// field writes field name with value v.
func (o *jsonObject) field(name string, v any) {
	o.key(name)
	o.write(json.MarshalIndent(v, "  ", "  "))
}

// array starts field name as an array; item adds to it and end closes it.
func (o *jsonObject) array(name string) {
	o.key(name)
	o.items = 0
}

func (o *jsonObject) item(v any) {
	if o.items == 0 {
		o.buf.WriteString("[\n    ")
	} else {
		o.buf.WriteString(",\n    ")
	}
	o.items++
	o.write(json.MarshalIndent(v, "    ", "  "))
}

func (o *jsonObject) end() {
	if o.items == 0 {
		o.buf.WriteString("[]")
		return
	}
	o.buf.WriteString("\n  ]")
}

// bytes closes the object and returns it, with a final newline, or the
// first error met.
func (o *jsonObject) bytes() ([]byte, error) {
	if o.err != nil {
		return nil, o.err
	}
	if o.fields == 0 {
		o.buf.WriteString("{}\n")
	} else {
		o.buf.WriteString("\n}\n")
	}
	return o.buf.Bytes(), nil
}

func (o *jsonObject) write(data []byte, err error) {
	if err != nil && o.err == nil {
		o.err = err
	}
	o.buf.Write(data)
}
