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
	// Event is the id of the entry the article joins (event: ID), and
	// Separate keeps it apart from every automatic merge (separate:
	// true); see internal/merge.
	Event    string
	Separate bool
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
		handlers["event"] = func(v *yaml.Node) {
			a.Fields["event"] = d.pos(v)
			d.str("event", v, &a.Event)
		}
		handlers["separate"] = func(v *yaml.Node) {
			a.Fields["separate"] = d.pos(v)
			d.boolean("separate", v, &a.Separate)
		}
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
		checkGrouping(d, a)
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

// checkGrouping reports an annotation that both joins its article to an
// event and keeps it apart, or excludes it and groups it.
func checkGrouping(d *decoder, a *Annotation) {
	switch {
	case a.Event != "" && a.Separate:
		d.errorAt(a.Fields["separate"], "separate: set with event: %s (want event: to join the article to that entry, or separate: true to keep it apart, not both)", a.Event)
	case a.Exclude && (a.Event != "" || a.Separate):
		field := "event"
		if a.Separate {
			field = "separate"
		}
		d.errorAt(a.Fields[field], "%s: set on an excluded article (want exclude: true with a reason only, or no exclude)", field)
	case a.Event != "" && timeline.Slugify(a.Event) != a.Event:
		d.errorAt(a.Fields["event"], "event %q: not an entry id (want the id of an entry, e.g. %q)", a.Event, timeline.Slugify(a.Event))
	}
}
