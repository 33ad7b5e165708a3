package webpage

import (
	"os"
	"testing"
)

func FuzzRead(f *testing.F) {
	if data, err := os.ReadFile("testdata/article.html"); err == nil {
		f.Add(data)
	}
	f.Add([]byte(page(`<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2020-01-02","author":[[{"name":"x"}]]}]}</script>`, "<h1>T</h1><p>x</p>")))
	f.Add([]byte("<meta charset=\"shift_jis\"><title>\x82\xa0</title>"))
	f.Add([]byte("\xff\xfe<\x00p\x00>\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Read(data, nil)
		if err != nil {
			return
		}
		for _, b := range p.Blocks {
			if b.Offset < 0 || b.Text == "" {
				t.Fatalf("block %+v", b)
			}
		}
	})
}
