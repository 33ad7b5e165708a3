package write

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"

	"github.com/newsroom/timeline/internal/parallel"
	"github.com/spf13/afero"
)

// previousBuild tells whether dir is new, and reads the manifest of the
// build that made it. An empty folder counts as new.
func previousBuild(fsys afero.Fs, dir string) (fresh bool, old map[string]fileSum, err error) {
	info, err := lstat(fsys, dir)
	if errors.Is(err, os.ErrNotExist) {
		return true, nil, nil
	}
	if err != nil {
		return false, nil, fmt.Errorf("output folder %s: %w", dir, err)
	}
	if info.Mode()&os.ModeSymlink != 0 {
		return false, nil, fmt.Errorf("output folder %s: is a symlink (want a real folder: a build swaps it with the new site)", dir)
	}
	if !info.IsDir() {
		return false, nil, fmt.Errorf("output folder %s: is a file (want a folder)", dir)
	}
	if old, ok := readSite(fsys, dir); ok {
		return false, old, nil
	}
	if empty, _ := afero.IsEmpty(fsys, dir); empty {
		return false, map[string]fileSum{}, nil
	}
	return false, nil, fmt.Errorf("output folder %s: not empty and not made by gen (no %s file); refusing to replace it (want an empty or generated folder)", dir, Marker)
}

// readSite reads the manifest of the generated site in dir and returns
// the files it lists, or false when dir has no manifest. A file that is
// missing, or is not a regular file in real folders (a symlink, or
// below one), is listed with a zero sha256, which no content has: it is
// replaced or removed like a changed file.
func readSite(fsys afero.Fs, dir string) (map[string]fileSum, bool) {
	data, err := afero.ReadFile(fsys, filepath.Join(dir, Marker))
	if err != nil {
		return nil, false
	}
	files := parseManifest(data)
	site := newTree(fsys, dir)
	// A site has tens of thousands of files: they are looked at on
	// every core.
	paths := slices.Collect(maps.Keys(files))
	unknown := make([]bool, len(paths))
	parallel.For(0, len(paths), func(i int) {
		info, err := lstat(fsys, site.full(paths[i]))
		unknown[i] = err != nil || !info.Mode().IsRegular() || !site.hasDir(path.Dir(paths[i]))
	})
	for i, p := range paths {
		if unknown[i] {
			sum := files[p]
			sum.sha = digest{}
			files[p] = sum
		}
	}
	return files, true
}

// diffSums returns the paths where spare differs from old, with what
// spare holds there.
func diffSums(spare, old map[string]fileSum) map[string]spareFile {
	diff := map[string]spareFile{}
	for p, sum := range spare {
		if o, ok := old[p]; !ok || o.sha != sum.sha {
			diff[p] = spareFile{sha: sum.sha, present: true}
		}
	}
	for p := range old {
		if _, ok := spare[p]; !ok {
			diff[p] = spareFile{}
		}
	}
	return diff
}

// spareSum returns what the spare folder holds at p.
func (o *Output) spareSum(p string) spareFile {
	if d, ok := o.spareDiff[p]; ok {
		return d
	}
	if sum, ok := o.old[p]; ok {
		return spareFile{sha: sum.sha, present: true}
	}
	return spareFile{}
}
