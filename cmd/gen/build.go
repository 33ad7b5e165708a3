package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strings"

	"github.com/newsroom/timeline/internal/build"
	"github.com/newsroom/timeline/internal/write"
	"github.com/newsroom/timeline/templates"
	"github.com/spf13/afero"
)

// siteFlags are the folder flags shared by build, serve and check.
type siteFlags struct {
	content, templates, output string
}

func (f *siteFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.content, "content", "content", "content `folder`: site.yaml, people.yaml, entries/, annotations/, articles/")
	fs.StringVar(&f.templates, "templates", "templates", "templates `folder`: files here override the built-in templates of the same name")
	fs.StringVar(&f.output, "out", "public", "output `folder`: updated only when the build succeeds, and only where pages changed")
}

func (f *siteFlags) options() build.Options {
	return build.Options{ContentDir: f.content, TemplatesDir: f.templates, OutputDir: f.output, DefaultTemplates: templates.FS}
}

// newFlags returns the flag set of command name, which writes to stderr
// and shows usage, then every flag, on -h or a wrong flag.
func newFlags(name, usage string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, reporting usage errors through the flag set.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return err
		}
		return errUsage
	}
	return nil
}

func runBuild(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("build", "usage: gen [build] [flags]\n\nBuilds the site from the content folder into the output folder.\n\n", stderr)
	var f siteFlags
	f.register(fs)
	force := fs.Bool("force", false, "build even when nothing changed since the last build")
	timings := fs.Bool("timings", false, "print how long each stage took")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to `file` (see go tool pprof)")
	heapProfiles := fs.String("heapprofile", "", "after each stage, write a heap profile of what is still in use to `folder`/NN-STAGE.prof (see go tool pprof)")
	memLimit := fs.Int("memlimit", 400, "soft memory limit in `MiB` for the garbage collector (0: none; the GOMEMLIMIT variable wins)")
	workers := fs.Int("workers", 0, "`number` of goroutines for extraction and rendering (0: one per core); the output is the same for any number")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	setMemoryLimit(*memLimit)
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return err
		}
		defer stop()
	}
	opts := f.options()
	opts.Force, opts.Workers = *force, *workers
	if *heapProfiles != "" {
		opts.StageDone = heapProfiler(*heapProfiles, stderr)
	}
	res, err := build.Build(afero.NewOsFs(), opts)
	for _, w := range res.Warnings {
		fmt.Fprintln(stderr, w.Error())
	}
	if err != nil {
		return fmt.Errorf("%w\nbuild failed: %s", err, outputState(err, f.output))
	}
	fmt.Fprintln(stdout, res.Summary())
	if *timings {
		fmt.Fprintln(stdout, "stages:", res.Timings)
	}
	return nil
}

// outputState says what a failed build left in the output folder: as it
// was, unless the write stage says otherwise (write.OutputError).
func outputState(err error, output string) string {
	var changed *write.OutputError
	if errors.As(err, &changed) {
		return changed.State
	}
	return output + " left unchanged"
}

// startCPUProfile profiles the process into path until stop is called.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpuprofile: %w", err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// heapProfiler returns a build.Options.StageDone that writes a heap
// profile of the data still in use after each stage into dir, numbered
// in stage order, and prints the heap's size to w.
func heapProfiler(dir string, w io.Writer) func(stage string) {
	n := 0
	return func(stage string) {
		n++
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		fmt.Fprintf(w, "heap after %s: %d MiB in use, %d MiB from the system\n", stage, m.HeapAlloc>>20, m.HeapSys>>20)
		name := filepath.Join(dir, fmt.Sprintf("%02d-%s.prof", n, strings.ReplaceAll(stage, " ", "-")))
		f, err := os.Create(name)
		if err == nil {
			err = pprof.WriteHeapProfile(f)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			fmt.Fprintf(w, "heapprofile: %v\n", err)
		}
	}
}

// setMemoryLimit asks the garbage collector to keep the heap under mib
// MiB, unless GOMEMLIMIT already says otherwise. A large build's live
// data is a fraction of that; without a limit the heap grows to twice
// the live data between collections.
func setMemoryLimit(mib int) {
	if mib <= 0 || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(int64(mib) << 20)
}
