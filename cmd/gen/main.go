// Command gen builds a static timeline site from a content folder.
//
//	gen [build] [flags]      build public/ from content/ (the default)
//	gen serve [flags]        build, serve on 127.0.0.1 and rebuild on change
//	gen extract [-json] FILE...  show what is read from raw articles
//
// Run "gen help" or "gen build -h" for the flags.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/newsroom/timeline/internal/diag"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(Run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// Run runs gen with args and returns the exit code.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if v := recover(); v != nil {
			fmt.Fprintf(stderr, "gen: internal error: %s\nThis is a bug in gen, not in your content; nothing was written. Please report it with the command and the content that caused it.\n", diag.Escape(fmt.Sprint(v)))
			code = 3
		}
	}()
	cmd, rest := "build", args
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		cmd, rest = args[0], args[1:]
	}
	var err error
	switch cmd {
	case "build":
		err = runBuild(rest, stdout, stderr)
	case "serve":
		err = runServe(ctx, rest, stdout, stderr)
	case "extract":
		err = runExtract(rest, stdout, stderr)
	case "synth":
		err = runSynth(rest, stdout, stderr)
	case "check":
		err = runCheck(rest, stdout, stderr)
	case "new":
		err = runNew(rest, stdout, stderr)
	case "help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "gen: unknown command %q (want build, serve, extract, check, new or help)\n", cmd)
		return 2
	}
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	}
	fmt.Fprintln(stderr, diag.EscapeLines(err.Error()))
	return 1
}

// errUsage marks errors already reported by a flag set.
var errUsage = errors.New("usage")

const usage = `gen builds a static timeline site from a content folder.

Commands:
  gen [build] [flags]          build the site (default: content/ → public/)
  gen serve [flags]            build, serve on http://127.0.0.1:1313/, rebuild on change
  gen extract [-json] FILE...  show what is read from raw articles, and why
  gen synth -n N -out DIR      write a synthetic content folder for measuring builds
  gen check [-json] [flags]    check all content and templates; write nothing; exit 1 on errors
  gen new [-date D] [-kind K] "Title"
                               write content/entries/ID.yaml, every field commented

Run "gen COMMAND -h" for a command's flags.
`
