package build

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/newsroom/timeline/internal/diag"
	"github.com/newsroom/timeline/internal/write"
	"github.com/spf13/afero"
)

// note is what a build records in the output manifest, so that the next
// build can tell nothing changed and report the same result.
type note struct {
	Input    string            `json:"input"`
	Entries  int               `json:"entries"`
	Pages    int               `json:"pages"`
	Files    int               `json:"files"`
	Warnings []diag.Diagnostic `json:"warnings,omitempty"`
}

// upToDate returns the result of the previous build when its input key is
// key and every file it wrote is still in place.
func upToDate(fsys afero.Fs, outputDir, key string) (*Result, bool) {
	text, intact := write.Note(fsys, outputDir)
	if !intact {
		return nil, false
	}
	var prev note
	if json.Unmarshal([]byte(text), &prev) != nil || prev.Input != key {
		return nil, false
	}
	for i := range prev.Warnings {
		prev.Warnings[i].Severity = diag.Warning
	}
	return &Result{Entries: prev.Entries, Pages: prev.Pages, Files: prev.Files, Warnings: prev.Warnings, UpToDate: true}, true
}

// InputKey hashes what tells a build's inputs apart: the path, size and
// modification time of every file under the content and templates
// folders (as make does: reading every byte of a large archive would cost
// more than the check saves), the folder options, and the bytes of the
// running program itself (which holds the default templates), so any edit
// of content, templates or gen gives a new key. A file touched without a
// change only costs a build that then writes nothing: pages are compared
// by content hash.
func InputKey(fsys afero.Fs, opts Options) (string, error) {
	files, err := inputFiles(fsys, opts)
	if err != nil {
		return "", err
	}
	return inputKeyOf(opts, files, sortedPaths(files)), nil
}

// inputFiles returns the stamp (fileStamp) of every file under the
// content and templates folders, by slash-separated path; an absent
// folder is a file of its own, stamped "absent".
func inputFiles(fsys afero.Fs, opts Options) (map[string]string, error) {
	files := map[string]string{}
	for _, dir := range []string{opts.ContentDir, opts.TemplatesDir} {
		if ok, _ := afero.DirExists(fsys, dir); !ok {
			files[filepath.ToSlash(filepath.Clean(dir))] = "absent"
			continue
		}
		err := afero.Walk(fsys, dir, func(p string, info fs.FileInfo, err error) error {
			if err != nil || info.IsDir() {
				return err
			}
			files[filepath.ToSlash(filepath.Clean(p))] = fileStamp(info)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return files, nil
}

// fileStamp is what tells versions of a file apart without reading it:
// its size and modification time.
func fileStamp(info fs.FileInfo) string {
	return fmt.Sprintf("%d %d", info.Size(), info.ModTime().UnixNano())
}

// inputKeyOf hashes the program, the folder options and the stamps of
// files, in the order of paths: the files' paths, sorted.
func inputKeyOf(opts Options, files map[string]string, paths []string) string {
	h := sha256.New()
	fmt.Fprintf(h, "gen %s\x00%s\x00%s\x00%s\x00", programHash(), opts.ContentDir, opts.TemplatesDir, opts.OutputDir)
	buf := make([]byte, 0, 64<<10)
	for _, p := range paths {
		if len(buf) > 60<<10 {
			h.Write(buf)
			buf = buf[:0]
		}
		buf = append(buf, p...)
		buf = append(buf, 0)
		buf = append(buf, files[p]...)
		buf = append(buf, 0)
	}
	h.Write(buf)
	return hex.EncodeToString(h.Sum(nil))
}

// sortedPaths returns the paths of files, sorted.
func sortedPaths(files map[string]string) []string {
	return slices.Sorted(maps.Keys(files))
}

var programHash = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return "unknown"
	}
	f, err := os.Open(exe)
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "unknown"
	}
	return hex.EncodeToString(h.Sum(nil))
})
