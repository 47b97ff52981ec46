package gen

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/template"

	"github.com/hashswitch/hashswitch/wasm/locale"
)

// The app's name and description, which each language's manifest translates.
const (
	appName        = "Hashswitch: mining or AI?"
	appDescription = "What a megawatt earns mining bitcoin and hosting AI, with numbers you can change."
)

// manifests are /manifest.webmanifest and /vi/manifest.webmanifest,
// pointing at the hashed icons.
func manifests(assets Assets) ([]file, error) {
	icon := func(name, sizes, purpose string) map[string]string {
		m := map[string]string{"src": assets[name], "sizes": sizes, "type": "image/png"}
		if purpose != "" {
			m["purpose"] = purpose
		}
		return m
	}
	var files []file
	for _, lang := range locale.Tags {
		home := langPrefix(lang) + "/"
		m := map[string]any{
			"name":             lang.T(appName),
			"short_name":       "Hashswitch",
			"description":      lang.T(appDescription),
			"lang":             string(lang),
			"start_url":        home,
			"scope":            "/",
			"display":          "standalone",
			"background_color": "#fdfcf9",
			"theme_color":      "#b34700",
			"icons": []map[string]string{
				icon("icon-192.png", "192x192", ""),
				icon("icon-512.png", "512x512", ""),
				icon("icon-maskable-512.png", "512x512", "maskable"),
			},
		}
		data, err := json.MarshalIndent(m, "", "  ")
		if err != nil {
			return nil, err
		}
		files = append(files, file{strings.TrimPrefix(home+"manifest.webmanifest", "/"), data})
	}
	return files, nil
}

// precache lists what the service worker stores on install: every page and
// every hashed asset but the miner's two builds (minerWasm).
func precache(assets Assets, pages []string) []string {
	miner := minerWasm(assets)
	var list []string
	for _, a := range slices.Concat(pages, assets.Sorted()) {
		if a != miner["simd"] && a != miner["scalar"] {
			list = append(list, a)
		}
	}
	return list
}

// minerWasm is the miner's two WebAssembly builds: the service worker
// precaches the one this browser runs, not both.
func minerWasm(assets Assets) map[string]string {
	simd, _ := assets.URL("hashworker-simd.wasm")
	scalar, _ := assets.URL("hashworker.wasm")
	return map[string]string{"simd": simd, "scalar": scalar}
}

// serviceWorker is /sw.js, site/sw.js with the assets' version, the
// precache list of the pages (URL paths, sorted) and assets, the miner's
// builds and SIMDProbe filled in.
func serviceWorker(root string, assets Assets, pages []string) (file, error) {
	src, err := os.ReadFile(filepath.Join(root, "site", "sw.js"))
	if err != nil {
		return file{}, err
	}
	t, err := template.New("sw.js").Delims("/*{{", "}}*/").Parse(string(src))
	if err != nil {
		return file{}, err
	}
	list, err := json.Marshal(precache(assets, pages))
	if err != nil {
		return file{}, err
	}
	version, _ := json.Marshal(assets.Version())
	miner, _ := json.Marshal(minerWasm(assets))
	probe, _ := json.Marshal(numbers(SIMDProbe))
	var out bytes.Buffer
	if err := t.Execute(&out, map[string]string{"Version": string(version), "Precache": string(list), "Miner": string(miner), "SIMDProbe": string(probe)}); err != nil {
		return file{}, err
	}
	return file{"sw.js", out.Bytes()}, nil
}
