package build

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/newsroom/timeline/internal/sitetest"
	"github.com/newsroom/timeline/internal/synth"
	"github.com/newsroom/timeline/internal/write"
)

// TestOutputIdentity builds the sample site and a synthetic site of 1,000
// articles and compares every output file's SHA-256 with the manifests
// in testdata (one line a file: its path and its hash). A change to the
// code that should leave the output alone must pass it as it is; one that
// changes the output on purpose rewrites the manifests with
// go test ./internal/build -run TestOutputIdentity -update, and the diff
// of the manifests shows which files changed.
func TestOutputIdentity(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 1,000 articles")
	}
	t.Run("sample", func(t *testing.T) {
		fsys := sampleFs(t)
		if _, err := Build(fsys, options()); err != nil {
			t.Fatal(err)
		}
		checkHashes(t, "sample.sha256", hashManifest(sitetest.Tree(t, fsys, "public")))
	})
	t.Run("synthetic 1,000", func(t *testing.T) {
		fsys := sampleFs(t)
		if err := synth.Generate(fsys, "site", synth.Options{Articles: 1000, Seed: 1}); err != nil {
			t.Fatal(err)
		}
		opts := options()
		opts.ContentDir, opts.OutputDir = "site/content", "site/public"
		if _, err := Build(fsys, opts); err != nil {
			t.Fatal(err)
		}
		checkHashes(t, "synth1000.sha256", hashManifest(sitetest.Tree(t, fsys, "site/public")))
	})
}

// hashManifest lists every file of a built site but the write.Marker,
// sorted by path, as "path sha256" lines.
func hashManifest(files map[string]string) string {
	delete(files, write.Marker)
	var b strings.Builder
	for _, p := range slices.Sorted(maps.Keys(files)) {
		sum := sha256.Sum256([]byte(files[p]))
		fmt.Fprintf(&b, "%s %s\n", p, hex.EncodeToString(sum[:]))
	}
	return b.String()
}

// checkHashes compares a hash manifest with testdata/name (see
// goldenFile). It reports each path whose hash differs, is missing or is
// new, the first 20 of each kind.
func checkHashes(t *testing.T, name, got string) {
	t.Helper()
	want, have := parseHashes(t, "testdata/"+name, goldenFile(t, name, got)), parseHashes(t, "the built site", got)
	var differ, missing, added []string
	for p, sum := range want {
		switch other, ok := have[p]; {
		case !ok:
			missing = append(missing, p)
		case other != sum:
			differ = append(differ, p)
		}
	}
	for p := range have {
		if _, ok := want[p]; !ok {
			added = append(added, p)
		}
	}
	for _, kind := range []struct {
		what  string
		paths []string
	}{{"differ from", differ}, {"are missing, listed in", missing}, {"are new, not in", added}} {
		if len(kind.paths) == 0 {
			continue
		}
		sort.Strings(kind.paths)
		shown := kind.paths[:min(20, len(kind.paths))]
		t.Errorf("%d files %s %s (if the change is meant, run go test ./internal/build -run TestOutputIdentity -update):\n  %s",
			len(kind.paths), kind.what, "testdata/"+name, strings.Join(shown, "\n  "))
	}
}

// parseHashes reads a hash manifest into a map from path to hash.
func parseHashes(t *testing.T, source, text string) map[string]string {
	t.Helper()
	sums := map[string]string{}
	for i, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		p, sum, ok := strings.Cut(line, " ")
		if !ok {
			t.Fatalf("%s:%d: %q is not a path and a hash", source, i+1, line)
		}
		sums[p] = sum
	}
	return sums
}
