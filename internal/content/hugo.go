package content

import (
	"github.com/newsroom/timeline/internal/timeline"
	"gopkg.in/yaml.v3"
)

// hugoField accepts Hugo front-matter keys that have a meaning here
// (description is the summary; categories add tags) and checks the
// others' shape without using them.
func (d *decoder) hugoField(key string, n *yaml.Node, e *timeline.Entry) {
	switch key {
	case "description":
		d.str(key, n, &e.Summary)
	case "categories":
		d.strs(key, n, &e.Tags)
	case "author", "authors", "aliases":
		var ignored []string
		d.strs(key, n, &ignored)
	case "publishDate", "lastmod":
		var ignored timeline.Date
		d.date(key, n, &ignored)
	default:
		d.resolve(n)
	}
}
