package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/url"
	"runtime"
	"strings"

	"github.com/newsroom/timeline/internal/build"
	"github.com/newsroom/timeline/internal/content"
	"github.com/newsroom/timeline/internal/diag"
	"github.com/newsroom/timeline/internal/serve"
	"github.com/spf13/afero"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", "usage: gen serve [flags]\n\nBuilds the site, serves it and rebuilds when content or templates change.\n\n", stderr)
	var f siteFlags
	f.register(fs)
	addr := fs.String("addr", "127.0.0.1:1313", "`address` to listen on; only localhost unless you say otherwise")
	timings := fs.Bool("timings", false, "print how long each stage of each rebuild took")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if host, _, err := net.SplitHostPort(*addr); err != nil {
		return fmt.Errorf("serve: -addr %q: %w (want host:port, e.g. 127.0.0.1:1313)", *addr, err)
	} else if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		fmt.Fprintf(stderr, "warning: serving on %s: other machines can reach the preview\n", *addr)
	}
	session := build.NewSession(afero.NewOsFs(), f.options())
	// shown is the text of the warnings last printed, and shownList the
	// list it was made from: a rebuild that gives the same ones says so
	// in one line instead. A rebuild that took the last build's warnings
	// as they were (an edit to an article's body) hands back the very
	// list, which is not printed again to be compared.
	var shown string
	var shownList diag.List
	srv := serve.New(serve.Options{
		Addr: *addr, OutputDir: f.output, Watch: []string{f.content, f.templates}, Log: stdout,
		BasePath: basePath(f.content),
		Build: func(changed []string) error {
			res, err := session.Build(changed)
			text := shown
			if !res.Warnings.Equal(shownList) {
				text = warningsText(res.Warnings)
			}
			if text != shown {
				fmt.Fprint(stderr, text)
				shown = text
			} else if text != "" {
				fmt.Fprintf(stderr, "%d warnings, the same as above\n", len(res.Warnings))
			}
			shownList = res.Warnings
			if err == nil {
				fmt.Fprintln(stdout, res.Summary())
				if *timings {
					fmt.Fprintln(stdout, "stages:", res.Timings)
				}
			}
			// Collect the garbage of this build while the editor reads
			// the page, so that the next rebuild does not pay for it.
			go runtime.GC()
			return err
		},
	})
	return srv.ListenAndServe(ctx)
}

// basePath returns the path of the site's base URL from the content
// folder's site.yaml ("/timeline/"), or "" when there is none; a broken
// site.yaml is reported by the build itself.
func basePath(contentDir string) string {
	site, _ := content.LoadSite(afero.NewOsFs(), contentDir)
	u, err := url.Parse(site.BaseURL)
	if err != nil {
		return ""
	}
	return u.Path
}

// warningsText returns the warnings, one a line.
func warningsText(warnings diag.List) string {
	var b strings.Builder
	for _, w := range warnings {
		b.WriteString(w.Error())
		b.WriteByte('\n')
	}
	return b.String()
}
