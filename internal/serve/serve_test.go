package serve

import (
	"bufio"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"
)

// newTestServer serves a small site from memory, with a secret file
// beside the output folder that no request may reach.
func newTestServer(t *testing.T, build func() error) *Server {
	t.Helper()
	fsys := afero.NewMemMapFs()
	files := map[string]string{
		"public/index.html":           "<!DOCTYPE html><html><body><h1>Home</h1></body></html>",
		"public/entries/a/index.html": "<!DOCTYPE html><html><body><h1>A</h1></body></html>",
		"public/404.html":             "<!DOCTYPE html><html><body><h1>Page not found</h1></body></html>",
		"public/style.css":            "body{}",
		"secret.txt":                  "do not serve",
	}
	for name, body := range files {
		if err := afero.WriteFile(fsys, name, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if build == nil {
		build = func() error { return nil }
	}
	return New(Options{OutputDir: "public", Fs: fsys, Build: func([]string) error { return build() }})
}

func get(t *testing.T, h http.Handler, target string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodGet, "http://127.0.0.1:1313/", nil)
	req.URL.Path = target
	h.ServeHTTP(rec, req)
	return rec
}

func TestHandlerServesFiles(t *testing.T) {
	h := newTestServer(t, nil).Handler()
	tests := []struct {
		path       string
		wantStatus int
		wantBody   string
	}{
		{"/", 200, "<h1>Home</h1>"},
		{"/entries/a/", 200, "<h1>A</h1>"},
		{"/style.css", 200, "body{}"},
		{"/missing/", 404, "Page not found"},
		{"/entries/a", 301, ""},
	}
	for _, tt := range tests {
		rec := get(t, h, tt.path)
		if rec.Code != tt.wantStatus {
			t.Errorf("GET %s: status %d, want %d", tt.path, rec.Code, tt.wantStatus)
		}
		if !strings.Contains(rec.Body.String(), tt.wantBody) {
			t.Errorf("GET %s: body %q lacks %q", tt.path, rec.Body.String(), tt.wantBody)
		}
	}
}

func TestHandlerRefusesPathsOutsideTheOutput(t *testing.T) {
	h := newTestServer(t, nil).Handler()
	for _, p := range []string{"/../secret.txt", "/entries/../../secret.txt", "/..", "/..\\secret.txt", "/%2e%2e/secret.txt", "/a/\x00"} {
		rec := get(t, h, p)
		if rec.Code != http.StatusNotFound {
			t.Errorf("GET %q: status %d, want 404", p, rec.Code)
		}
		if strings.Contains(rec.Body.String(), "do not serve") {
			t.Errorf("GET %q served a file outside the output folder", p)
		}
	}
}

func TestReloadScriptOnlyInHTML(t *testing.T) {
	h := newTestServer(t, nil).Handler()
	if body := get(t, h, "/").Body.String(); !strings.Contains(body, EventsPath) || strings.Index(body, EventsPath) > strings.Index(body, "</body>") {
		t.Errorf("index: want the reload script before </body>, got %q", body)
	}
	if body := get(t, h, "/style.css").Body.String(); strings.Contains(body, EventsPath) {
		t.Errorf("style.css got the reload script: %q", body)
	}
}

func TestOverlayAfterFailedRebuild(t *testing.T) {
	fail := true
	s := newTestServer(t, func() error {
		if fail {
			return errors.New("content/entries/war.yaml:3:9: date: month 13 out of range (want YYYY, YYYY-MM or YYYY-MM-DD)\ncontent/site.yaml:1:1: title: <missing>")
		}
		return nil
	})
	s.Rebuild(nil)
	body := get(t, s.Handler(), "/entries/a/").Body.String()
	for _, want := range []string{`id="gen-build-error"`, "content/entries/war.yaml:3:9: date: month 13", "&lt;missing&gt;", "<h1>A</h1>"} {
		if !strings.Contains(body, want) {
			t.Errorf("after a failed rebuild, page lacks %q:\n%s", want, body)
		}
	}
	fail = false
	s.Rebuild(nil)
	if body := get(t, s.Handler(), "/entries/a/").Body.String(); strings.Contains(body, "gen-build-error") {
		t.Errorf("after a good rebuild the overlay stays:\n%s", body)
	}
}

func TestEventsStreamReloadsAfterRebuild(t *testing.T) {
	s := newTestServer(t, nil)
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	resp, err := http.Get(srv.URL + EventsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("Content-Type %q, want text/event-stream", ct)
	}
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	waitFor(t, lines, ": connected")
	s.Rebuild(nil)
	waitFor(t, lines, "event: reload")
}

func waitFor(t *testing.T, lines <-chan string, want string) {
	t.Helper()
	timeout := time.After(5 * time.Second)
	for {
		select {
		case line, ok := <-lines:
			if !ok {
				t.Fatalf("stream ended before %q", want)
			}
			if line == want {
				return
			}
		case <-timeout:
			t.Fatalf("no %q within 5s", want)
		}
	}
}

func TestPanickingRebuildShowsAsAnError(t *testing.T) {
	s := newTestServer(t, func() error { panic("index out of range") })
	s.Rebuild(nil)
	body := get(t, s.Handler(), "/").Body.String()
	for _, want := range []string{`id="gen-build-error"`, "internal error: index out of range", "<h1>Home</h1>"} {
		if !strings.Contains(body, want) {
			t.Errorf("after a panicking rebuild, page lacks %q", want)
		}
	}
}

func TestBasePathIsServedToo(t *testing.T) {
	s := newTestServer(t, nil)
	s.opts.BasePath = "/timeline/"
	for _, target := range []string{"/timeline/entries/a/", "/entries/a/"} {
		if rec := get(t, s.Handler(), target); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "<h1>A</h1>") {
			t.Errorf("GET %s = %d, want the entry page", target, rec.Code)
		}
	}
	if rec := get(t, s.Handler(), "/timeline/../secret.txt"); rec.Code != http.StatusNotFound {
		t.Errorf("GET /timeline/../secret.txt = %d, want 404", rec.Code)
	}
}
