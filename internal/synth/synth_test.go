package synth_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/build"
	"github.com/newsroom/timeline/internal/content"
	"github.com/newsroom/timeline/internal/sitetest"
	"github.com/newsroom/timeline/internal/synth"
	"github.com/newsroom/timeline/templates"
	"github.com/spf13/afero"
)

func generate(t *testing.T, opts synth.Options) afero.Fs {
	t.Helper()
	fsys := afero.NewMemMapFs()
	if err := synth.Generate(fsys, "site", opts); err != nil {
		t.Fatalf("Generate: %v", err)
	}
	return fsys
}

func TestSameSeedSameFiles(t *testing.T) {
	opts := synth.Options{Articles: 40, Markdown: 10, Seed: 7}
	first, second := sitetest.Tree(t, generate(t, opts), "site"), sitetest.Tree(t, generate(t, opts), "site")
	if !reflect.DeepEqual(first, second) {
		t.Error("two corpora from the same seed differ")
	}
	opts.Seed = 8
	if other := sitetest.Tree(t, generate(t, opts), "site"); reflect.DeepEqual(first, other) {
		t.Error("corpora from seeds 7 and 8 are identical")
	}
}

// TestArticlesDoNotDependOnCount checks that article i is the same in a
// small corpus and a larger one, so corpora of growing N are prefixes.
func TestArticlesDoNotDependOnCount(t *testing.T) {
	small := sitetest.Tree(t, generate(t, synth.Options{Articles: 10, Seed: 1}), "site/content/articles")
	large := sitetest.Tree(t, generate(t, synth.Options{Articles: 30, Seed: 1}), "site/content/articles")
	for p, data := range small {
		if large[p] != data {
			t.Errorf("%s differs between 10 and 30 articles", p)
		}
	}
}

func TestCounts(t *testing.T) {
	tests := []struct {
		name                    string
		opts                    synth.Options
		txt, md, entries, annot int
		hugo                    bool
	}{
		{"raw", synth.Options{Articles: 100, Seed: 1}, 100, 0, 20, 25, false},
		{"mixed", synth.Options{Articles: 200, Markdown: 50, Seed: 1}, 200, 50, 50, 50, false},
		{"markdown only", synth.Options{Markdown: 60, Seed: 1, Hugo: true}, 0, 60, 20, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := generate(t, tt.opts)
			got := map[string]int{}
			for p, data := range sitetest.Tree(t, fsys, "site") {
				switch {
				case strings.HasSuffix(p, ".txt"):
					got["txt"]++
				case strings.HasSuffix(p, ".md"):
					got["md"]++
				case strings.HasPrefix(p, "content/entries/"):
					got["entries"] += strings.Count(data, "\n- id: ") + 1
				case strings.HasPrefix(p, "content/annotations/"):
					got["annotations"] += strings.Count(data, "\n- article: ") + 1
				case p == "hugo.toml":
					got["hugo"]++
				}
			}
			want := map[string]int{"txt": tt.txt, "md": tt.md, "entries": tt.entries, "annotations": tt.annot}
			if tt.hugo {
				want["hugo"] = 1
			}
			for k, v := range want {
				if v == 0 {
					delete(want, k)
				}
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got %v, want %v", got, want)
			}
		})
	}
}

func TestArticleSizes(t *testing.T) {
	const lo, hi = 3 << 10, 10 << 10
	fsys := generate(t, synth.Options{Articles: 300, Markdown: 100, Seed: 3})
	for p, data := range sitetest.Tree(t, fsys, "site/content/articles") {
		if n := len(data); n < lo || n > hi {
			t.Errorf("%s: %d bytes (want %d to %d)", p, n, lo, hi)
		}
	}
}

// TestRawArticlesLookScraped checks that the raw articles carry the
// features of the seeds that extraction must cope with.
func TestRawArticlesLookScraped(t *testing.T) {
	fsys := generate(t, synth.Options{Articles: 200, Seed: 5})
	features := map[string]string{
		"byline":           "By ",
		"Dawn trailer":     "Published in ",
		"source link":      "Source link",
		"date marker":      " date 2022-",
		"advertisement":    "\nAdvertisement\n",
		"navigation":       "Home » News » ",
		"sidebar":          "Latest Posts",
		"relative weekday": "on Friday",
		"alias spelling":   "Sergey Shoigu",
	}
	all := strings.Builder{}
	for _, data := range sitetest.Tree(t, fsys, "site/content/articles") {
		all.WriteString(data)
	}
	for name, text := range features {
		if !strings.Contains(all.String(), text) {
			t.Errorf("no article has a %s (%q)", name, text)
		}
	}
}

func TestGeneratedContentBuilds(t *testing.T) {
	tests := []struct {
		name string
		opts synth.Options
	}{
		{"raw and markdown", synth.Options{Articles: 50, Markdown: 20, Seed: 11}},
		{"markdown only", synth.Options{Markdown: 50, Seed: 11, Hugo: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := generate(t, tt.opts)
			c, diags := content.Load(fsys, "site/content")
			if err := diags.Err(); err != nil {
				t.Fatalf("content.Load: %v", err)
			}
			if got, want := len(c.Articles), tt.opts.Articles; got != want {
				t.Errorf("loaded %d raw articles, want %d", got, want)
			}
			res, err := build.Build(fsys, build.Options{
				ContentDir: "site/content", TemplatesDir: "site/templates",
				OutputDir: "site/public", DefaultTemplates: templates.FS,
			})
			if err != nil {
				t.Fatalf("Build: %v", err)
			}
			if res.Entries == 0 || res.Pages <= tt.opts.Articles {
				t.Errorf("built %d entries, %d pages", res.Entries, res.Pages)
			}
		})
	}
}

func TestRejectsRawArticlesForHugo(t *testing.T) {
	err := synth.Generate(afero.NewMemMapFs(), "site", synth.Options{Articles: 1, Hugo: true})
	if err == nil {
		t.Error("Generate wrote raw articles into a Hugo site")
	}
}
