//go:build unix

// Command hostile runs the gen binary over every case of the
// hostile-content suite (testdata/hostile, see internal/hostile) on the
// real file system, and measures each build: its exit status, wall time
// and peak memory (the child's maximum resident set size), and that
// what it prints holds no control character. A case fails past
// -max-time or -max-mb; a build that does not end in four times
// -max-time is killed and reported as a hang.
//
//	go build -o /tmp/gen ./cmd/gen && go run ./scripts/hostile -gen /tmp/gen testdata/hostile
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"

	"github.com/newsroom/timeline/internal/hostile"
	"github.com/spf13/afero"
)

func main() {
	gen := flag.String("gen", "gen", "the gen binary")
	maxTime := flag.Duration("max-time", 10*time.Second, "the longest a case's build may take")
	maxMB := flag.Int64("max-mb", 500, "the most memory a case's build may take, in MB")
	flag.Parse()
	dir := "testdata/hostile"
	if flag.NArg() > 0 {
		dir = flag.Arg(0)
	}
	failed, err := run(*gen, dir, *maxTime, *maxMB)
	if err != nil {
		fmt.Fprintln(os.Stderr, "hostile:", err)
		os.Exit(2)
	}
	if failed > 0 {
		fmt.Printf("%d cases failed\n", failed)
		os.Exit(1)
	}
}

// measure is one run of gen.
type measure struct {
	exit   int
	wall   time.Duration
	peakMB int64
	output []byte
	hung   bool
}

func run(gen, dir string, maxTime time.Duration, maxMB int64) (failed int, err error) {
	if gen, err = filepath.Abs(gen); err != nil {
		return 0, err
	}
	dir, err = filepath.Abs(dir)
	if err != nil {
		return 0, err
	}
	cases, err := hostile.Load(dir)
	if err != nil {
		return 0, err
	}
	var slowest, largest measure
	var slowestName, largestName string
	fmt.Printf("%-34s %4s %9s %8s\n", "case", "exit", "time", "peak MB")
	for _, c := range cases {
		m, err := runCase(gen, filepath.Join(dir, "_base"), c, maxTime)
		if err != nil {
			return failed, fmt.Errorf("%s: %w", c.Name, err)
		}
		var problems []string
		switch {
		case m.hung:
			problems = append(problems, "hung: killed")
		case m.exit != c.Exit:
			problems = append(problems, fmt.Sprintf("exit %d, want %d", m.exit, c.Exit))
		}
		if m.wall > maxTime {
			problems = append(problems, fmt.Sprintf("took over %v", maxTime))
		}
		if m.peakMB > maxMB {
			problems = append(problems, fmt.Sprintf("took over %d MB", maxMB))
		}
		if i := controlByte(m.output); i >= 0 {
			problems = append(problems, fmt.Sprintf("printed control byte %#x", m.output[i]))
		}
		fmt.Printf("%-34s %4d %9s %8d %v\n", c.Name, m.exit, m.wall.Round(time.Millisecond), m.peakMB, problems)
		if len(problems) > 0 {
			failed++
		}
		if m.wall > slowest.wall {
			slowest, slowestName = m, c.Name
		}
		if m.peakMB > largest.peakMB {
			largest, largestName = m, c.Name
		}
	}
	fmt.Printf("%d cases; slowest %s (%v), largest %s (%d MB)\n", len(cases), slowestName, slowest.wall.Round(time.Millisecond), largestName, largest.peakMB)
	return failed, nil
}

// runCase lays the base site in a temporary folder, builds it, lays the
// case over it and measures gen's build of it.
func runCase(gen, base string, c hostile.Case, maxTime time.Duration) (measure, error) {
	root, err := os.MkdirTemp("", "hostile-")
	if err != nil {
		return measure{}, err
	}
	defer os.RemoveAll(root)
	fsys := afero.NewOsFs()
	if err := hostile.LayBase(fsys, base, root); err != nil {
		return measure{}, err
	}
	if m := runGen(gen, root, "public", maxTime); m.exit != 0 {
		return m, fmt.Errorf("the base site does not build: %s", m.output)
	}
	if err := c.Lay(fsys, root); err != nil {
		return measure{}, err
	}
	return runGen(gen, root, c.Out, maxTime), nil
}

func runGen(gen, root, out string, maxTime time.Duration) measure {
	ctx, cancel := context.WithTimeout(context.Background(), 4*maxTime)
	defer cancel()
	cmd := exec.CommandContext(ctx, gen, "build", "-content", "content", "-templates", "templates", "-out", out, "-force")
	cmd.Dir = root
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output
	start := time.Now()
	err := cmd.Run()
	m := measure{wall: time.Since(start), output: output.Bytes(), hung: ctx.Err() != nil}
	if cmd.ProcessState != nil {
		m.exit = cmd.ProcessState.ExitCode()
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			m.peakMB = ru.Maxrss >> 10 // kilobytes on Linux
		}
	} else if err != nil {
		m.exit = -1
	}
	return m
}

// controlByte returns the index of the first control byte of out but
// newline and tab, or -1.
func controlByte(out []byte) int {
	for i, b := range out {
		if (b < 0x20 && b != '\n' && b != '\t') || b == 0x7f {
			return i
		}
	}
	return -1
}
