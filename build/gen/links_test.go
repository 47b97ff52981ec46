package gen

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashswitch/hashswitch/build/server"
	"github.com/hashswitch/hashswitch/wasm/api"
)

// TestLinks builds the site and follows every internal link and source in
// every page: files must exist, #fragments must name an id in their page,
// and /api/v1 links (each calculator's JSON link) must answer 200 JSON
// through the route production takes: dist/_redirects proxies them to the
// edge origin, played here by the API handler over HTTP.
func TestLinks(t *testing.T) {
	edge := httptest.NewServer(api.Handler())
	defer edge.Close()
	out := t.TempDir()
	if _, err := Build(Config{Root: root, Out: out, EdgeOrigin: edge.URL}); err != nil {
		t.Fatal(err)
	}
	redirects, err := server.LoadRedirects(filepath.Join(out, "_redirects"))
	if err != nil {
		t.Fatal(err)
	}
	attr := regexp.MustCompile(`(?:href|src)="([^"]+)"`)
	ids := map[string]map[string]bool{} // page path -> ids
	idRe := regexp.MustCompile(` id="([^"]+)"`)
	pageIDs := func(file string) map[string]bool {
		if m, ok := ids[file]; ok {
			return m
		}
		m := map[string]bool{}
		if data, err := os.ReadFile(file); err == nil {
			for _, id := range idRe.FindAllStringSubmatch(string(data), -1) {
				m[id[1]] = true
			}
		}
		ids[file] = m
		return m
	}
	var pages []string
	filepath.WalkDir(out, func(path string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".html") {
			pages = append(pages, path)
		}
		return nil
	})
	checked := 0
	for _, page := range pages {
		data, _ := os.ReadFile(page)
		rel, _ := filepath.Rel(out, filepath.Dir(page))
		base := &url.URL{Path: "/" + filepath.ToSlash(rel) + "/"}
		for _, m := range attr.FindAllStringSubmatch(string(data), -1) {
			raw := strings.ReplaceAll(m[1], "&amp;", "&")
			u, err := url.Parse(raw)
			if err != nil {
				t.Errorf("%s: bad URL %q", page, raw)
				continue
			}
			if u.Scheme != "" || u.Host != "" {
				continue // the footer's and embed credit's links to the site's own base URL
			}
			target := base.ResolveReference(u)
			checked++
			if to, status, ok := server.Resolve(redirects, target.Path); ok {
				if status != 200 {
					t.Errorf("%s links %s: redirected with %d, not proxied", page, raw, status)
					continue
				}
				if to != "" && target.RawQuery != "" {
					to += "?" + target.RawQuery
				}
				res, err := http.Get(to)
				if err != nil {
					t.Errorf("%s links %s: %v", page, raw, err)
					continue
				}
				body, _ := io.ReadAll(res.Body)
				res.Body.Close()
				if res.StatusCode != 200 || !json.Valid(body) {
					t.Errorf("%s links %s: the edge answers %d %s", page, raw, res.StatusCode, body)
				}
				continue
			}
			file := filepath.Join(out, filepath.FromSlash(target.Path))
			if strings.HasSuffix(target.Path, "/") {
				file = filepath.Join(file, "index.html")
			}
			if _, err := os.Stat(file); err != nil {
				t.Errorf("%s links %s: no such file", page, raw)
				continue
			}
			if u.Fragment != "" && !pageIDs(file)[u.Fragment] {
				t.Errorf("%s links %s: no id %q there", page, raw, u.Fragment)
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d links checked", checked)
	}
	t.Logf("%d links in %d pages", checked, len(pages))
}

// TestUnknownCalculatorFailsTheBuild builds content with a misspelt calc
// fence: the build must fail and name it.
func TestUnknownCalculatorFailsTheBuild(t *testing.T) {
	fake := fakeRoot(t, map[string]string{"index.md": "---\ntitle: t\ndescription: d\n---\n\n```calc hashpirce\n```\n"})
	_, err := Build(Config{Root: fake, Out: t.TempDir()})
	if err == nil || !strings.Contains(err.Error(), `no calculator "hashpirce"`) || !strings.Contains(err.Error(), "index.md") {
		t.Errorf("build error %v", err)
	}
	os.WriteFile(filepath.Join(fake, "content", "index.md"), []byte("---\ntitle: t\ndescription: d\n---\n\n```calc profit power_price=abc\n```\n"), 0o644)
	_, err = Build(Config{Root: fake, Out: t.TempDir()})
	if err == nil || !strings.Contains(err.Error(), "power_price") {
		t.Errorf("bad preset: %v", err)
	}
}
