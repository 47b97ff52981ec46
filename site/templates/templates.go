// Package templates holds the site's HTML templates, site/templates/*.html,
// compiled into every program that renders them: the generator, which
// writes the build's pages, and the hosts that render a calculator for a
// URL's scenario at request time (the dev server and the edge worker), so
// that the two can never render from different copies.
package templates

import "embed"

// FS is site/templates/*.html.
//
//go:embed *.html
var FS embed.FS

// Calc is the file that defines the "calc" and "calc-group" templates: a
// calculator's section.
const Calc = "calc.html"
