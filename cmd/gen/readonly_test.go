//go:build linux

package main

import (
	"io"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// TestReadOnlySubfolder makes one subfolder of public/ read-only, all the
// way down, with real permissions (so the builds run as an unprivileged
// user: as root, as nobody), and rebuilds a site whose every page
// changes. The build that must write where the folder now lies (the
// previous version beside public/, after one swap) fails, says "public
// left unchanged", and public/ is then byte for byte the site it held;
// once the folder is writable again the next build puts the new site in
// place and leaves nothing unfinished beside it.
func TestReadOnlySubfolder(t *testing.T) {
	if testing.Short() {
		t.Skip("starts builds in child processes")
	}
	dir, child := unprivileged(t)
	setTitle, args := titledSite(t, dir)
	gen := func(title, out string) (string, error) {
		t.Helper()
		setTitle(title)
		output, err := child(args(out)).CombinedOutput()
		return string(output), err
	}
	sites := map[string]map[string]string{}
	for _, v := range []string{"a", "b", "c"} {
		if out, err := gen(v, "ref-"+v); err != nil {
			t.Fatalf("reference build %s: %v\n%s", v, err, out)
		}
		sites[v] = readTree(t, filepath.Join(dir, "ref-"+v))
	}
	public := filepath.Join(dir, "public")
	steps := []struct {
		name, title string
		before      func()
		// wantErr is what the output must say when the build fails;
		// site is the site public/ must hold after the build.
		wantErr, site string
	}{
		{name: "first build", title: "a", site: "a"},
		{name: "rebuild", title: "b", site: "b"},
		{name: "a subfolder of public/ read-only", title: "c", before: func() { chmodTree(t, filepath.Join(public, "entries"), 0o555) }, site: "c"},
		{name: "its old version beside public/ read-only", title: "a", wantErr: public + " left unchanged", site: "c"},
		{name: "writable again", title: "a", before: func() {
			chmodTree(t, public, 0o755)
			chmodTree(t, filepath.Join(dir, ".public-previous"), 0o755)
		}, site: "a"},
	}
	for _, step := range steps {
		if step.before != nil {
			step.before()
		}
		out, err := gen(step.title, "public")
		switch {
		case step.wantErr == "" && err != nil:
			t.Fatalf("%s: %v\n%s", step.name, err, out)
		case step.wantErr != "" && (err == nil || !strings.Contains(out, step.wantErr) || !strings.Contains(out, "permission denied")):
			t.Fatalf("%s: err = %v, output %q; want a failure saying permission denied and %q", step.name, err, out, step.wantErr)
		case err != nil:
			for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
				if !strings.Contains(line, "warning:") {
					t.Logf("%s: %s", step.name, line)
				}
			}
		}
		if got := readTree(t, public); !reflect.DeepEqual(got, sites[step.site]) {
			t.Fatalf("%s: public/ is not the %s site", step.name, step.site)
		}
	}
	checkBeside(t, dir, 0)
}

// unprivileged returns a folder for the test and a function that makes a
// child gen with the given arguments, which runs as a user that file
// permissions bind: this one, or nobody when the test runs as root. It
// skips the test where neither can be had.
func unprivileged(t *testing.T) (string, func(args string) *exec.Cmd) {
	t.Helper()
	dir, err := os.MkdirTemp("", "gen-readonly-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		chmodTree(t, dir, 0o755)
		os.RemoveAll(dir)
	})
	self := os.Args[0]
	var cred *syscall.Credential
	if os.Geteuid() == 0 {
		nobody, err := user.Lookup("nobody")
		if err != nil {
			t.Skip("runs as root with no user nobody: permissions would not bind")
		}
		uid, _ := strconv.Atoi(nobody.Uid)
		gid, _ := strconv.Atoi(nobody.Gid)
		cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
		// The test binary's folder is root's alone: nobody runs a copy.
		self = filepath.Join(dir, "gen.test")
		copyFile(t, os.Args[0], self)
		if err := os.Chmod(dir, 0o777); err != nil {
			t.Fatal(err)
		}
	}
	work := filepath.Join(dir, "site")
	if err := os.Mkdir(work, 0o777); err != nil {
		t.Fatal(err)
	}
	return work, func(args string) *exec.Cmd {
		if cred != nil {
			chownTree(t, work, int(cred.Uid), int(cred.Gid))
		}
		cmd := exec.Command(self, "-test.run=^TestHelperGen$")
		cmd.Env = append(os.Environ(), "GEN_TEST_ARGS="+args, "HOME="+dir, "XDG_CACHE_HOME="+filepath.Join(dir, "cache"))
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
		return cmd
	}
}

// copyFile copies the file from to an executable file to.
func copyFile(t *testing.T, from, to string) {
	t.Helper()
	src, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
}

// chmodTree gives every folder under root, root included, the mode mode.
func chmodTree(t *testing.T, root string, mode os.FileMode) {
	t.Helper()
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return os.Chmod(p, mode)
		}
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
}

// chownTree gives everything under root, root included, to uid and gid.
func chownTree(t *testing.T, root string, uid, gid int) {
	t.Helper()
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(p, uid, gid)
	})
	if err != nil {
		t.Fatal(err)
	}
}
