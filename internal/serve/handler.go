package serve

import (
	"bytes"
	"html/template"
	"io"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/spf13/afero"
)

// EventsPath is the server-sent events stream that tells open pages to
// reload after every rebuild.
const EventsPath = "/_gen/events"

// Handler serves the output folder, the events stream, and 404.html (or
// a plain message) for anything else. Paths are resolved inside the
// output folder only: a path with a ".." segment gets 404.
func (s *Server) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if base := strings.TrimSuffix(s.opts.BasePath, "/"); base != "" && strings.HasPrefix(r.URL.Path, base+"/") {
			r.URL.Path = strings.TrimPrefix(r.URL.Path, base)
		}
		if r.URL.Path == EventsPath {
			s.events(w, r)
			return
		}
		s.file(w, r)
	})
}

// file serves one file of the site, adding the reload script, and the
// error overlay after a failed rebuild, to HTML.
func (s *Server) file(w http.ResponseWriter, r *http.Request) {
	name, ok := sitePath(r.URL.Path)
	if !ok {
		s.notFound(w, r)
		return
	}
	data, info, err := s.readFile(name)
	if err == nil && info.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
		name = path.Join(name, "index.html")
		data, info, err = s.readFile(name)
	}
	if err != nil || info.IsDir() {
		s.notFound(w, r)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	if strings.HasSuffix(name, ".html") {
		s.writeHTML(w, http.StatusOK, data)
		return
	}
	http.ServeContent(w, r, name, info.ModTime(), bytes.NewReader(data))
}

// readFile reads the file at name in the site through one open file, so
// that its bytes and information are of one build: a rebuild swaps the
// whole output folder at once (see internal/write), and a file opened
// before the swap is read whole from the old site. A folder is returned
// with its information only.
func (s *Server) readFile(name string) ([]byte, fs.FileInfo, error) {
	f, err := s.site.Open(name)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || info.IsDir() {
		return nil, info, err
	}
	data, err := io.ReadAll(f)
	return data, info, err
}

// sitePath turns a URL path into a slash-separated path inside the site,
// refusing any ".." segment, backslash or NUL.
func sitePath(urlPath string) (string, bool) {
	if strings.ContainsAny(urlPath, "\\\x00") {
		return "", false
	}
	for _, seg := range strings.Split(urlPath, "/") {
		if seg == ".." {
			return "", false
		}
	}
	return path.Clean("/" + urlPath), true
}

// notFound answers 404 with the site's 404.html when it has one.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	data, err := afero.ReadFile(s.site, "/404.html")
	if err != nil {
		data = []byte("<!DOCTYPE html><title>Not found</title><h1>Not found</h1><p>" + template.HTMLEscapeString(r.URL.Path) + "</p>")
	}
	s.writeHTML(w, http.StatusNotFound, data)
}

// writeHTML sends an HTML page with the reload script, and the overlay
// when the last build failed, before </body>.
func (s *Server) writeHTML(w http.ResponseWriter, status int, page []byte) {
	var extra bytes.Buffer
	if err := s.buildError(); err != nil {
		_ = overlay.Execute(&extra, err.Error())
	}
	extra.WriteString(reloadScript)
	at := bytes.LastIndex(page, []byte("</body>"))
	if at < 0 {
		at = len(page)
	}
	out := make([]byte, 0, len(page)+extra.Len())
	out = append(append(append(out, page[:at]...), extra.Bytes()...), page[at:]...)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(out)
}

// events streams one "reload" event per rebuild until the client leaves.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	c := make(chan struct{}, 1)
	s.mu.Lock()
	s.clients[c] = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, c)
		s.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write([]byte("retry: 1000\n: connected\n\n"))
	flusher.Flush()
	keepAlive := time.NewTicker(30 * time.Second)
	defer keepAlive.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-keepAlive.C:
			_, _ = w.Write([]byte(": keep-alive\n\n"))
		case <-c:
			_, _ = w.Write([]byte("event: reload\ndata: rebuilt\n\n"))
		}
		flusher.Flush()
	}
}

// reloadScript reloads the page after each rebuild. It is added to pages
// only as the preview serves them.
const reloadScript = `<script>(function(){var es=new EventSource("` + EventsPath + `");es.addEventListener("reload",function(){location.reload();});})();</script>
`

// overlay shows a failed rebuild's errors, one per line, over the last
// good page.
var overlay = template.Must(template.New("overlay").Parse(`<div id="gen-build-error" role="alert" style="position:fixed;inset:0 0 auto 0;max-height:70vh;overflow:auto;z-index:2147483647;margin:0;padding:1rem 1.25rem;background:#2b0b0b;color:#ffe9e9;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;border-bottom:4px solid #ff5c5c;box-shadow:0 4px 24px rgba(0,0,0,.5)">
<p style="margin:0 0 .5rem;font-weight:700">Rebuild failed: still showing the last good site. Fix the files below and save; this page reloads by itself.</p>
<pre style="margin:0;white-space:pre-wrap">{{.}}</pre>
</div>
`))
