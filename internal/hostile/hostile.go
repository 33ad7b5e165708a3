// Package hostile reads the hostile-content suite of testdata/hostile
// and lays its cases out for a build: one folder per case, each a few
// files laid over a small valid site (testdata/hostile/_base), steps
// that need a real file system (links, named pipes, files too big to
// keep in git), and the outcome the build must have. The suite's
// runners are this package's test (in process, on afero) and
// scripts/hostile (the gen binary, timed and measured).
//
// A case folder holds:
//
//	content/..., templates/...   files laid over the base's
//	setup                        steps, one a line (see Step)
//	expect                       the outcome, one item a line:
//	                               exit N          gen's exit status (0, 1)
//	                               error TEXT      an error line holds TEXT
//	                               warning TEXT    a warning line holds TEXT
//	                               out DIR         build into DIR, not public
package hostile

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/afero"
)

// Secret is the text of the files laid beside the content folder
// (outside/secret.txt, outside/secret.yaml): no output may hold it.
const Secret = "HOSTILE-SECRET-OUTSIDE"

// Case is one case of the suite.
type Case struct {
	Name string
	// Dir is the case's folder.
	Dir string
	// Steps are the lines of its setup file.
	Steps []Step
	// Exit is the exit status gen must give: 0 built, 1 refused.
	Exit int
	// Errors and Warnings are texts some error or warning line must
	// hold, as "content/entries/x.yaml:3:7: id".
	Errors, Warnings []string
	// Out is the output folder, "public" unless the case says.
	Out string
}

// Step is a setup line: "symlink LINK TARGET", "fifo PATH", "socket
// PATH", "mkdir PATH", or "repeat PATH COUNT TEXT" (append TEXT, a Go
// string literal, COUNT times to PATH). Paths are relative to the
// case's root, and may be Go string literals themselves (the folder holding content/); a TARGET starting with
// "$ROOT/" is made absolute there.
type Step struct {
	Op   string
	Args []string
}

// OSOnly reports whether the case needs a real file system: links,
// pipes and sockets exist on no other.
func (c Case) OSOnly() bool {
	for _, s := range c.Steps {
		if s.Op == "symlink" || s.Op == "fifo" || s.Op == "socket" {
			return true
		}
	}
	return false
}

// Load reads every case under dir (testdata/hostile), sorted by name;
// folders starting with "_" are not cases.
func Load(dir string) ([]Case, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var cases []Case
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), "_") {
			continue
		}
		c, err := loadCase(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		cases = append(cases, c)
	}
	sort.Slice(cases, func(i, j int) bool { return cases[i].Name < cases[j].Name })
	return cases, nil
}

func loadCase(dir string) (Case, error) {
	c := Case{Name: filepath.Base(dir), Dir: dir, Out: "public", Exit: -1}
	err := eachLine(filepath.Join(dir, "expect"), func(word, rest string) error {
		switch word {
		case "exit":
			n, err := strconv.Atoi(rest)
			c.Exit = n
			return err
		case "error":
			c.Errors = append(c.Errors, rest)
		case "warning":
			c.Warnings = append(c.Warnings, rest)
		case "out":
			c.Out = rest
		default:
			return fmt.Errorf("unknown expectation %q", word)
		}
		return nil
	})
	if err != nil {
		return c, err
	}
	if c.Exit < 0 {
		return c, fmt.Errorf("%s/expect: no exit line", dir)
	}
	err = eachLine(filepath.Join(dir, "setup"), func(word, rest string) error {
		c.Steps = append(c.Steps, Step{Op: word, Args: strings.SplitN(rest, " ", 3)})
		return nil
	})
	if os.IsNotExist(err) {
		err = nil
	}
	return c, err
}

// eachLine calls fn with the first word and the rest of every line of
// the file p that is neither blank nor a "#" comment.
func eachLine(p string, fn func(word, rest string) error) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		word, rest, _ := strings.Cut(line, " ")
		if err := fn(word, strings.TrimSpace(rest)); err != nil {
			return fmt.Errorf("%s:%d: %w", p, n, err)
		}
	}
	return sc.Err()
}

// LayBase writes the base site (the folder base, testdata/hostile/_base)
// into fsys under root, and beside its content folder the outside files
// that hold Secret.
func LayBase(fsys afero.Fs, base, root string) error {
	if err := copyTree(fsys, base, root); err != nil {
		return err
	}
	for _, name := range []string{"secret.txt", "secret.yaml"} {
		text := Secret + "\n"
		if name == "secret.yaml" {
			text = "- id: leaked\n  date: 2022-02-01\n  title: " + Secret + "\n"
		}
		if err := WriteFile(fsys, path.Join(root, "outside", name), []byte(text)); err != nil {
			return err
		}
	}
	return nil
}

// Lay writes the case's files into fsys under root, over the base, then
// runs its setup steps. Steps that make links, pipes or sockets work
// only when fsys is the operating system's.
func (c Case) Lay(fsys afero.Fs, root string) error {
	if err := copyTree(fsys, c.Dir, root); err != nil {
		return err
	}
	for _, s := range c.Steps {
		if err := s.run(fsys, root); err != nil {
			return fmt.Errorf("%s: setup %s %v: %w", c.Name, s.Op, s.Args, err)
		}
	}
	return nil
}

// copyTree copies the content and templates folders of from into root.
func copyTree(fsys afero.Fs, from, root string) error {
	return filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		rel = filepath.ToSlash(rel)
		if !strings.HasPrefix(rel, "content/") && !strings.HasPrefix(rel, "templates/") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return WriteFile(fsys, path.Join(root, rel), data)
	})
}

// WriteFile writes data to the file p of fsys, making its folders.
func WriteFile(fsys afero.Fs, p string, data []byte) error {
	if err := fsys.MkdirAll(path.Dir(p), 0o755); err != nil {
		return err
	}
	return afero.WriteFile(fsys, p, data, 0o644)
}

func (s Step) run(fsys afero.Fs, root string) error {
	arg := func(i int) string {
		if i < len(s.Args) {
			return s.Args[i]
		}
		return ""
	}
	name := arg(0)
	if unquoted, err := strconv.Unquote(name); err == nil {
		name = unquoted // a path holding control characters, as a Go string
	}
	p := path.Join(root, name)
	if err := fsys.MkdirAll(path.Dir(p), 0o755); err != nil {
		return err
	}
	switch s.Op {
	case "mkdir":
		return fsys.MkdirAll(p, 0o755)
	case "symlink":
		target := arg(1)
		if rest, ok := strings.CutPrefix(target, "$ROOT/"); ok {
			abs, err := filepath.Abs(filepath.Join(root, rest))
			if err != nil {
				return err
			}
			target = abs
		}
		os.Remove(p) // a link replaces a file of the base
		return os.Symlink(target, p)
	case "fifo", "socket":
		return special(s.Op, p)
	case "repeat":
		n, err := strconv.Atoi(arg(1))
		if err != nil {
			return err
		}
		text, err := strconv.Unquote(arg(2))
		if err != nil {
			return err
		}
		f, err := fsys.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
		if err != nil {
			return err
		}
		if _, err := f.Write([]byte(strings.Repeat(text, n))); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}
	return fmt.Errorf("unknown step %q", s.Op)
}
