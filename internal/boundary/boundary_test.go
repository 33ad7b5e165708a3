//go:build unix

package boundary

import (
	"errors"
	"io/fs"
	"net"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsroom/timeline/internal/sitetest"
	"github.com/spf13/afero"
)

// TestReadFileOS builds each kind of file a hostile content folder may
// hold on the real file system (git cannot hold pipes or sockets) and
// checks what ReadFile makes of it: nothing outside the folder is read,
// and nothing that could block or never end is opened.
func TestReadFileOS(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "content")
	outside := filepath.Join(base, "secret.txt")
	sitetest.WriteOSFile(t, outside, "SECRET")
	sitetest.WriteOSFile(t, filepath.Join(root, "ok.txt"), "fine")
	sitetest.WriteOSFile(t, filepath.Join(root, "big.txt"), strings.Repeat("x", 100))
	sitetest.Symlink(t, outside, filepath.Join(root, "abs-out.txt"))
	sitetest.Symlink(t, "../secret.txt", filepath.Join(root, "rel-out.txt"))
	sitetest.Symlink(t, "ok.txt", filepath.Join(root, "in.txt"))
	sitetest.Symlink(t, "/dev/zero", filepath.Join(root, "zero.txt"))
	sitetest.Symlink(t, "missing.txt", filepath.Join(root, "dangling.txt"))
	sitetest.Symlink(t, "loop2.txt", filepath.Join(root, "loop1.txt"))
	sitetest.Symlink(t, "loop1.txt", filepath.Join(root, "loop2.txt"))
	sitetest.Symlink(t, base, filepath.Join(root, "up"))
	if err := syscall.Mkfifo(filepath.Join(root, "fifo.txt"), 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	sitetest.Symlink(t, "fifo.txt", filepath.Join(root, "to-fifo.txt"))
	if l, err := net.Listen("unix", filepath.Join(root, "sock.txt")); err == nil {
		defer l.Close()
	}
	fsys := afero.NewOsFs()
	tests := []struct {
		name, want string // want: "" for the file's text, else part of the error
	}{
		{"ok.txt", ""},
		{"in.txt", ""},
		{"big.txt", "file is 100 bytes (want at most 50"},
		{"abs-out.txt", "outside " + root + ": refused"},
		{"rel-out.txt", "outside " + root + ": refused"},
		{"up/secret.txt", "outside " + root + ": refused"},
		{"zero.txt", "symbolic link to /dev/zero, outside"},
		{"dangling.txt", "symbolic link that does not resolve"},
		{"loop1.txt", "symbolic link that does not resolve"},
		{"fifo.txt", "a named pipe (FIFO), not a regular file: refused"},
		{"to-fifo.txt", "a named pipe (FIFO), not a regular file: refused"},
		{"sock.txt", "a socket, not a regular file: refused"},
		{"missing.txt", "no such file"},
		{"../secret.txt", "outside " + root + ": refused"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan struct{})
			var data []byte
			var err error
			go func() {
				data, err = ReadFile(fsys, root, filepath.Join(root, tt.name), 50)
				close(done)
			}()
			select {
			case <-done:
			case <-time.After(5 * time.Second):
				t.Fatal("ReadFile blocked")
			}
			if tt.want == "" {
				if err != nil || len(data) == 0 {
					t.Fatalf("got %q, %v; want the file's text", data, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %q, %v; want an error containing %q", data, err, tt.want)
			}
			if strings.Contains(string(data), "SECRET") {
				t.Fatal("read a file outside the folder")
			}
		})
	}
}

// TestReadFileLimitedRead checks the limit holds when a file is longer
// than its stated size (a file growing while read, a special file
// reporting 0): ReadFile stops at the limit whatever Stat says.
func TestReadFileLimitedRead(t *testing.T) {
	fsys := lyingFs{sitetest.MapFs(t, map[string]string{"content/grows.txt": strings.Repeat("y", 1000)})}
	_, err := ReadFile(fsys, "content", "content/grows.txt", 10)
	var tooBig *TooBigError
	if !errors.As(err, &tooBig) || err.Error() != "file is more than 10 bytes (want at most 10; split it or remove it)" {
		t.Fatalf("got %v; want a TooBigError from the limited read", err)
	}
}

// TestSymlinksRefusedOffOS checks that a file system whose links cannot
// be resolved refuses every link instead of following it.
func TestSymlinksRefusedOffOS(t *testing.T) {
	info := fakeInfo{mode: fs.ModeSymlink}
	_, err := Check(afero.NewMemMapFs(), "content", "content/x.txt", info)
	if err == nil || !strings.Contains(err.Error(), "symbolic link: refused") {
		t.Fatalf("got %v; want the link refused", err)
	}
}

func TestWithin(t *testing.T) {
	tests := []struct {
		dir, p string
		want   bool
	}{
		{"/a/b", "/a/b", true},
		{"/a/b", "/a/b/c", true},
		{"/a/b", "/a/bc", false},
		{"/a/b", "/a", false},
		{"/a/b", "/a/b/../c", false},
		{"/a/b", "/a/b/..c", true},
	}
	for _, tt := range tests {
		if got := Within(tt.dir, tt.p); got != tt.want {
			t.Errorf("Within(%q, %q) = %v, want %v", tt.dir, tt.p, got, tt.want)
		}
	}
}

// lyingFs states every file's size as 1 byte.
type lyingFs struct{ afero.Fs }

func (l lyingFs) Stat(p string) (fs.FileInfo, error) {
	info, err := l.Fs.Stat(p)
	if err != nil {
		return nil, err
	}
	return fakeInfo{FileInfo: info, size: 1}, nil
}

type fakeInfo struct {
	fs.FileInfo
	mode fs.FileMode
	size int64
}

func (f fakeInfo) Mode() fs.FileMode {
	if f.FileInfo == nil {
		return f.mode
	}
	return f.FileInfo.Mode()
}
func (f fakeInfo) Size() int64 { return f.size }
