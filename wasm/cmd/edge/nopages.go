//go:build js && wasm && nopages

package main

import "net/http"

// withScenarios is edge alone: this worker, built with -tags nopages for
// Workers Free's 3 MB, renders no page; the site's generator then routes
// none here (gen.Config.EdgePages), and pages with a scenario are served
// as built, computing it on the reader's first touch.
func withScenarios(edge http.Handler) http.Handler { return edge }
