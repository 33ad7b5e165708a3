module github.com/newsroom/timeline

go 1.26.8

require (
	github.com/fsnotify/fsnotify v1.10.1
	github.com/spf13/afero v1.15.0
	github.com/yuin/goldmark v1.8.7
	golang.org/x/net v0.63.0
	golang.org/x/sys v0.50.0
	gopkg.in/yaml.v3 v3.0.1
)

require golang.org/x/text v0.44.0 // indirect
