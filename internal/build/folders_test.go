package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/sitetest"
	"github.com/spf13/afero"
)

// TestNestedFoldersRefused checks that an output folder inside the
// content or templates folder, or either inside the output folder, is
// refused before anything is written.
func TestNestedFoldersRefused(t *testing.T) {
	tests := []struct {
		name               string
		content, tmpl, out string
		want               string
	}{
		{"output in content", "content", "templates", "content/public", "content/public: output folder inside the content folder content: refused, nothing written (want an output folder outside it, e.g. -out public)"},
		{"output is content", "content", "templates", "content/./", "content/./: output folder inside the content folder content"},
		{"output in templates", "content", "templates", "templates/out", "templates/out: output folder inside the templates folder templates"},
		{"content in output", "site/content", "templates", "site", "site/content: content folder inside the output folder site"},
		{"output beside", "content", "templates", "content-public", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := sampleFs(t)
			if tt.content != "content" {
				sitetest.CopyTree(t, fsys, tt.content, fsys, "content")
			}
			opts := options()
			opts.ContentDir, opts.TemplatesDir, opts.OutputDir = tt.content, tt.tmpl, tt.out
			before := sitetest.Tree(t, fsys, ".")
			_, err := Build(fsys, opts)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("Build: %v", err)
				}
				return
			}
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("Build: %v; want %q", err, tt.want)
			}
			if after := sitetest.Tree(t, fsys, "."); len(after) != len(before) {
				t.Errorf("%d files before the build, %d after: something was written", len(before), len(after))
			}
		})
	}
}

// TestNestedFoldersThroughLink checks the same through a symbolic link
// on the real file system: out is a link into the content folder.
func TestNestedFoldersThroughLink(t *testing.T) {
	base := t.TempDir()
	if err := os.MkdirAll(filepath.Join(base, "content", "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(base, "content", "sub"), filepath.Join(base, "out")); err != nil {
		t.Skip(err)
	}
	opts := options()
	opts.ContentDir, opts.OutputDir = filepath.Join(base, "content"), filepath.Join(base, "out", "public")
	err := checkFolders(afero.NewOsFs(), opts)
	if err == nil || !strings.Contains(err.Error(), "output folder inside the content folder") {
		t.Fatalf("checkFolders: %v; want the output folder refused", err)
	}
}
