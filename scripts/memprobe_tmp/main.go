package main

import (
	"fmt"
	"os"
	"runtime"
	"time"

	"github.com/newsroom/timeline/internal/build"
	"github.com/newsroom/timeline/internal/content"
	"github.com/newsroom/timeline/templates"
	"github.com/spf13/afero"
)

func mem(stage string, start time.Time) {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Printf("%-10s heap %4d MB  sys %4d MB  %s\n", stage, m.HeapAlloc>>20, m.Sys>>20, time.Since(start).Round(time.Millisecond))
}

func main() {
	fsys := afero.NewOsFs()
	start := time.Now()
	c, _ := content.Load(fsys, os.Args[1])
	mem("load", start)
	fmt.Println(len(c.Articles), "articles")
	p := build.Prepare(fsys, build.Options{ContentDir: os.Args[1], DefaultTemplates: templates.FS, TemplatesDir: "templates"})
	mem("prepare", start)
	mem("kept", start)
	fmt.Println(p.Timings.String(), len(p.Chronology.Entries), "entries")
	runtime.KeepAlive(p)
}
