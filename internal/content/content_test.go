package content

import (
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/diag"
	"github.com/newsroom/timeline/internal/sitetest"
)

// baseFiles is a small valid content folder; cases add or replace files.
var baseFiles = map[string]string{
	"content/site.yaml": "title: Test\nstart: 2021-12\nend: 2022-10\n",
	"content/people.yaml": "- name: Lloyd Austin\n  aliases: [Lloyd J. Austin]\n" +
		"- name: Sergei Shoigu\n  aliases: [Sergey Shoigu]\n",
	"content/articles/002_a.txt": "Austin and Shoigu speak\n\nThe two spoke.\n",
}

// loadFiles loads a content folder made of baseFiles and files (an empty
// value removes a base file) from an in-memory file system.
func loadFiles(t *testing.T, files map[string]string) (*Content, diag.List) {
	t.Helper()
	all := map[string]string{}
	for p, s := range baseFiles {
		all[p] = s
	}
	for p, s := range files {
		all[p] = s
		if s == "" && baseFiles[p] != "" {
			delete(all, p)
		}
	}
	c, diags := Load(sitetest.MapFs(t, all), "content")
	diags.Sort()
	return c, diags
}

func lines(l diag.List) []string {
	var out []string
	for _, d := range l {
		out = append(out, d.Error())
	}
	return out
}

func checkLines(t *testing.T, name string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\n got:\n  %s\nwant:\n  %s", name, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

const okEntry = "- id: 2022-02-18-call\n  date: 2022-02-18\n  title: A call\n"

func TestLoadDiagnostics(t *testing.T) {
	const calls, articles = "content/entries/calls.yaml", "content/articles/"
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"valid", map[string]string{calls: okEntry}, nil},
		{"day out of range", map[string]string{calls: "- id: a\n  date: 2022-02-30\n  title: A\n"}, []string{
			calls + `:2:9: date "2022-02-30": day 30 out of range for February 2022 (want YYYY, YYYY-MM or YYYY-MM-DD)`,
		}},
		{"misspelt key", map[string]string{calls: "- id: a\n  date: 2022-02-18\n  titel: A\n  title: A\n"}, []string{
			calls + `:3:3: titel: unknown field; did you mean "title"?`,
		}},
		{"unknown key far from any", map[string]string{calls: "id: a\ndate: 2022\ntitle: A\nzzzzzzzzzzzz: 1\n"}, []string{
			calls + ":4:1: zzzzzzzzzzzz: unknown field (want one of body, date, draft, end, id, importance, kind, note, outlet, participants, people, places, sources, summary, tags, title)",
		}},
		{"repeated key", map[string]string{calls: "id: a\ndate: 2022\ntitle: A\ndate: 2021\n"}, []string{
			calls + ":4:1: date: key repeated (first at line 2; want each key once)",
		}},
		{"missing required fields", map[string]string{calls: "- summary: nothing else\n- title: Russia invades\n  date: 2022-02-24\n"}, []string{
			calls + ":1:3: date: missing (want YYYY, YYYY-MM or YYYY-MM-DD)",
			calls + ":1:3: id: missing (want a stable slug, e.g. id: 2022-02-24-invasion)",
			calls + ":1:3: title: missing (want the entry's headline)",
			calls + ":2:3: id: missing (want a stable slug, e.g. id: 2022-02-24-russia-invades)",
		}},
		{"end before date", map[string]string{calls: "id: a\ndate: 2022-02-18\nend: 2022-02-17\ntitle: A\n"}, []string{
			calls + ":3:6: end 2022-02-17: before date 2022-02-18 (want an end on or after the date)",
		}},
		{"end in the same month", map[string]string{calls: "id: a\ndate: 2022-02-18\nend: 2022-02\ntitle: A\n"}, nil},
		{"source url not http", map[string]string{calls: "id: a\ndate: 2022\ntitle: A\nsources:\n  - url: javascript:alert(1)\n  - {url: 'ftp://x.org/a'}\n"}, []string{
			calls + `:5:10: url "javascript:alert(1)": not an http(s) link (want https://…)`,
			calls + `:6:11: url "ftp://x.org/a": not an http(s) link (want https://…)`,
		}},
		{"empty source", map[string]string{calls: "id: a\ndate: 2022\ntitle: A\nsources:\n  - outlet: CNN\n"}, []string{
			calls + ":5:5: source: empty (want article: a file in content/articles/, or url:, title:, outlet:)",
		}},
		{"bad kind, id, importance, draft", map[string]string{calls: "id: A b\ndate: 2022\ntitle: A\nkind: cal\nimportance: 9\ndraft: maybe\n"}, []string{
			calls + `:1:5: id "A b": not a slug (want lowercase letters, digits and dashes, e.g. "a-b")`,
			calls + `:4:7: kind "cal": unknown kind; did you mean "call"?`,
			calls + `:5:13: importance: got "9" (want a whole number from 0 to 5)`,
			calls + `:6:8: draft: got "maybe" (want true or false)`,
		}},
		{"wrong shapes", map[string]string{calls: "- id: a\n  date: [2022]\n  title: {a: b}\n  tags: {a: b}\n- just text\n"}, []string{
			calls + ":2:9: date: got a list (want YYYY, YYYY-MM or YYYY-MM-DD)",
			calls + ":3:10: title: got a mapping (want text)",
			calls + ":4:9: tags: got a mapping (want a list)",
			calls + `:5:3: entry: got "just text" (want a mapping of key: value)`,
		}},
		{"blank optional fields", map[string]string{calls: "id: a\ndate: 2022\ntitle: A\nend:\nsummary:\ntags: []\nsources:\nimportance:\ndraft:\n"}, nil},
		{"empty file", map[string]string{calls: ""}, []string{
			calls + ": warning: empty file: no entries (want one entry, or a list of them)",
		}},
		{"comments only", map[string]string{calls: "# nothing yet\n"}, []string{
			calls + ": warning: empty file: no entries (want one entry, or a list of them)",
		}},
		{"syntax error", map[string]string{calls: "id: a\ntitle: Austin: a call\n"}, []string{
			calls + ":2:1: YAML syntax: mapping values are not allowed in this context (want valid YAML; check indentation and quote values containing \": \")",
		}},
		{"tab indentation", map[string]string{calls: "- id: a\n  date: 2022\n\ttitle: A\n"}, []string{
			calls + ":3:1: YAML syntax: tab in indentation (want spaces: YAML does not allow tabs there)",
		}},
		{"invalid UTF-8", map[string]string{calls: "id: a\ntitle: ab\xff\n"}, []string{
			calls + ":2:10: invalid UTF-8 (want a UTF-8 text file)",
		}},
		{"BOM and CRLF", map[string]string{calls: "\xef\xbb\xbfid: a\r\ndate: 2022-02-30\r\ntitle: A\r\n"}, []string{
			calls + `:2:7: date "2022-02-30": day 30 out of range for February 2022 (want YYYY, YYYY-MM or YYYY-MM-DD)`,
		}},
		{"merge key", map[string]string{calls: "- &a {id: a, date: 2022, title: A}\n- <<: *a\n  id: b\n"}, []string{
			calls + ":2:3: date: missing (want YYYY, YYYY-MM or YYYY-MM-DD)",
			calls + ":2:3: merge keys (<<) are not supported (write the fields out)",
			calls + ":2:3: title: missing (want the entry's headline)",
		}},
		{"other files in entries", map[string]string{"content/entries/notes.txt": "x"}, []string{
			"content/entries/notes.txt: warning: ignored: not a .yaml or .yml file",
		}},
		{"missing site", map[string]string{"content/site.yaml": ""}, []string{
			"content/site.yaml: file not found",
		}},
		{"site problems", map[string]string{"content/site.yaml": "description: x\nbase_url: javascript:x\nstart: 2022-10\nend: 2022-01\nphases:\n  - {name: P, start: 2022-05, end: 2022-04-30}\n  - {description: x}\n"}, []string{
			"content/site.yaml:1:1: end 2022-01: before start 2022-10 (want the window's end on or after its start)",
			"content/site.yaml:1:1: title: missing (want the site's title)",
			`content/site.yaml:2:11: base_url "javascript:x": not an http(s) URL (want e.g. https://example.org/timeline/)`,
			"content/site.yaml:6:5: end 2022-04-30: before start 2022-05 (want a phase's end on or after its start)",
			"content/site.yaml:7:5: name: missing (want the phase's name)",
			"content/site.yaml:7:5: start: missing (want YYYY, YYYY-MM or YYYY-MM-DD)",
		}},
		{"people problems", map[string]string{"content/people.yaml": "- name: A\n  roles:\n    - {title: T, start: 2022-05, end: 2021}\n- aliases: [B]\n  contry: X\n"}, []string{
			"content/people.yaml:3:7: end 2021: before start 2022-05 (want a role's end on or after its start)",
			"content/people.yaml:4:3: name: missing (want the person's canonical name)",
			`content/people.yaml:5:3: contry: unknown field; did you mean "country"?`,
		}},
		{"one name for two people", map[string]string{"content/people.yaml": "- name: Sergei Shoigu\n  aliases: [Sergey Shoigu]\n- name: Sergey  shoigu\n- name: Sergey Lavrov\n  aliases: [Sergei Shoigu]\n"}, []string{
			`content/people.yaml:3:9: name "Sergey  shoigu": already a name of Sergei Shoigu (want each name to point at one person)`,
			`content/people.yaml:5:13: alias "Sergei Shoigu": already a name of Sergei Shoigu (want each name to point at one person)`,
		}},
		{"annotation problems", map[string]string{
			"content/annotations/a.yaml": "- date: 2022-02-01\n- article: 002_a.txt\n  exclude: true\n- article: 002_a.txt\n  exclude: true\n  reason: dup\n  title: X\n- article: 002_a.txt\n  date: 2022-03\n  end: 2022-02-01\n  notes: x\n",
		}, []string{
			"content/annotations/a.yaml:1:3: article: missing (want the annotated file, e.g. article: 000_example.txt)",
			"content/annotations/a.yaml:3:12: reason: missing (want why the article is excluded, e.g. reason: duplicate of 003)",
			"content/annotations/a.yaml:7:10: title: set on an excluded article (want exclude: true with a reason only, or no exclude)",
			"content/annotations/a.yaml:10:8: end 2022-02-01: before date 2022-03 (want an end on or after the date)",
			`content/annotations/a.yaml:11:3: notes: unknown field; did you mean "note"?`,
		}},
		{"empty annotation", map[string]string{"content/annotations/a.yaml": "\n"}, []string{
			"content/annotations/a.yaml: warning: empty file: no annotations (want article: and the fields it sets)",
		}},
		{"markdown article", map[string]string{"content/articles/m.md": "---\ntitle: T\ndate: 2022-02-31\ntitel: x\nslug: ignored\n---\n# Body\n"}, []string{
			`content/articles/m.md:3:7: date "2022-02-31": day 31 out of range for February 2022 (want YYYY, YYYY-MM or YYYY-MM-DD)`,
			`content/articles/m.md:4:1: titel: unknown field; did you mean "title"?`,
		}},
		{"markdown without front matter", map[string]string{"content/articles/m.md": "# Just a body\n"}, []string{
			`content/articles/m.md:1:1: no front matter (want a first line "---", YAML fields such as title: and date:, then "---")`,
		}},
		{"markdown front matter not closed", map[string]string{"content/articles/m.md": "---\ntitle: T\n"}, []string{
			`content/articles/m.md:1:1: front matter not closed (want a line "---" after the fields, before the Markdown body)`,
		}},
		{"markdown missing date and title", map[string]string{"content/articles/m.md": "---\r\ntags: [a]\r\n---\r\nBody\r\n"}, []string{
			"content/articles/m.md:1:1: date: missing in front matter (want YYYY, YYYY-MM or YYYY-MM-DD)",
			"content/articles/m.md:1:1: title: missing in front matter (want the article's headline)",
		}},
		{"markdown syntax error", map[string]string{"content/articles/m.md": "---\ntitle: T\ndate: [\n---\n"}, []string{
			"content/articles/m.md:3:1: YAML syntax: did not find expected node content (want valid YAML; check indentation and quote values containing \": \")",
		}},
		{"file too large", map[string]string{calls: strings.Repeat("#", MaxFileSize+1)}, []string{
			calls + ": file is 8388609 bytes (want at most 8388608; split it or remove it)",
		}},
		{"csv column present, written otherwise", map[string]string{
			articles + "x.csv":      "title,Pub Date,text\nA,2022-05-13,x\n",
			articles + "x.csv.yaml": "date: pub_date\n",
		}, nil},
		{"csv column missing", map[string]string{
			articles + "x.csv":      "title,pub_date,text\nA,2022-05-13,x\n",
			articles + "x.csv.yaml": "title: title\ndate: pubdat\n",
		}, []string{
			articles + `x.csv.yaml:2:7: field "pubdat" is not a column of x.csv (columns: title, pub_date, text; did you mean "pub_date"?)`,
		}},
		{"tsv column missing, nothing near", map[string]string{
			articles + "x.tsv":     "title\ttext\nA\tx\n",
			articles + "x.tsv.yml": "outlet:   provider\n",
		}, []string{
			articles + `x.tsv.yml:1:11: field "provider" is not a column of x.tsv (columns: title, text)`,
		}},
		{"jsonl field in some records", map[string]string{
			articles + "x.jsonl":      `{"text": "x"}` + "\n" + `{"text": "y", "meta": {"issued": "2022-05-13"}}` + "\n",
			articles + "x.jsonl.yaml": "date: meta.issued\n",
		}, nil},
		{"jsonl field in no record", map[string]string{
			articles + "x.jsonl":      `{"text": "x", "meta": {"issue": "2022-05-13"}}` + "\n" + `{"text": "y"}` + "\n",
			articles + "x.jsonl.yaml": "text: text\ndate: meta.issued\n",
		}, []string{
			articles + `x.jsonl.yaml:2:7: field "meta.issued" is in no record of x.jsonl (fields: meta.issue, text; did you mean "meta.issue"?)`,
		}},
		{"json array field in no record", map[string]string{
			articles + "x.json":      `{"results": [{"body": "x", "webTitle": "T"}]}`,
			articles + "x.json.yaml": "title: web_title\ntext: bodytext\n",
		}, []string{
			articles + `x.json.yaml:2:7: field "bodytext" is in no record of x.json (fields: body, webTitle; did you mean "body"?)`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := loadFiles(t, tt.files)
			checkLines(t, tt.name, lines(diags), tt.want)
		})
	}
}
