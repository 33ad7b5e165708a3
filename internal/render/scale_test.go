package render

import (
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsroom/timeline/internal/timeline"
)

// TestLongChronologyIndex renders a chronology of 10,000 entries (set
// RENDER_SCALE=100000 to try a larger one) and checks that the index
// shows highlights and the latest entries within 150 KB, with unique ids,
// while the month archives keep every anchor.
func TestLongChronologyIndex(t *testing.T) {
	n := 10000
	if testing.Short() {
		n = IndexLimit * 3
	}
	if s, err := strconv.Atoi(os.Getenv("RENDER_SCALE")); err == nil {
		n = s
	}
	chron := fixture()
	chron.Entries = nil
	start := time.Date(2021, 12, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		d := timeline.FromTime(start.AddDate(0, 0, i*330/n))
		chron.Entries = append(chron.Entries, &timeline.Entry{
			ID: fmt.Sprintf("e%06d", i), Date: d, Title: fmt.Sprintf("Entry %d", i), Kind: "call",
			Participants: []string{"Ann Able", "Boris Bold"}, Tags: []string{"tag" + strconv.Itoa(i%20)}, Summary: "A summary.",
		})
	}
	chron.Site.Start, chron.Site.End = timeline.MonthOf(2021, 12), timeline.MonthOf(2022, 10)
	files := map[string]int{}
	var index, month string
	began := time.Now()
	var mu sync.Mutex
	err := Render(chron, loadDefaults(t), Options{}, WriteFunc(func(p string, data []byte) error {
		mu.Lock()
		defer mu.Unlock()
		files[p] = len(data)
		switch p {
		case "index.html":
			index = string(data)
		case "months/2022-02/index.html":
			month = string(data)
		}
		return nil
	}))
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, size := range files {
		total += size
	}
	t.Logf("%d entries: %d files, %d MB, index %d KB, in %s", n, len(files), total>>20, len(index)>>10, time.Since(began).Round(time.Millisecond))
	if len(index) > 150<<10 {
		t.Errorf("index.html is %d KB, want at most 150 KB", len(index)>>10)
	}
	if got := strings.Count(index, `<li class="entry"`); got < LatestLimit || got >= n {
		t.Errorf("the index lists %d entries, want at least %d and not all %d", got, LatestLimit, n)
	}
	if !strings.Contains(index, `id="`+chron.Entries[n-1].ID+`"`) {
		t.Error("the index lacks the latest entry")
	}
	ids := map[string]bool{}
	for _, m := range idAttr.FindAllStringSubmatch(index, -1) {
		if ids[m[1]] {
			t.Errorf("id %q twice on the index", m[1])
		}
		ids[m[1]] = true
	}
	if !strings.Contains(index, `href="./months/2022-02/"`) {
		t.Error("the index should link to its month archives")
	}
	if !strings.Contains(month, `id="`+chron.Entries[n/4].ID+`"`) && !strings.Contains(month, `id="e`) {
		t.Error("the month archive lacks its entries' anchors")
	}
}

var idAttr = regexp.MustCompile(` id="([^"]+)"`)
