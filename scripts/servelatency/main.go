// Command servelatency measures how long `gen serve` takes to put an
// edited article's page on disk: it starts gen serve on a content folder,
// edits one raw article several times, and for each edit times from the
// write of the article to the moment its page in the output folder holds
// the new text. It prints each time and the median. With -edit body (the
// default) each edit adds a sentence to the article's body; with -edit
// headline it changes the title line, which also changes the listings
// and exports the entry is on.
//
//	go build -o /tmp/gen ./cmd/gen
//	/tmp/gen synth -n 10000 -out /tmp/s10k
//	go run ./scripts/servelatency -gen /tmp/gen -content /tmp/s10k/content -out /tmp/s10k/public
//
// The article is restored afterwards.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/newsroom/timeline/internal/timeline"
)

func main() {
	gen := flag.String("gen", "gen", "the gen `binary`")
	contentDir := flag.String("content", "content", "content `folder` holding raw articles")
	out := flag.String("out", "public", "output `folder` gen serve writes")
	edits := flag.Int("edits", 11, "how many edits to time")
	addr := flag.String("addr", "127.0.0.1:18613", "`address` for gen serve")
	edit := flag.String("edit", "body", "what each edit changes: `body` or headline")
	flag.Parse()
	change, ok := changes[*edit]
	if !ok {
		fmt.Fprintf(os.Stderr, "servelatency: -edit %q: want body or headline\n", *edit)
		os.Exit(2)
	}
	if err := run(*gen, *contentDir, *out, *addr, *edits, change); err != nil {
		fmt.Fprintln(os.Stderr, "servelatency:", err)
		os.Exit(1)
	}
}

// changes make the text of edit number i of an article, marked by marker.
var changes = map[string]func(original []byte, marker string) string{
	"body": func(original []byte, marker string) string {
		half := bytes.Index(original[len(original)/2:], []byte("\n\n")) + len(original)/2
		return fmt.Sprintf("%s\n\nOfficials declined to comment further, a spokesman said %s.%s", original[:half], marker, original[half:])
	},
	"headline": func(original []byte, marker string) string {
		title, rest, _ := bytes.Cut(original, []byte("\n"))
		return fmt.Sprintf("%s, %s\n%s", bytes.TrimSpace(title), marker, rest)
	},
}

func run(gen, contentDir, out, addr string, edits int, change func([]byte, string) string) error {
	names, err := filepath.Glob(filepath.Join(contentDir, "articles", "*.txt"))
	if err != nil || len(names) == 0 {
		return fmt.Errorf("no raw articles in %s/articles", contentDir)
	}
	sort.Strings(names)
	article := names[len(names)/2]
	original, err := os.ReadFile(article)
	if err != nil {
		return err
	}
	defer os.WriteFile(article, original, 0o644)
	page := filepath.Join(out, "articles", timeline.ArticleSlug("articles/"+filepath.Base(article)), "index.html")

	cmd := exec.Command(gen, "serve", "-timings", "-content", contentDir, "-out", out, "-addr", addr)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		return err
	}
	defer cmd.Process.Kill()
	lines := make(chan string, 100)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	start := time.Now()
	if err := waitFor(lines, "serving", 10*time.Minute); err != nil {
		return err
	}
	fmt.Printf("first build and start: %s\n", time.Since(start).Round(time.Millisecond))

	var times []time.Duration
	for i := range edits {
		marker := fmt.Sprintf("in revision %d of this test", i)
		text := change(original, marker)
		t0 := time.Now()
		if err := os.WriteFile(article, []byte(text), 0o644); err != nil {
			return err
		}
		for {
			data, err := os.ReadFile(page)
			if err == nil && bytes.Contains(data, []byte(marker)) {
				break
			}
			if time.Since(t0) > time.Minute {
				return fmt.Errorf("edit %d: %s did not change within a minute", i, page)
			}
			time.Sleep(200 * time.Microsecond)
		}
		elapsed := time.Since(t0)
		built, err := waitForLine(lines, "built", time.Minute)
		if err != nil {
			return err
		}
		stages, err := waitForLine(lines, "stages:", time.Minute)
		if err != nil {
			return err
		}
		times = append(times, elapsed)
		fmt.Printf("edit %2d: page on disk after %6.1f ms (gen: %s; %s)\n", i, float64(elapsed.Microseconds())/1000, built, stages)
		time.Sleep(300 * time.Millisecond)
	}
	sorted := append([]time.Duration(nil), times...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	fmt.Printf("median %.1f ms, min %.1f ms, max %.1f ms over %d edits\n", ms(sorted[len(sorted)/2]), ms(sorted[0]), ms(sorted[len(sorted)-1]), len(sorted))
	return nil
}

// waitFor waits for a line of gen's output that starts with prefix.
func waitFor(lines <-chan string, prefix string, limit time.Duration) error {
	_, err := waitForLine(lines, prefix, limit)
	return err
}

// waitForLine returns the first line of gen's output that starts with
// prefix.
func waitForLine(lines <-chan string, prefix string, limit time.Duration) (string, error) {
	timeout := time.After(limit)
	for {
		select {
		case line, ok := <-lines:
			if !ok {
				return "", fmt.Errorf("gen serve stopped")
			}
			if strings.HasPrefix(line, prefix) {
				return line, nil
			}
		case <-timeout:
			return "", fmt.Errorf("no %q line from gen serve within %s", prefix, limit)
		}
	}
}
