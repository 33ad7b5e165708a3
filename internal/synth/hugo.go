package synth

// hugoFiles make the generated folder a Hugo site too: "hugo -s DIR"
// builds the Markdown articles of DIR/content/articles, the same files
// "gen -content DIR/content" builds. The layouts render what gen's
// default templates do — a page per article and an index by month — and
// the configuration turns off what gen does not make (RSS feeds, a
// sitemap, taxonomy pages), so both do comparable work. Hugo would copy
// gen's YAML files in content/ to its output as resources; ignoreFiles
// keeps them out.
var hugoFiles = map[string]string{
	"hugo.toml": `baseURL = "https://example.org/timeline/"
languageCode = "en"
title = "Synthetic chronology: US–Russia contacts over Ukraine"
disableKinds = ["RSS", "sitemap", "robotsTXT", "taxonomy", "term", "404"]
# gen's YAML files in content/ are not Hugo content: without this Hugo
# copies them into public/ as page resources.
ignoreFiles = ['\.ya?ml$']
`,
	"layouts/_default/baseof.html": `<!DOCTYPE html>
<html lang="{{ .Site.LanguageCode }}">
<head><meta charset="utf-8"><title>{{ .Title }} · {{ .Site.Title }}</title></head>
<body>
<header><a href="{{ "" | relURL }}">{{ .Site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
`,
	"layouts/_default/single.html": `{{ define "main" }}
<article>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>{{ with .Params.kind }} · {{ . }}{{ end }}</p>
<h1>{{ .Title }}</h1>
{{ with .Params.outlet }}<p>{{ . }}</p>{{ end }}
{{ with .Params.participants }}<p>People: {{ delimit . ", " }}</p>{{ end }}
{{ .Content }}
</article>
<nav>
{{ with .PrevInSection }}<a rel="prev" href="{{ .RelPermalink }}">← {{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }} →</a>{{ end }}
</nav>
{{ end }}
`,
	"layouts/_default/list.html": `{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{ range .Pages.ByDate }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> · {{ .Date.Format "2 January 2006" }}</li>
{{ end }}
</ul>
{{ end }}
`,
	"layouts/index.html": `{{ define "main" }}
{{ range .Site.RegularPages.ByDate.GroupByDate "January 2006" "asc" }}
<section>
<h2>{{ .Key }}</h2>
<ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> · {{ .Description }}</li>
{{ end }}
</ul>
</section>
{{ end }}
{{ end }}
`,
}
