package content

import (
	"github.com/newsroom/timeline/internal/diag"
	"gopkg.in/yaml.v3"
)

// DecodeAnnotations reads an annotations file: one annotation mapping, or
// a list of them. Each names an article and sets fields that win over
// extraction, or excludes the article with a reason.
func DecodeAnnotations(p string, data []byte, diags *diag.List) []*Annotation {
	d := &decoder{path: p, diags: diags}
	root := d.parseYAML(data)
	if root == nil {
		if len(diags.Errors()) == 0 {
			diags.Warn(p, 0, 0, "empty file: no annotations")
		}
		return nil
	}
	var out []*Annotation
	decodeOne := func(n *yaml.Node) {
		a := &Annotation{Origin: position(p, n.Line, n.Column)}
		handlers := entryFields(d, &a.Entry, &a.Set)
		handlers["article"] = func(v *yaml.Node) {
			d.str("article", v, &a.Article)
			a.Article = cleanArticlePath(a.Article)
		}
		handlers["exclude"] = func(v *yaml.Node) { d.boolean("exclude", v, &a.Exclude) }
		handlers["reason"] = func(v *yaml.Node) { d.str("reason", v, &a.Reason) }
		d.fields(n, "annotation", handlers)
		if a.Article == "" {
			d.errorf(n, "article: missing (want the annotated file, e.g. article: 000_example.txt)")
		}
		if a.Exclude && a.Reason == "" {
			d.errorf(n, "reason: missing (want why the article is excluded)")
		}
		out = append(out, a)
	}
	if root.Kind == yaml.SequenceNode {
		d.each("annotations", root, decodeOne)
	} else {
		decodeOne(root)
	}
	return out
}
