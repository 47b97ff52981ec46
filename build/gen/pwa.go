package gen

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"text/template"

	"github.com/hashswitch/hashswitch/wasm/locale"
)

// manifest writes /manifest.webmanifest, pointing at the hashed icons.
// The app's name and description, which each language's manifest translates.
const (
	appName        = "Hashswitch: mining or AI?"
	appDescription = "What a megawatt earns mining bitcoin and hosting AI, with numbers you can change."
)

func (b *builder) manifest() error {
	icon := func(name, sizes, purpose string) map[string]string {
		m := map[string]string{"src": b.assets[name], "sizes": sizes, "type": "image/png"}
		if purpose != "" {
			m["purpose"] = purpose
		}
		return m
	}
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
			return err
		}
		file := filepath.Join(b.cfg.Out, filepath.FromSlash(home), "manifest.webmanifest")
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(file, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Precache lists what the service worker stores on install: every page and
// every hashed asset but the miner's two builds (minerWasm).
func (b *builder) precache() []string {
	miner := b.minerWasm()
	var list []string
	for _, a := range append(b.sortedPages(), b.assets.Sorted()...) {
		if a != miner["simd"] && a != miner["scalar"] {
			list = append(list, a)
		}
	}
	return list
}

// minerWasm is the miner's two WebAssembly builds: the service worker
// precaches the one this browser runs, not both.
func (b *builder) minerWasm() map[string]string {
	simd, _ := b.assets.URL("hashworker-simd.wasm")
	scalar, _ := b.assets.URL("hashworker.wasm")
	return map[string]string{"simd": simd, "scalar": scalar}
}

// serviceWorker writes /sw.js from site/sw.js, filling in the version,
// the precache list, the miner's builds and SIMDProbe.
func (b *builder) serviceWorker() error {
	src, err := os.ReadFile(filepath.Join(b.cfg.Root, "site", "sw.js"))
	if err != nil {
		return err
	}
	t, err := template.New("sw.js").Delims("/*{{", "}}*/").Parse(string(src))
	if err != nil {
		return err
	}
	list, err := json.Marshal(b.precache())
	if err != nil {
		return err
	}
	version, _ := json.Marshal(b.assets.Version())
	miner, _ := json.Marshal(b.minerWasm())
	probe, _ := json.Marshal(numbers(SIMDProbe))
	var out bytes.Buffer
	if err := t.Execute(&out, map[string]string{"Version": string(version), "Precache": string(list), "Miner": string(miner), "SIMDProbe": string(probe)}); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(b.cfg.Out, "sw.js"), out.Bytes(), 0o644)
}
