// Package serve is the live preview: it serves the output folder on a
// local address and rebuilds the site whenever a file under the watched
// folders changes. A failed rebuild keeps serving the last good site.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

// Options configure the preview server.
type Options struct {
	// Addr is the address to listen on; "127.0.0.1:1313" by default.
	Addr string
	// OutputDir is the folder served.
	OutputDir string
	// Watch are the folders whose changes trigger a rebuild.
	Watch []string
	// Build rebuilds the site; its error is shown to the user.
	Build func() error
	// Log receives one line per rebuild.
	Log io.Writer
	// Interval is how often the watched folders are scanned.
	Interval time.Duration
}

// Server serves a site and rebuilds it on change.
type Server struct {
	opts    Options
	mu      sync.Mutex
	lastErr error
}

// New returns a server for opts, with defaults filled in.
func New(opts Options) *Server {
	if opts.Addr == "" {
		opts.Addr = "127.0.0.1:1313"
	}
	if opts.Interval == 0 {
		opts.Interval = 300 * time.Millisecond
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	return &Server{opts: opts}
}

// ListenAndServe builds once, then serves until ctx is done.
func (s *Server) ListenAndServe(ctx context.Context) error {
	s.rebuild()
	ln, err := net.Listen("tcp", s.opts.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", s.opts.Addr, err)
	}
	fmt.Fprintf(s.opts.Log, "serving %s on http://%s/ (Ctrl+C to stop)\n", s.opts.OutputDir, ln.Addr())
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second}
	go s.watch(ctx)
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// Handler serves the output folder. Paths are resolved inside it only;
// anything outside gets 404.
func (s *Server) Handler() http.Handler {
	files := http.FileServer(http.Dir(s.opts.OutputDir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.URL.Path, "..") {
			http.NotFound(w, r)
			return
		}
		s.mu.Lock()
		lastErr := s.lastErr
		s.mu.Unlock()
		if lastErr != nil {
			w.Header().Set("X-Build-Error", "1")
		}
		files.ServeHTTP(w, r)
	})
}

func (s *Server) rebuild() {
	start := time.Now()
	err := s.opts.Build()
	s.mu.Lock()
	s.lastErr = err
	s.mu.Unlock()
	if err != nil {
		fmt.Fprintf(s.opts.Log, "rebuild failed; still serving the last good site:\n%v\n", err)
		return
	}
	fmt.Fprintf(s.opts.Log, "rebuilt in %s\n", time.Since(start).Round(time.Millisecond))
}

// watch polls the watched folders and rebuilds when their state changes.
func (s *Server) watch(ctx context.Context) {
	last := Snapshot(s.opts.Watch)
	ticker := time.NewTicker(s.opts.Interval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
			if now := Snapshot(s.opts.Watch); now != last {
				last = now
				s.rebuild()
			}
		}
	}
}

// Snapshot returns a string that changes whenever a file under dirs is
// added, removed, resized or modified.
func Snapshot(dirs []string) string {
	var lines []string
	for _, dir := range dirs {
		_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if info, err := d.Info(); err == nil {
				lines = append(lines, fmt.Sprintf("%s %d %d", p, info.Size(), info.ModTime().UnixNano()))
			}
			return nil
		})
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}
