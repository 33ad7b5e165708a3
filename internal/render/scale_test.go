package render

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsroom/timeline/internal/timeline"
)

// TestLongChronologyCollapses renders a chronology past IndexLimit (set
// RENDER_SCALE=100000 to try a larger one) and checks that the index
// collapses to its months while the month archives keep every anchor.
func TestLongChronologyCollapses(t *testing.T) {
	n := IndexLimit * 2
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
	err := Render(chron, loadDefaults(t), Options{}, func(p string, data []byte) error {
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
	})
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, size := range files {
		total += size
	}
	t.Logf("%d entries: %d files, %d MB, index %d KB, in %s", n, len(files), total>>20, len(index)>>10, time.Since(began).Round(time.Millisecond))
	if len(index) > 100<<10 {
		t.Errorf("index.html is %d KB, want under 100 KB", len(index)>>10)
	}
	if strings.Contains(index, `id="e000100"`) {
		t.Error("a collapsed index still lists entries")
	}
	if !strings.Contains(index, `href="./months/2022-02/"`) {
		t.Error("the collapsed index should link to its month archives")
	}
	if !strings.Contains(month, `id="`+chron.Entries[n/4].ID+`"`) && !strings.Contains(month, `id="e`) {
		t.Error("the month archive lacks its entries' anchors")
	}
}
