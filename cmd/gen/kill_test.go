package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/synth"
	"github.com/newsroom/timeline/internal/write"
	"github.com/spf13/afero"
)

// TestHelperGen is not a test: it runs gen with the arguments in
// GEN_TEST_ARGS (separated by spaces) when TestKilledBuild starts the
// test binary as a child process.
func TestHelperGen(t *testing.T) {
	args := os.Getenv("GEN_TEST_ARGS")
	if args == "" {
		t.Skip("runs only as TestKilledBuild's child")
	}
	os.Exit(Run(context.Background(), strings.Fields(args), os.Stdout, os.Stderr))
}

// titledSite writes a synthetic site of six articles into dir. It
// returns setTitle, which puts version in the site's title (and so
// changes every page), and args, gen's arguments that build the site
// into the folder out of dir.
func titledSite(t *testing.T, dir string) (setTitle func(version string), args func(out string) string) {
	t.Helper()
	if err := synth.Generate(afero.NewOsFs(), dir, synth.Options{Articles: 6, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	siteYAML := filepath.Join(dir, "content", "site.yaml")
	original, err := os.ReadFile(siteYAML)
	if err != nil {
		t.Fatal(err)
	}
	setTitle = func(version string) {
		t.Helper()
		data := bytes.Replace(original, []byte(`title: "`), []byte(`title: "`+version+`: `), 1)
		if err := os.WriteFile(siteYAML, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	args = func(out string) string {
		return "-content " + filepath.Join(dir, "content") + " -templates " + filepath.Join(dir, "none") + " -out " + filepath.Join(dir, out)
	}
	return setTitle, args
}

// TestKilledBuild kills a child gen at many points of a rebuild's write
// stage, after N changes to the output's folders (GEN_TEST_KILL_AFTER,
// which makes the child kill itself as kill -9 would), and checks each
// time that public/ is byte for byte the old site or the new one; then
// that the next build puts the new one in place and leaves nothing
// beside it but the finished previous version. Every rebuild changes the
// site's title, and so every page.
func TestKilledBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("starts dozens of builds")
	}
	dir := t.TempDir()
	setTitle, args := titledSite(t, dir)
	// build builds in this process, whole.
	build := func(out string) {
		t.Helper()
		var stderr bytes.Buffer
		if code := Run(context.Background(), strings.Fields(args(out)), io.Discard, &stderr); code != 0 {
			t.Fatalf("gen -out %s: exit %d\n%s", out, code, stderr.String())
		}
	}
	// gen builds in a child process killed after killAfter changes.
	gen := func(out, killAfter string) (killed bool) {
		t.Helper()
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperGen$")
		cmd.Env = append(os.Environ(), "GEN_TEST_ARGS="+args(out), "GEN_TEST_KILL_AFTER="+killAfter)
		output, err := cmd.CombinedOutput()
		var exit *exec.ExitError
		if errors.As(err, &exit) && exit.ExitCode() == -1 {
			return true // killed by a signal
		}
		if err != nil {
			t.Fatalf("gen: %v\n%s", err, output)
		}
		return false
	}
	// Three versions, built in turn: the previous version beside public/
	// is never the one being built, so every page is written.
	versions := []string{"a", "b", "c"}
	sites := map[string]map[string]string{}
	for _, v := range versions {
		setTitle(v)
		build("ref-" + v)
		sites[v] = readTree(t, filepath.Join(dir, "ref-"+v))
	}
	// public/ holds a, with c as its previous version.
	for _, v := range []string{"c", "a"} {
		setTitle(v)
		build("public")
	}
	// try kills a rebuild after n changes, checks public/ and repairs it;
	// it reports whether the rebuild completed before its nth change.
	iteration := 0
	try := func(n int) (completed bool) {
		current, target := versions[iteration%3], versions[(iteration+1)%3]
		iteration++
		setTitle(target)
		completed = !gen("public", strconv.Itoa(n))
		got := readTree(t, filepath.Join(dir, "public"))
		switch {
		case reflect.DeepEqual(got, sites[current]):
		case reflect.DeepEqual(got, sites[target]):
			if !completed {
				t.Logf("killed after %d changes: public/ holds the new site", n)
			}
		default:
			t.Fatalf("killed after %d changes: public/ is neither the old site nor the new one", n)
		}
		build("public")
		if got := readTree(t, filepath.Join(dir, "public")); !reflect.DeepEqual(got, sites[target]) {
			t.Fatalf("killed after %d changes: the next build did not put the new site in place", n)
		}
		checkBeside(t, dir, n)
		return completed
	}
	// Every point with GEN_TEST_EVERY_KILL_POINT set; else the first
	// four, every 32nd, and the last three, found by bisection.
	stride := 32
	if os.Getenv("GEN_TEST_EVERY_KILL_POINT") != "" {
		stride = 1
	}
	killed, n := 0, 1
	for !try(n) {
		killed = n
		if n < 4 {
			n++
		} else {
			n += stride
		}
	}
	for n-killed > 1 {
		if mid := (killed + n) / 2; try(mid) {
			n = mid
		} else {
			killed = mid
		}
	}
	for m := max(killed-2, 1); m < killed; m++ {
		try(m)
	}
	t.Logf("a rebuild makes %d changes; %d builds killed part-way or not", killed, iteration)
}

// checkBeside fails unless the folder holding the output holds only what
// the test made and the finished previous version of the output.
func checkBeside(t *testing.T, dir string, n int) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		switch e.Name() {
		case "content", "ref-a", "ref-b", "ref-c", "public", ".public-previous":
		default:
			t.Errorf("killed after %d changes: %s left beside the output after the next build", n, e.Name())
		}
	}
	if _, err := os.Lstat(filepath.Join(dir, ".public-previous", ".timeline-unfinished")); err == nil {
		t.Errorf("killed after %d changes: the previous version is left unfinished after the next build", n)
	}
}

// readTree returns every entry under root, files with their bytes, without
// following symlinks.
func readTree(t *testing.T, root string) map[string]string {
	t.Helper()
	tree := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == root {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		switch {
		case d.IsDir():
			tree[rel] = "folder"
		case d.Type().IsRegular():
			data, err := os.ReadFile(p)
			tree[rel] = "file " + string(data)
			return err
		default:
			tree[rel] = "other: " + d.Type().String()
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

func TestOutputState(t *testing.T) {
	missing := &write.OutputError{Err: errors.New("rename: permission denied"), State: "public is missing: the next build puts one in place"}
	tests := []struct {
		err  error
		want string
	}{
		{errors.New("content/site.yaml:1:1: bad"), "public left unchanged"},
		{fmt.Errorf("publish: %w", missing), missing.State},
	}
	for _, tt := range tests {
		if got := outputState(tt.err, "public"); got != tt.want {
			t.Errorf("outputState(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
}
