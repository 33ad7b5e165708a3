package content

import (
	"fmt"
	"path"
	"strings"

	"github.com/newsroom/timeline/internal/dataset"
	"github.com/newsroom/timeline/internal/diag"
	"github.com/newsroom/timeline/internal/timeline"
)

// maxListedFields bounds the field names a message lists.
const maxListedFields = 20

// checkMapping reports each field the mapping of d names that the
// dataset lacks (dataset.Fields.Unmapped), where the mapping file
// (named, by key) writes it, with the fields there are and the nearest
// one.
func checkMapping(d *dataset.Dataset, fields *dataset.Fields, named map[string]timeline.Position, diags *diag.List) {
	if len(named) == 0 {
		return
	}
	what, where := "is not a column of", "columns"
	if fields.Header == nil {
		what, where = "is in no record of", "fields"
	}
	for _, u := range fields.Unmapped(&d.Mapping) {
		pos, ok := named[u.Key]
		if !ok {
			continue
		}
		diags.Add(pos.Path, pos.Line, pos.Col, "field %q %s %s (%s: %s%s)", u.Name, what, path.Base(d.Path), where, listFields(fields.Names), suggestField(u.Name, fields.Names))
	}
}

// listFields lists names for a message, the first maxListedFields of
// them.
func listFields(names []string) string {
	if len(names) == 0 {
		return "none"
	}
	if len(names) > maxListedFields {
		return fmt.Sprintf("%s, and %d more", strings.Join(names[:maxListedFields], ", "), len(names)-maxListedFields)
	}
	return strings.Join(names, ", ")
}

// suggestField returns `; did you mean "x"?` for the field of names
// nearest to name, ignoring case, or "".
func suggestField(name string, names []string) string {
	written := map[string]string{}
	lower := make([]string, 0, len(names))
	for _, n := range names {
		l := strings.ToLower(n)
		if _, dup := written[l]; !dup {
			written[l] = n
			lower = append(lower, l)
		}
	}
	if near := Nearest(strings.ToLower(name), lower); near != "" {
		return fmt.Sprintf("; did you mean %q?", written[near])
	}
	return ""
}
