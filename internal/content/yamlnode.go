package content

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/newsroom/timeline/internal/diag"
	"github.com/newsroom/timeline/internal/timeline"
	"gopkg.in/yaml.v3"
)

// maxNodes bounds the work of walking one YAML file, aliases included, so
// that a "billion laughs" file fails fast instead of exhausting memory.
const maxNodes = 200_000

// MaxYAMLSize is the largest YAML file or front matter decoded: parsing
// YAML takes tens of bytes of memory per byte of input, and a hand-written
// file this big is better split.
const MaxYAMLSize = 2 << 20

// maxFileDiags bounds the problems reported for one file: past it, one
// more line says the rest were left out, so a generated or hostile file
// cannot flood the report.
const maxFileDiags = 500

// decoder walks yaml.Nodes of one file, collecting every problem with its
// position instead of stopping at the first.
type decoder struct {
	path  string
	diags *diag.List
	// lineOffset is added to every reported line: front matter starts
	// after the opening "---" of a Markdown file.
	lineOffset int
	visited    int
	reported   int
	// params, when set, takes the keys of a mapping that are more than
	// two edits from every known key, instead of their being errors
	// (Markdown front matter written by other tools).
	params func(key, value *yaml.Node)
}

// pos returns the position of n in the file.
func (d *decoder) pos(n *yaml.Node) timeline.Position {
	return position(d.path, n.Line+d.lineOffset, n.Column)
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	d.errorAt(d.pos(n), format, args...)
}

// errorAt adds an error at pos. Past maxFileDiags problems in the file,
// one more line says the rest are left out.
func (d *decoder) errorAt(pos timeline.Position, format string, args ...any) {
	d.reported++
	switch {
	case d.reported <= maxFileDiags:
		d.diags.Add(pos.Path, pos.Line, pos.Col, format, args...)
	case d.reported == maxFileDiags+1:
		d.diags.Add(pos.Path, pos.Line, pos.Col, "too many problems: the first %d are shown (want fewer mistakes per file; fix these and run again)", maxFileDiags)
	}
}

// ok reports whether no problem was found in the file so far.
func (d *decoder) ok() bool { return d.reported == 0 }

// resolve follows aliases and counts the work done.
func (d *decoder) resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	d.visited++
	return n
}

// tooBig reports (once) whether the file has needed too much walking.
func (d *decoder) tooBig(n *yaml.Node) bool {
	if d.visited == maxNodes+1 {
		d.errorf(n, "file too complex: more than %d YAML nodes after expanding aliases (want a plain list of entries)", maxNodes)
		d.visited++
	}
	return d.visited > maxNodes
}

// fields walks a mapping node, calling the handler of each known key and
// reporting unknown keys (with the nearest known one), repeated keys and
// non-mapping nodes. what names the thing for messages ("entry"). It
// returns the known keys suggested for misspelt ones, so that a missing
// "title" is not reported again after "titel".
func (d *decoder) fields(n *yaml.Node, what string, handlers map[string]func(*yaml.Node)) (suggested map[string]bool) {
	suggested = map[string]bool{}
	n = d.resolve(n)
	if n == nil || d.tooBig(n) {
		return suggested
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s: got %s (want a mapping of key: value)", what, kindName(n))
		return suggested
	}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, value := n.Content[i], n.Content[i+1]
		if key.Kind == yaml.ScalarNode && key.Tag == "!!merge" {
			d.errorf(key, "merge keys (<<) are not supported (write the fields out)")
			continue
		}
		name := key.Value
		if prev, dup := seen[name]; dup {
			d.errorf(key, "%s: key repeated (first at line %d; want each key once)", name, prev.Line+d.lineOffset)
			continue
		}
		seen[name] = key
		handle, ok := handlers[name]
		if !ok {
			known := make([]string, 0, len(handlers))
			for k := range handlers {
				known = append(known, k)
			}
			if d.params != nil && NearestWithin(name, known, 2) == "" {
				d.params(key, value)
				continue
			}
			if near := Nearest(name, known); near != "" {
				suggested[near] = true
				d.errorf(key, "%s: unknown field; did you mean %q?", name, near)
			} else {
				d.errorf(key, "%s: unknown field (want one of %s)", name, strings.Join(sortedCopy(known), ", "))
			}
			continue
		}
		handle(value)
	}
	return suggested
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "something else"
}

// isNull reports whether n is empty ("key:" or "key: null"): an
// optional field left blank, as in the files gen new writes.
func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// str decodes a scalar string; a null leaves out unchanged.
func (d *decoder) str(field string, n *yaml.Node, out *string) {
	if n = d.value(field, n, yaml.ScalarNode, "want text"); n != nil {
		*out = n.Value
	}
}

// value returns n, resolved, when it is of kind; nil when it is null, or
// of another kind, which it reports as an error saying what it wants.
func (d *decoder) value(field string, n *yaml.Node, kind yaml.Kind, want string) *yaml.Node {
	n = d.resolve(n)
	if n == nil || isNull(n) {
		return nil
	}
	if n.Kind != kind {
		d.errorf(n, "%s: got %s (%s)", field, kindName(n), want)
		return nil
	}
	return n
}

// strs decodes a list of strings; a single string counts as a list of
// one. It returns the node of each string kept, in order.
func (d *decoder) strs(field string, n *yaml.Node, out *[]string) []*yaml.Node {
	n = d.resolve(n)
	if isNull(n) {
		return nil
	}
	if n.Kind == yaml.ScalarNode {
		if n.Value != "" {
			*out = append(*out, n.Value)
			return []*yaml.Node{n}
		}
		return nil
	}
	var nodes []*yaml.Node
	d.each(field, n, func(item *yaml.Node) {
		var s string
		d.str(field, item, &s)
		if s != "" {
			*out = append(*out, s)
			nodes = append(nodes, item)
		}
	})
	return nodes
}

// each calls fn for every item of a sequence node; a null is an empty
// list.
func (d *decoder) each(field string, n *yaml.Node, fn func(*yaml.Node)) {
	if n = d.value(field, n, yaml.SequenceNode, "want a list"); n == nil {
		return
	}
	for _, item := range n.Content {
		if item = d.resolve(item); d.tooBig(item) {
			return
		}
		fn(item)
	}
}

// date decodes a precision-aware date; a null leaves out unchanged.
func (d *decoder) date(field string, n *yaml.Node, out *timeline.Date) {
	if n = d.value(field, n, yaml.ScalarNode, timeline.DateFormats); n == nil {
		return
	}
	date, err := timeline.ParseDate(n.Value)
	if err != nil {
		d.errorf(n, "%s %q: %v", field, n.Value, err)
		return
	}
	*out = date
}

// boolean decodes true/false; a null leaves out unchanged.
func (d *decoder) boolean(field string, n *yaml.Node, out *bool) {
	n = d.resolve(n)
	if isNull(n) {
		return
	}
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		d.errorf(n, "%s: got %s (want true or false)", field, kindName(n))
		return
	}
	*out = strings.EqualFold(n.Value, "true")
}

// integer decodes a whole number within [lo, hi]; a null leaves out
// unchanged.
func (d *decoder) integer(field string, n *yaml.Node, lo, hi int, out *int) {
	n = d.resolve(n)
	if isNull(n) {
		return
	}
	v, err := strconv.Atoi(n.Value)
	if n.Kind != yaml.ScalarNode || err != nil || v < lo || v > hi {
		d.errorf(n, "%s: got %s (want a whole number from %d to %d)", field, kindName(n), lo, hi)
		return
	}
	*out = v
}
