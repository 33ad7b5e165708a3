package content

import (
	"github.com/newsroom/timeline/internal/diag"
	"github.com/newsroom/timeline/internal/timeline"
	"gopkg.in/yaml.v3"
)

// Annotation corrects or completes what extraction reads from one
// article. Only fields that are set win over extraction; Set lists them.
type Annotation struct {
	// Article is the annotated file, relative to the content folder.
	Article string
	Entry   timeline.Entry
	Exclude bool
	Reason  string
	// Set lists the entry fields the annotation sets, in file order.
	Set []string
	// Fields holds where each field, "article" included, was written.
	Fields Fields
	Origin timeline.Position
}

// DecodeAnnotations reads an annotations file: one annotation mapping, or
// a list of them. Each names an article and sets fields that win over
// extraction, or excludes the article with a reason.
func DecodeAnnotations(p string, data []byte, diags *diag.List) []*Annotation {
	d := &decoder{path: p, diags: diags}
	root := d.parseYAML(data)
	if root == nil {
		if d.ok() {
			diags.Warn(p, 0, 0, "empty file: no annotations (want article: and the fields it sets)")
		}
		return nil
	}
	var out []*Annotation
	decodeOne := func(n *yaml.Node) {
		a := &Annotation{Origin: d.pos(n), Fields: Fields{}}
		refused := false // an article path refused is not reported missing too
		handlers := entryFields(d, &a.Entry, &a.Set, a.Fields)
		handlers["article"] = func(v *yaml.Node) {
			a.Fields["article"] = d.pos(v)
			d.str("article", v, &a.Article)
			written := a.Article
			if a.Article = d.articlePath(v, a.Article); a.Article == "" && written != "" {
				refused = true
			}
		}
		handlers["exclude"] = func(v *yaml.Node) {
			a.Fields["exclude"] = d.pos(v)
			d.boolean("exclude", v, &a.Exclude)
		}
		handlers["reason"] = func(v *yaml.Node) { d.str("reason", v, &a.Reason) }
		d.fields(n, "annotation", handlers)
		if n.Kind != yaml.MappingNode {
			return
		}
		if a.Article == "" && !refused {
			d.errorf(n, "article: missing (want the annotated file, e.g. article: 000_example.txt)")
		}
		if a.Exclude && a.Reason == "" {
			d.errorAt(a.Fields["exclude"], "reason: missing (want why the article is excluded, e.g. reason: duplicate of 003)")
		}
		if a.Exclude && len(a.Set) > 0 {
			d.errorAt(a.Fields[a.Set[0]], "%s: set on an excluded article (want exclude: true with a reason only, or no exclude)", a.Set[0])
		}
		d.checkRange(&a.Entry, a.Fields)
		out = append(out, a)
	}
	if root.Kind == yaml.SequenceNode {
		d.each("annotations", root, decodeOne)
	} else {
		decodeOne(root)
	}
	return out
}
