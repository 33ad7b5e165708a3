// Package templates holds the default HTML templates and stylesheet,
// compiled into the binary so that gen works from any folder. A file of
// the same name in a site's templates/ folder overrides the default.
//
// Every page template defines "title" and "content" and is executed
// inside layout.html's "layout". Files ending in .css, .js and other
// assets are copied to the output as they are.
package templates

import "embed"

// FS holds the default templates and assets.
//
//go:embed *.html *.css *.js *.svg
var FS embed.FS
