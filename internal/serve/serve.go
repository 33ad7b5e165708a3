// Package serve is the live preview: it serves the output folder on a
// local address, rebuilds the site whenever a file under the watched
// folders changes, and reloads the open pages through server-sent events.
//
// Changes are seen through the operating system's file events
// (fsnotify), coalesced over a short quiet window, and handed to the
// build as the list of files that changed; when file events cannot be
// had, the folders are polled and the build is told to redo everything.
//
// A failed rebuild keeps serving the last good site, prints the
// positioned errors in the terminal and shows them over every page. The
// reload script and the overlay are added to HTML responses as they are
// served; the files on disk never hold them.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/newsroom/timeline/internal/diag"
	"github.com/spf13/afero"
)

// Options configure the preview server.
type Options struct {
	// Addr is the address to listen on; "127.0.0.1:1313" by default.
	Addr string
	// OutputDir is the folder served.
	OutputDir string
	// Fs holds OutputDir; the operating system's by default.
	Fs afero.Fs
	// Watch are the folders whose changes trigger a rebuild, with all
	// the folders below them; one that does not exist yet is watched
	// from when it appears.
	Watch []string
	// Build rebuilds the site; its error is shown to the user.
	//
	// changed lists the files created, written, removed or renamed (both
	// the old and the new name) since the previous build, as paths under
	// the watched folders: filepath.Join(dir, rel) for a folder dir of
	// Watch, sorted, without duplicates. Files whose base name starts with
	// "." or ends with "~" or ".swp" (editors' temporary files) are left
	// out. A nil changed means the changes are unknown and everything is
	// to be rebuilt: the first build, after the watcher overflowed or
	// failed, when a folder appeared, moved or was removed (files in it
	// may have been missed), and on every build when polling.
	Build func(changed []string) error
	// Log receives one line per rebuild.
	Log io.Writer
	// Settle is the quiet window after a file event during which further
	// events are collected into the same rebuild; 10 ms by default.
	Settle time.Duration
	// Interval is how often the watched folders are scanned when file
	// events cannot be had and the server falls back to polling.
	Interval time.Duration
	// BasePath is the path of the site's base URL ("/timeline/"), so
	// that links written for the hosted site, such as those of 404.html,
	// also work in the preview; requests without it are served too.
	BasePath string
}

// Server serves a site and rebuilds it on change.
type Server struct {
	opts Options
	site afero.Fs

	mu      sync.Mutex
	lastErr error
	clients map[chan struct{}]bool
}

// New returns a server for opts, with defaults filled in.
func New(opts Options) *Server {
	if opts.Addr == "" {
		opts.Addr = "127.0.0.1:1313"
	}
	if opts.Settle == 0 {
		opts.Settle = 10 * time.Millisecond
	}
	if opts.Interval == 0 {
		opts.Interval = 300 * time.Millisecond
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.Fs == nil {
		opts.Fs = afero.NewOsFs()
	}
	return &Server{opts: opts, site: afero.NewBasePathFs(opts.Fs, opts.OutputDir), clients: map[chan struct{}]bool{}}
}

// ListenAndServe starts watching, builds once, then serves and rebuilds
// on change until ctx is done.
func (s *Server) ListenAndServe(ctx context.Context) error {
	watch := s.startWatching(fsnotify.NewWatcher)
	s.Rebuild(nil)
	ln, err := net.Listen("tcp", s.opts.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", s.opts.Addr, err)
	}
	fmt.Fprintf(s.opts.Log, "serving %s on http://%s/ (Ctrl+C to stop)\n", s.opts.OutputDir, ln.Addr())
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second, BaseContext: func(net.Listener) context.Context { return ctx }}
	go watch(ctx)
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

// Rebuild runs the build with the files that changed (nil: unknown,
// rebuild everything), records its error for the overlay, and tells
// every open page to reload.
func (s *Server) Rebuild(changed []string) {
	start := time.Now()
	err := s.build(changed)
	s.mu.Lock()
	s.lastErr = err
	for c := range s.clients {
		select {
		case c <- struct{}{}:
		default:
		}
	}
	s.mu.Unlock()
	if err != nil {
		fmt.Fprintf(s.opts.Log, "rebuild failed; still serving the last good site:\n%s\n", diag.EscapeLines(err.Error()))
		return
	}
	fmt.Fprintf(s.opts.Log, "rebuilt in %s\n", time.Since(start).Round(time.Millisecond))
}

// build runs the build, turning a panic into an error so that a bug met
// while previewing shows in the overlay instead of stopping the server.
func (s *Server) build(changed []string) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("internal error: %v (a bug in gen, not in your content; the last good site is still served)", v)
		}
	}()
	return s.opts.Build(changed)
}

// buildError returns the error of the last build, nil when it succeeded.
func (s *Server) buildError() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lastErr
}
