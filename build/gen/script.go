package gen

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/evanw/esbuild/pkg/api"

	"github.com/hashswitch/hashswitch/wasm/locale"
	"github.com/hashswitch/hashswitch/wasm/widget"
)

// The page's script is ES modules by concern under site/assets/hashswitch/
// (main.js imports the rest), which esbuild's Go API bundles here into one
// minified module, the asset hashswitch.js: no Node step in the build.
// Each module imports what Go owns from go:rules, a module this file
// writes, so that no rule lives in both languages.

// ScriptDir is the page script's folder under site/assets; its bundle is
// the asset ScriptDir + ".js".
const ScriptDir = "hashswitch"

// Script is the page script, bundled.
type Script struct {
	Code []byte
	// Modules are the files bundled, relative to the repository root.
	Modules []string
	// Strings are what the modules show through t("…"), in English, for
	// the pages' translations.
	Strings []string
}

// BundleScript bundles site/assets/hashswitch/main.js and the modules it
// imports, with go:rules, the repository being root.
func BundleScript(root string) (Script, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return Script{}, err
	}
	result := api.Build(api.BuildOptions{
		AbsWorkingDir:     abs,
		EntryPoints:       []string{filepath.ToSlash(filepath.Join("site", "assets", ScriptDir, "main.js"))},
		Outfile:           ScriptDir + ".js",
		Bundle:            true,
		Format:            api.FormatESModule,
		Target:            api.ESNext, // as written: the browsers the site runs in take it
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		Charset:           api.CharsetUTF8,
		LegalComments:     api.LegalCommentsNone,
		Metafile:          true,
		Plugins:           []api.Plugin{goRules},
		LogLevel:          api.LogLevelSilent,
	})
	if len(result.Errors) > 0 {
		var problems []string
		for _, m := range api.FormatMessages(result.Errors, api.FormatMessagesOptions{Kind: api.ErrorMessage}) {
			problems = append(problems, strings.TrimSpace(m))
		}
		return Script{}, errors.New("bundling the page script:\n" + strings.Join(problems, "\n"))
	}
	var meta struct {
		Inputs map[string]json.RawMessage `json:"inputs"`
	}
	if err := json.Unmarshal([]byte(result.Metafile), &meta); err != nil {
		return Script{}, err
	}
	s := Script{Code: result.OutputFiles[0].Contents}
	for path := range meta.Inputs {
		if strings.Contains(path, ":") {
			continue // go:rules, which shows nothing
		}
		data, err := os.ReadFile(filepath.Join(abs, filepath.FromSlash(path)))
		if err != nil {
			return Script{}, err
		}
		s.Modules = append(s.Modules, path)
		s.Strings = append(s.Strings, JSStringsOf(data)...)
	}
	return s, nil
}

// goRules resolves the import "go:rules" to RulesModule.
var goRules = api.Plugin{Name: "go-rules", Setup: func(b api.PluginBuild) {
	b.OnResolve(api.OnResolveOptions{Filter: `^go:rules$`}, func(api.OnResolveArgs) (api.OnResolveResult, error) {
		return api.OnResolveResult{Path: "rules", Namespace: "go"}, nil
	})
	b.OnLoad(api.OnLoadOptions{Filter: `.*`, Namespace: "go"}, func(api.OnLoadArgs) (api.OnLoadResult, error) {
		js, err := RulesModule()
		return api.OnLoadResult{Contents: &js, Loader: api.LoaderJS}, err
	})
}}

// RulesModule is go:rules, what the page script takes from Go:
//
//   - display: the parameters that change how amounts are shown, not what
//     is computed (widget.DisplayParams), which an embed passes on;
//   - simdProbe: SIMDProbe's bytes;
//   - styles: per language, the characters an API number changes to be
//     read in that language (locale's Shown: in Vietnamese "." and ","
//     swap) and the words of a countdown (human.Style's Days and Passed).
func RulesModule() (string, error) {
	type style struct {
		Shown  map[string]string `json:"shown"`
		Days   string            `json:"days"`
		Passed string            `json:"passed"`
	}
	styles := map[locale.Tag]style{}
	for _, lang := range locale.Tags {
		s := style{Shown: map[string]string{}, Days: lang.Style().Days, Passed: lang.Style().Passed}
		for c := byte(' '); c <= '~'; c++ {
			if shown := lang.Shown(string(c)); shown != string(c) {
				s.Shown[string(c)] = shown
			}
		}
		styles[lang] = s
	}
	var js strings.Builder
	for _, export := range []struct {
		name  string
		value any
	}{{"display", widget.DisplayParams()}, {"simdProbe", numbers(SIMDProbe)}, {"styles", styles}} {
		data, err := json.Marshal(export.value) // JSON is JavaScript
		if err != nil {
			return "", err
		}
		js.WriteString("export const " + export.name + " = " + string(data) + ";\n")
	}
	return js.String(), nil
}

// SIMDProbe is a WebAssembly module that compiles only where WebAssembly
// has 128-bit SIMD (wasm-feature-detect's probe): the page and the service
// worker ask it which of the miner's two builds this browser runs.
var SIMDProbe = []byte{0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11}

// numbers are bytes as JSON writes numbers (it writes []byte in base64).
func numbers(b []byte) []int {
	out := make([]int, len(b))
	for i, c := range b {
		out[i] = int(c)
	}
	return out
}

// EmbedIn is the path of the page's embed in language tag: an English
// embed asked for ?lang=vi goes there.
func (p *page) EmbedIn(tag string) string {
	lang, _ := locale.Parse(tag)
	return widget.EmbedPath(lang, p.EmbedName)
}
