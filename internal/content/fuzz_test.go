package content

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/timeline/internal/diag"
)

// FuzzDecode feeds arbitrary bytes to every YAML reader of the load
// stage: entries, annotations, Markdown front matter, site and people.
// None may panic, and every problem must carry the file's path.
func FuzzDecode(f *testing.F) {
	seeds := []string{
		okEntry,
		"id: a\ndate: ~2022-02\nend: 2022-03\ntitle: A\nkind: call\nparticipants: [A, B]\nsources:\n  - {article: 002_a.txt}\n  - {url: 'https://x.org', published: 2022-02-24T05:00+02:00}\n",
		"- id: a\n  date: 2022-02-30\n  titel: A\n",
		"article: 000_x.txt\ndate: 2022-02-01\nexclude: true\n",
		"---\ntitle: T\ndate: 2022-02-24\ntags: [a]\ndraft: true\n---\n# Body\n",
		"---\r\ntitle: T\r\n",
		"\xef\xbb\xbfid: a\r\n\tdate: 2022\r\n",
		"a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n",
		"- <<: *a\n",
		"- &a {id: a}\n- *a\n- [[[]]]\n- {? [k]: v}\n",
		"id: \xff\n",
		"",
		"title: T\nstart: 2022\nphases: [{name: P, start: 2022}]\n",
		"- name: A\n  roles: [{title: T, start: 2022, end: 2021}]\n",
		"- id: a\n---\n- id: b\n", "a: *nowhere\n", "title: a\x00b\n", "- {id: ../x, name: A}\n- {name: A}\n",
		"title: T\nphases: [{name: P, start: 2022-01, end: 2022-03}, {name: Q, start: 2022-02}]\n",
		"- id: a\n  sources: [{article: ../../etc/passwd}]\n", "---\ntitle: T\ndate: 2022\n---\n|a|\n|-|\n" + strings.Repeat(">", 40) + "\n",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 256<<10 {
			return // the size limits are TestHostileInput's
		}
		slow := time.AfterFunc(5*time.Second, func() { panic(fmt.Sprintf("decoding %q took over 5s", data)) })
		defer slow.Stop()
		var diags diag.List
		DecodeEntries("e.yaml", data, &diags)
		DecodeAnnotations("a.yaml", data, &diags)
		DecodeMarkdownArticle("content", "articles/m.md", data, &diags)
		decodeSite("site.yaml", data, &diags)
		decodePeople("people.yaml", data, &diags)
		for _, d := range diags {
			if d.Path == "" || d.Message == "" {
				t.Errorf("diagnostic without path or message: %+v", d)
			}
		}
	})
}
