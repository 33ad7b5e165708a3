package hostile

import (
	"strings"
	"testing"
)

func TestInjections(t *testing.T) {
	tests := []struct {
		name, data string
		want       string // part of the first finding, or "" for none
	}{
		{"a.html", `<p>&lt;script&gt;XSSMARK()&lt;/script&gt; <a href="https://x.org/">x</a></p>`, ""},
		{"a.html", `<p><script>XSSMARK()</script></p>`, "inside a <script>"},
		{"a.html", `<img src=x onerror=XSSMARK()>`, "event handler onerror"},
		{"a.html", `<a href=" JaVa&#x09;Script:x">x</a>`, `href=" JaVa`},
		{"a.html", `<a href="%6Aavascript:x">x</a>`, "href="},
		{"a.html", `<a href="data:text/html,x">x</a>`, "href="},
		{"a.html", `<XSSMARK>`, "element <xssmark>"},
		{"t.json", `{"events":[{"text":{"headline":"&lt;img src=x onerror=XSSMARK()&gt;"}}]}`, ""},
		{"t.json", `{"events":[{"text":{"headline":"<img src=x onerror=XSSMARK()>"}}]}`, "headline: event handler"},
		{"t.json", `{"title":"<img src=x onerror=XSSMARK()>"}`, ""},
		{"t.json", `{"group":"&lt;img src=x onerror=XSSMARK()&gt;"}`, "group: event handler"},
		{"t.json", `{"group":"&amp;lt;img src=x onerror=XSSMARK()&amp;gt;"}`, ""},
		{"t.json", `{"url":"vbscript:x"}`, `url: URL "vbscript:x"`},
		{"f.xml", `<feed><content type="html">&lt;script&gt;XSSMARK()&lt;/script&gt;</content></feed>`, "inside a <script>"},
		{"f.xml", `<feed><title>&lt;script&gt;XSSMARK()&lt;/script&gt;</title></feed>`, ""},
		{"f.xml", `<feed><link href="javascript:x"/></feed>`, `<link href="javascript:x">`},
		{"s.js", `var a = "XSSMARK";`, "marker in a .js file"},
	}
	for _, tt := range tests {
		got := Injections(tt.name, []byte(tt.data))
		switch {
		case tt.want == "" && len(got) > 0:
			t.Errorf("%s %q: found %v, want nothing", tt.name, tt.data, got)
		case tt.want != "" && (len(got) == 0 || !strings.Contains(got[0], tt.want)):
			t.Errorf("%s %q: found %v, want %q", tt.name, tt.data, got, tt.want)
		}
	}
}
