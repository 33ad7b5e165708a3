package content

import (
	"strings"
	"testing"
)

// TestValidation checks each rule of the load stage that guards the
// output and the reader against a hostile or careless content folder,
// with the exact place each problem is reported.
func TestValidation(t *testing.T) {
	const e = "content/entries/e.yaml"
	long := strings.Repeat("a", 201)
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"empty id", map[string]string{e: "- id: ''\n  date: 2022\n  title: A\n"},
			[]string{e + `:1:7: id "": empty (want a slug of lowercase letters, digits and dashes)`}},
		{"long id", map[string]string{e: "- id: " + long + "\n  date: 2022\n  title: A\n"},
			[]string{e + `:1:7: id "` + long[:40] + `"…: 201 bytes (want at most 200)`}},
		{"id with dot-dot", map[string]string{e: "- id: ../../etc\n  date: 2022\n  title: A\n"},
			[]string{e + `:1:7: id "../../etc": not a slug (want lowercase letters, digits and dashes, e.g. "etc")`}},
		{"id with slash", map[string]string{e: "- id: a/b\n  date: 2022\n  title: A\n"},
			[]string{e + `:1:7: id "a/b": not a slug (want lowercase letters, digits and dashes, e.g. "a-b")`}},
		{"phase id", map[string]string{"content/site.yaml": "title: T\nphases:\n  - {id: ../x, name: P, start: 2022}\n"},
			[]string{`content/site.yaml:3:10: id "../x": not a slug (want lowercase letters, digits and dashes, e.g. "x")`}},
		{"phase name gives no id", map[string]string{"content/site.yaml": "title: T\nphases:\n  - {name: '!!', start: 2022}\n"},
			[]string{`content/site.yaml:3:5: id: the phase's name gives the id "", which is empty (want a slug of lowercase letters, digits and dashes) (set id: to a slug)`}},
		{"phase ids twice", map[string]string{"content/site.yaml": "title: T\nphases:\n  - {id: p, name: P, start: 2022-01, end: 2022-02}\n  - {id: p, name: Q, start: 2022-03}\n"},
			[]string{`content/site.yaml:4:5: id "p": a phase of the same id is at line 3 (want each phase's id once)`}},
		{"overlapping phases", map[string]string{"content/site.yaml": "title: T\nphases:\n  - {name: P, start: 2022-01-01, end: 2022-03-01}\n  - {name: Q, start: 2022-02-15}\n"},
			[]string{`content/site.yaml:4:5: phase "Q" starts 2022-02-15, before phase "P" (line 3) ends 2022-03-01 (want phases that do not overlap)`}},
		{"phases touching", map[string]string{"content/site.yaml": "title: T\nphases:\n  - {name: P, start: 2022-01-01, end: 2022-02-14}\n  - {name: Q, start: 2022-02-15}\n"},
			nil},
		{"person id", map[string]string{"content/people.yaml": "- {id: ../x, name: A}\n"},
			[]string{`content/people.yaml:1:8: id "../x": not a slug (want lowercase letters, digits and dashes, e.g. "x")`}},
		{"same person twice", map[string]string{"content/people.yaml": "- name: Lloyd Austin\n- name: lloyd  austin\n"},
			[]string{`content/people.yaml:2:9: name "lloyd  austin": the person at line 1 has the same name (want each person once; merge the two)`}},
		{"same person id", map[string]string{"content/people.yaml": "- {name: A B}\n- {name: A.B}\n"},
			[]string{`content/people.yaml:2:3: id "a-b": the person at line 1 has the same id (want each person once; give one of them another id:)`}},
		{"article outside", map[string]string{e: "- id: a\n  date: 2022\n  title: A\n  sources: [{article: ../../x.txt}]\n"},
			[]string{e + `:4:23: article "../../x.txt": outside content/articles/ (want a file name in content/articles/, e.g. article: 002_x.txt)`}},
		{"annotation outside", map[string]string{"content/annotations/a.yaml": "article: /etc/passwd\ndate: 2022\n"},
			[]string{`content/annotations/a.yaml:1:10: article "/etc/passwd": outside content/articles/ (want a file name in content/articles/, e.g. article: 002_x.txt)`}},
		{"empty site", map[string]string{"content/site.yaml": "# nothing\n"},
			[]string{`content/site.yaml: empty file (want the site's title:, and its start:, end: and phases:)`}},
		{"second document", map[string]string{e: "- id: a\n  date: 2022\n  title: A\n---\n- id: b\n  date: 2022\n  title: B\n"},
			[]string{e + `:4:1: a second YAML document ("---"): its fields would be ignored (want one document per file; remove the "---" line or move what follows to a file of its own)`}},
		{"NUL byte", map[string]string{e: "- id: a\n  date: 2022\n  title: A\x00B\n"},
			[]string{e + `:3:11: control character U+0000 (want text; YAML allows none but tab and line ends)`}},
		{"escape byte", map[string]string{"content/people.yaml": "- name: \x1b[31mRed\n"},
			[]string{`content/people.yaml:1:9: control character U+001B (want text; YAML allows none but tab and line ends)`}},
		{"unknown anchor", map[string]string{"content/site.yaml": "title: T\ndescription: *nowhere\n"},
			[]string{`content/site.yaml:2:14: YAML syntax: alias *nowhere names no anchor (want an anchor &nowhere defined before it, or no alias)`}},
		{"empty Markdown", map[string]string{"content/articles/m.md": "\n \n"},
			[]string{`content/articles/m.md: warning: empty file: no entry (want front matter with title: and date:, then the Markdown body)`}},
		{"Markdown body not UTF-8", map[string]string{"content/articles/m.md": "---\ntitle: T\ndate: 2022\n---\nok\nbad \xff byte\n"},
			[]string{`content/articles/m.md:6:5: warning: invalid UTF-8, shown as U+FFFD (want a UTF-8 text file)`}},
		{"Markdown name gives no id", map[string]string{"content/articles/---.md": "---\ntitle: T\ndate: 2022\n---\n"},
			[]string{`content/articles/---.md:1:1: id: the file name gives the id "", which is empty (want a slug of lowercase letters, digits and dashes) (set id: to a slug)`}},
		{"Markdown name gives no id, id set", map[string]string{"content/articles/---.md": "---\nid: dashes\ntitle: T\ndate: 2022\n---\n"},
			nil},
		{"raw name gives no id", map[string]string{"content/articles/___.txt": "Text\n"},
			[]string{`content/articles/___.txt: id: the file name gives the id "", which is empty (want a slug of lowercase letters, digits and dashes) (rename the file)`}},
		{"Markdown table bomb", map[string]string{"content/articles/m.md": "---\ntitle: T\ndate: 2022\n---\nText.\n\n|" + strings.Repeat("a|", 2000) + "\n|" + strings.Repeat("-|", 2000) + "\n" + strings.Repeat("|\n", 100)},
			[]string{`content/articles/m.md:57:1: tables of more than 100000 cells, rows times columns (want smaller tables)`}},
		{"YAML body too deep", map[string]string{e: "- id: a\n  date: 2022\n  title: A\n  body: |\n    fine\n    " + strings.Repeat(">", 50) + " x\n"},
			[]string{e + `:6:52: body: lists, quotes or indentation 50 levels deep (want at most 32)`}},
		{"YAML summary brackets", map[string]string{e: "- id: a\n  date: 2022\n  title: A\n  summary: '" + strings.Repeat("[", 40) + "'\n"},
			[]string{e + `:4:12: summary: more than 32 brackets open at once (want at most 32)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := loadFiles(t, tt.files)
			checkLines(t, tt.name, lines(diags), tt.want)
		})
	}
}
