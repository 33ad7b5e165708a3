package content

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"strings"
	"text/template"

	"github.com/newsroom/timeline/internal/timeline"
	"github.com/spf13/afero"
	"gopkg.in/yaml.v3"
)

// NewEntry writes a new entry file, content/entries/ID.yaml, with every
// field present and commented, ready to fill in. The id is the date and
// the title's slug ("2022-02-24-russia-invades"), with "-2", "-3"...
// added when an entry or file already has it. It never overwrites a
// file, and returns the path written.
func NewEntry(fsys afero.Fs, dir string, date timeline.Date, kind, title string) (string, error) {
	if strings.TrimSpace(title) == "" {
		return "", fmt.Errorf("title: missing (want the new entry's headline)")
	}
	if kind != "" && !contains(Kinds, kind) {
		return "", fmt.Errorf("kind %q: unknown kind (want one of %s)", kind, strings.Join(Kinds, ", "))
	}
	c, _ := Load(fsys, dir)
	taken := map[string]bool{}
	for _, e := range c.Entries {
		taken[e.ID] = true
	}
	base := timeline.Slugify(date.ISO() + " " + title)
	id := base
	for n := 2; ; n++ {
		exists, err := afero.Exists(fsys, path.Join(dir, "entries", id+".yaml"))
		if err != nil {
			return "", err
		}
		if !taken[id] && !exists {
			break
		}
		id = fmt.Sprintf("%s-%d", base, n)
	}
	data, err := NewEntryFile(id, date, kind, title)
	if err != nil {
		return "", err
	}
	p := path.Join(dir, "entries", id+".yaml")
	if err := fsys.MkdirAll(path.Dir(p), 0o755); err != nil {
		return "", fmt.Errorf("create %s: %w", path.Dir(p), err)
	}
	f, err := fsys.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return "", fmt.Errorf("create %s: %w", p, err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return "", fmt.Errorf("write %s: %w", p, err)
	}
	if err := f.Close(); err != nil {
		return "", fmt.Errorf("write %s: %w", p, err)
	}
	return p, nil
}

// NewEntryFile returns the text of a new entry file: id, date, kind and
// title filled in, every other field present, blank and commented.
func NewEntryFile(id string, date timeline.Date, kind, title string) ([]byte, error) {
	if kind == "" {
		kind = "other"
	}
	quoted, err := yaml.Marshal(&yaml.Node{Kind: yaml.ScalarNode, Style: yaml.DoubleQuotedStyle, Value: title})
	if err != nil {
		return nil, fmt.Errorf("quote title: %w", err)
	}
	var buf bytes.Buffer
	err = newEntryTemplate.Execute(&buf, map[string]string{
		"ID": id, "Date": date.String(), "Kind": kind, "Title": strings.TrimSpace(string(quoted)),
		"Kinds": strings.Join(Kinds, ", "),
	})
	return buf.Bytes(), err
}

var newEntryTemplate = template.Must(template.New("entry").Parse(`# A new entry, written by "gen new". Fill in what is known and leave the
# rest blank; docs/content.md describes every field.
# Run "gen check" to see any mistake with its line and column.
- id: {{.ID}}
  # ^ the stable slug of the entry's page: set once, never changed.
  date: {{.Date}}
  # ^ 2022, 2022-02, 2022-02-24 or 2022-02-24T05:00+02:00; ~2022-02 when approximate.
  end:
  # ^ optional last date of a range, in the same forms; not before date.
  title: {{.Title}}
  kind: {{.Kind}}
  # ^ one of {{.Kinds}}.
  summary:
  # ^ one or two sentences, Markdown.
  body:
  # ^ longer Markdown text; use "body: |" and indent the lines below it.
  participants: []
  # ^ for calls and meetings, the two sides, as named in people.yaml:
  #   [Lloyd Austin, Sergei Shoigu]. Contact intervals are counted from them.
  people: []
  # ^ everyone else the entry names, as in people.yaml.
  places: []
  tags: []
  sources: []
  # ^ where this comes from, one item per source, e.g.
  #   - article: 002_58abd7e94c42ac02.txt   (a file in content/articles/)
  #   - title: "Austin speaks with Shoigu"
  #     outlet: CNN
  #     url: https://edition.cnn.com/...     (http or https only)
  #     published: 2022-05-13
  outlet:
  # ^ the publication, when the entry is one outlet's report.
  note:
  # ^ the editors' own remark, shown apart from the sources' words.
  importance:
  # ^ 1 (minor) to 5 (turning point); blank when unsure.
  draft: false
  # ^ true keeps the entry out of the site.
`))
