package render

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/newsroom/timeline/internal/boundary"
	"github.com/spf13/afero"
)

// Templates are the parsed page templates and the static assets of a site.
type Templates struct {
	pages  map[string]*template.Template
	assets map[string][]byte
	// Files lists every template and asset file with where it came
	// from: "default" or the override folder's path.
	Files map[string]string
	// digest hashes every file's name and bytes: pages rendered with
	// templates of the same digest can be kept between Renders.
	digest [sha256.Size]byte
	// stock is true when the page templates (the .html files) are the
	// defaults, byte for byte: RenderBodies relies on what they show.
	stock bool
}

// maxTemplateSize is the largest template or asset file read.
const maxTemplateSize = 8 << 20

// LoadTemplates reads the default templates from defaults and overrides
// each with the file of the same name in overrideDir of fsys, when there
// is one, read through the folder's boundary (internal/boundary): only
// regular files inside it, of at most maxTemplateSize bytes. Template
// errors name the file and line.
func LoadTemplates(defaults fs.FS, fsys afero.Fs, overrideDir string) (*Templates, error) {
	files, origin, err := readTemplates(defaults, fsys, overrideDir)
	if err != nil {
		return nil, err
	}
	defaultFiles, _, err := readTemplates(defaults, fsys, "")
	if err != nil {
		return nil, err
	}
	t := &Templates{pages: map[string]*template.Template{}, assets: map[string][]byte{}, Files: origin, stock: true}
	for name, data := range files {
		if def, ok := defaultFiles[name]; strings.HasSuffix(name, ".html") && (!ok || !bytes.Equal(def, data)) {
			t.stock = false
		}
	}
	sum := sha256.New()
	for _, name := range sortedKeys(files) {
		fmt.Fprintf(sum, "%s\x00%d\x00", name, len(files[name]))
		sum.Write(files[name])
	}
	sum.Sum(t.digest[:0])
	if err := t.parse(files, origin); err != nil {
		return nil, err
	}
	for _, required := range RequiredTemplates {
		if t.pages[required] == nil {
			return nil, fmt.Errorf("templates: %s missing (want it in the defaults or the templates folder)", required)
		}
	}
	return t, nil
}

// readTemplates returns the default template and asset files of
// defaults, each overridden by the file of the same name in overrideDir
// of fsys, when there is one, with where each came from: "default" or
// the override's path.
func readTemplates(defaults fs.FS, fsys afero.Fs, overrideDir string) (files map[string][]byte, origin map[string]string, err error) {
	files, origin = map[string][]byte{}, map[string]string{}
	names, err := fs.Glob(defaults, "*")
	if err != nil {
		return nil, nil, err
	}
	for _, name := range names {
		data, err := fs.ReadFile(defaults, name)
		if err != nil {
			return nil, nil, fmt.Errorf("read default template %s: %w", name, err)
		}
		if strings.HasSuffix(name, ".go") {
			continue
		}
		files[name], origin[name] = data, "default"
	}
	if overrideDir == "" {
		return files, origin, nil
	}
	entries, err := afero.ReadDir(fsys, overrideDir)
	if err != nil {
		return files, origin, nil // no templates folder: the defaults
	}
	for _, info := range entries {
		name := info.Name()
		if info.IsDir() || strings.HasPrefix(name, ".") || strings.HasSuffix(name, ".go") {
			continue
		}
		p := path.Join(overrideDir, name)
		data, err := boundary.ReadFile(fsys, overrideDir, p, maxTemplateSize)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", p, err)
		}
		files[name], origin[name] = data, p
	}
	return files, origin, nil
}

// parse parses layout.html, with the layout's templates that are
// executed once (useExecutedOnce), then every page template over a clone
// of it; the other files are assets.
func (t *Templates) parse(files map[string][]byte, origin map[string]string) error {
	layout, ok := files["layout.html"]
	if !ok {
		return fmt.Errorf("templates: layout.html missing")
	}
	base, err := template.New("layout.html").Funcs(funcs).Parse(string(layout))
	if err == nil {
		err = useExecutedOnce(base)
	}
	if err != nil {
		return templateError(origin["layout.html"], err)
	}
	for _, name := range sortedKeys(files) {
		switch {
		case name == "layout.html":
		case strings.HasSuffix(name, ".html"):
			page, err := base.Clone()
			if err == nil {
				_, err = page.New(name).Parse(string(files[name]))
			}
			if err != nil {
				return templateError(origin[name], err)
			}
			useCardRanges(page)
			t.pages[name] = page
		default:
			t.assets[name] = files[name]
		}
	}
	return nil
}

// templateError prefixes a parse error with the file it came from, so
// that an override's mistake is found in the right folder.
func templateError(origin string, err error) error {
	if origin == "default" {
		return fmt.Errorf("default templates: %w", err)
	}
	return fmt.Errorf("%s: %w", origin, err)
}

func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}

// RequiredTemplates are the page templates every site needs, from the
// defaults or the templates folder.
var RequiredTemplates = []string{
	"index.html", "entry.html", "article.html", "person.html", "tag.html",
	"month.html", "phase.html", "taxonomy.html", "404.html",
}
