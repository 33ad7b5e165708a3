package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/url"

	"github.com/newsroom/timeline/internal/build"
	"github.com/newsroom/timeline/internal/content"
	"github.com/newsroom/timeline/internal/serve"
	"github.com/spf13/afero"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var f siteFlags
	f.register(fs)
	addr := fs.String("addr", "127.0.0.1:1313", "`address` to listen on; only localhost unless you say otherwise")
	fs.Usage = func() {
		fmt.Fprint(stderr, "usage: gen serve [flags]\n\nBuilds the site, serves it and rebuilds when content or templates change.\n\n")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if host, _, err := net.SplitHostPort(*addr); err != nil {
		return fmt.Errorf("serve: -addr %q: %w (want host:port, e.g. 127.0.0.1:1313)", *addr, err)
	} else if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		fmt.Fprintf(stderr, "warning: serving on %s: other machines can reach the preview\n", *addr)
	}
	session := build.NewSession(afero.NewOsFs(), f.options())
	srv := serve.New(serve.Options{
		Addr: *addr, OutputDir: f.output, Watch: []string{f.content, f.templates}, Log: stdout,
		BasePath: basePath(f.content),
		Build: func(changed []string) error {
			res, err := session.Build(changed)
			for _, w := range res.Warnings {
				fmt.Fprintln(stderr, w.Error())
			}
			if err == nil {
				fmt.Fprintln(stdout, res.Summary())
			}
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
