module github.com/newsroom/timeline

go 1.26.8

require (
	github.com/spf13/afero v1.15.0 // indirect
	github.com/yuin/goldmark v1.8.7 // indirect
	golang.org/x/text v0.28.0 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)
