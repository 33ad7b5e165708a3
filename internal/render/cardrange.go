package render

import (
	"html/template"
	"text/template/parse"
)

// useCardRanges replaces, in every template of page, each range whose
// body is only {{template "entry-item" (item P . L)}}, where neither P
// nor L depends on the element, by {{executedCards P RANGE L}}: the same bytes,
// without executing a template and three functions for every entry of
// a listing (about 2 µs each). It does nothing when page defines
// "entry-item" itself, whose own definition is then executed as
// written. It must run before page is first executed, and on a page
// template of its own: the trees it changes are page's (a clone's
// trees are copies).
func useCardRanges(page *template.Template) {
	if own := page.Lookup("entry-item"); own == nil || own.Tree.Root.String() != executedOnce["entry-item"] {
		return
	}
	for _, t := range page.Templates() {
		if t.Tree != nil {
			rewriteCardRanges(t.Tree.Root)
		}
	}
}

// rewriteCardRanges rewrites the card ranges of list and of the lists
// nested in it.
func rewriteCardRanges(list *parse.ListNode) {
	if list == nil {
		return
	}
	for i, n := range list.Nodes {
		var branch *parse.BranchNode
		switch n := n.(type) {
		case *parse.IfNode:
			branch = &n.BranchNode
		case *parse.WithNode:
			branch = &n.BranchNode
		case *parse.RangeNode:
			if call := cardRange(n); call != nil {
				list.Nodes[i] = call
				continue
			}
			branch = &n.BranchNode
		}
		if branch != nil {
			rewriteCardRanges(branch.List)
			rewriteCardRanges(branch.ElseList)
		}
	}
}

// cardRange returns the executedCards action that does what r does, or
// nil when r is not a card range.
func cardRange(r *parse.RangeNode) *parse.ActionNode {
	if len(r.Pipe.Decl) > 0 || r.ElseList != nil || r.List == nil || len(r.List.Nodes) != 1 {
		return nil
	}
	call, ok := r.List.Nodes[0].(*parse.TemplateNode)
	if !ok || call.Name != "entry-item" || call.Pipe == nil || len(call.Pipe.Decl) > 0 || len(call.Pipe.Cmds) != 1 {
		return nil
	}
	args := call.Pipe.Cmds[0].Args
	if inner, ok := args[0].(*parse.PipeNode); ok && len(args) == 1 && len(inner.Decl) == 0 && len(inner.Cmds) == 1 {
		args = inner.Cmds[0].Args // (item P . L)
	}
	if len(args) != 4 || !isIdentifier(args[0], "item") || args[2].Type() != parse.NodeDot || !invariant(args[1]) || !invariant(args[3]) {
		return nil
	}
	fn := parse.NewIdentifier("executedCards").SetPos(r.Pos)
	cmd := &parse.CommandNode{NodeType: parse.NodeCommand, Pos: r.Pos, Args: []parse.Node{fn, args[1], r.Pipe, args[3]}}
	return &parse.ActionNode{NodeType: parse.NodeAction, Pos: r.Pos, Line: r.Line,
		Pipe: &parse.PipeNode{NodeType: parse.NodePipe, Pos: r.Pos, Line: r.Line, Cmds: []*parse.CommandNode{cmd}}}
}

func isIdentifier(n parse.Node, name string) bool {
	id, ok := n.(*parse.IdentifierNode)
	return ok && id.Ident == name
}

// invariant reports whether n has the same value for every element of a
// range: a variable (none is declared inside a card range), a constant,
// or a call of the template functions, which have no side effects, on
// such values.
func invariant(n parse.Node) bool {
	switch n := n.(type) {
	case *parse.VariableNode, *parse.NumberNode, *parse.StringNode, *parse.BoolNode:
		return true
	case *parse.PipeNode:
		if len(n.Decl) > 0 {
			return false
		}
		for _, cmd := range n.Cmds {
			for i, arg := range cmd.Args {
				if _, fn := arg.(*parse.IdentifierNode); !(fn && i == 0) && !invariant(arg) {
					return false
				}
			}
		}
		return true
	}
	return false
}
