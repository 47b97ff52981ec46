package server

import (
	"encoding/json"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/hashswitch/hashswitch/build/gen"
	"github.com/hashswitch/hashswitch/wasm/calcview"
	"github.com/hashswitch/hashswitch/wasm/locale"
)

// The site, built once for the scenario tests.
var built struct {
	sync.Once
	dist string
	err  error
}

// site serves a build of the repository's site with the dev server's
// handler, the API mounted natively beside it.
func site(t *testing.T) (*httptest.Server, string) {
	t.Helper()
	built.Do(func() {
		built.dist, built.err = os.MkdirTemp("", "hashswitch-scenario")
		if built.err == nil {
			_, built.err = gen.Build(gen.Config{Root: filepath.Join("..", ".."), Out: built.dist, BaseURL: "https://hashswitch.example"})
		}
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	srv := httptest.NewServer(Handler(built.dist, rules(t), "https://hashswitch.example"))
	t.Cleanup(srv.Close)
	return srv, built.dist
}

func fetch(t *testing.T, srv *httptest.Server, path string) (*http.Response, string) {
	t.Helper()
	res, err := http.Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res, string(body)
}

var (
	outputTag = regexp.MustCompile(`<output data-key="([^"]*)" data-value="([^"]*)"`)
	apiLink   = regexp.MustCompile(`<a class="api-link"[^>]*href="([^"]*)"`)
)

// section is calculator id's section of page.
func section(t *testing.T, page, id string) string {
	t.Helper()
	start := regexp.MustCompile(`<section class="calc[^"]*" id="` + regexp.QuoteMeta(id) + `"`).FindStringIndex(page)
	if start == nil {
		t.Fatalf("no calculator %s", id)
	}
	end := strings.Index(page[start[0]:], "</section>")
	return page[start[0] : start[0]+end+len("</section>")]
}

// answerAt is the API's answer (JSON) at a dotted key.
func answerAt(answer any, key string) any {
	for _, part := range strings.Split(key, ".") {
		switch v := answer.(type) {
		case map[string]any:
			answer = v[part]
		case []any:
			i, _ := strconv.Atoi(part)
			if i < len(v) {
				answer = v[i]
			}
		}
	}
	return answer
}

// sameValue says a data-value is the API's value: numbers as numbers.
func sameValue(attr string, api any) bool {
	switch x := api.(type) {
	case nil:
		return attr == ""
	case float64:
		f, err := strconv.ParseFloat(attr, 64)
		return err == nil && f == x
	case bool:
		return attr == strconv.FormatBool(x)
	case string:
		return attr == x
	}
	return false
}

// checkOutputs compares every output of sec with the API's JSON answer
// for the same scenario, at apiURL.
func checkOutputs(t *testing.T, srv *httptest.Server, what, sec, apiURL string) {
	t.Helper()
	res, body := fetch(t, srv, apiURL)
	var answer any
	if err := json.Unmarshal([]byte(body), &answer); err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("%s: %s: %d %s", what, apiURL, res.StatusCode, body)
	}
	outs := outputTag.FindAllStringSubmatch(sec, -1)
	if len(outs) < 3 {
		t.Fatalf("%s: %d outputs", what, len(outs))
	}
	for _, o := range outs {
		key, value := o[1], html.UnescapeString(o[2])
		if want := answerAt(answer, key); !sameValue(value, want) {
			t.Errorf("%s: %s is %q, the API's %s answers %v", what, key, value, apiURL, want)
		}
	}
}

// TestScenarioEmbedMatchesAPI: an embed whose URL carries a scenario
// comes with that scenario's numbers, each output's data-value the API's
// answer for the same query, in English and Vietnamese, with the embed's
// framing policy and a cacheable answer; no section waits for a touch.
func TestScenarioEmbedMatchesAPI(t *testing.T) {
	srv, dist := site(t)
	for _, c := range []struct{ name, query string }{
		{"convert", "mw=50&power_price=0.07"},
		{"profit", "price=85000"},
		{"hashprice", "price=150000&fees=1"},
		{"halving", "block_time=590"},
		{"attack", "hashrate=300"},
		{"profit", "price=85000&currency=VND"},
	} {
		for _, prefix := range []string{"", "/vi"} {
			path := prefix + "/embed/" + c.name + "/?" + c.query
			res, page := fetch(t, srv, path)
			if res.StatusCode != http.StatusOK || !strings.Contains(page, " data-scenario") {
				t.Fatalf("%s: %d, rendered: %v", path, res.StatusCode, strings.Contains(page, "data-scenario"))
			}
			if csp := res.Header.Get("Content-Security-Policy"); csp != gen.EmbedCSP {
				t.Errorf("%s: CSP %q", path, csp)
			}
			if cc := res.Header.Get("Cache-Control"); cc != calcview.CacheControl {
				t.Errorf("%s: Cache-Control %q", path, cc)
			}
			sec := section(t, page, "calc")
			// The API's answer for the scenario: the embed's start values
			// (the network's figures) with the URL's parameters.
			api := html.UnescapeString(apiLink.FindStringSubmatch(sec)[1])
			u, _ := url.Parse(api)
			for k, v := range must(url.ParseQuery(c.query)) {
				if u.Query().Get(k) != v[0] {
					t.Errorf("%s: the scenario's API link %s has %s=%q", path, api, k, u.Query().Get(k))
				}
			}
			checkOutputs(t, srv, path, sec, api)
			static, _ := os.ReadFile(filepath.Join(dist, strings.TrimPrefix(prefix, "/"), "embed", c.name, "index.html"))
			if sec == section(t, string(static), "calc") {
				t.Errorf("%s: the section is the build's", path)
			}
		}
	}
}

// TestScenarioArticle: an article's calculator takes its own parameters
// (ID.name) over the presets its text fixed; the page's other
// calculators stay as built, and the page keeps its policy.
func TestScenarioArticle(t *testing.T) {
	srv, dist := site(t)
	for _, prefix := range []string{"", "/vi"} {
		path := prefix + "/mining-vs-ai/?convert-1.mw=50&convert-2.lease=90"
		res, page := fetch(t, srv, path)
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Security-Policy") != gen.PageCSP {
			t.Fatalf("%s: %d %v", path, res.StatusCode, res.Header)
		}
		static, err := os.ReadFile(filepath.Join(dist, strings.TrimPrefix(prefix, "/"), "mining-vs-ai", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		for id, param := range map[string]string{"convert-1": "mw=50", "convert-2": "lease=90"} {
			// The build's scenario of this calculator, the URL's over it.
			built := html.UnescapeString(apiLink.FindStringSubmatch(section(t, string(static), id))[1])
			u, _ := url.Parse(built)
			q := u.Query()
			k, v, _ := strings.Cut(param, "=")
			q.Set(k, v)
			checkOutputs(t, srv, path+" "+id, section(t, page, id), u.Path+"?"+q.Encode())
		}
		if a, b := section(t, page, "convert-3"), section(t, string(static), "convert-3"); a != b {
			t.Errorf("%s: convert-3, which the URL does not set, changed", path)
		}
	}
}

// TestScenarioBadInput: a value the calculator refuses is no server
// error: the page comes with the field's message, as the page script
// writes it (the API's message, capitalised), the field marked invalid,
// the results dashes.
func TestScenarioBadInput(t *testing.T) {
	srv, dist := site(t)
	static, _ := os.ReadFile(filepath.Join(dist, "embed", "profit", "index.html"))
	u, _ := url.Parse(html.UnescapeString(apiLink.FindStringSubmatch(string(static))[1]))
	for _, query := range []string{"price=abc", "price=-5", "hashrate=", "power_price=1e999"} {
		path := "/embed/profit/?" + query
		res, page := fetch(t, srv, path)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d", path, res.StatusCode)
		}
		q := u.Query()
		for k, v := range must(url.ParseQuery(query)) {
			q.Set(k, v[0])
		}
		_, body := fetch(t, srv, u.Path+"?"+q.Encode())
		var answer struct {
			Error struct{ Field, Message string }
		}
		if err := json.Unmarshal([]byte(body), &answer); err != nil || answer.Error.Field == "" {
			t.Fatalf("%s: the API answers %s", query, body)
		}
		// The page writes the API's message, but "is required" reads
		// "fill this in" under a field (package present), capitalised.
		msg := answer.Error.Message
		if rest, ok := strings.CutPrefix(msg, "is required"); ok {
			msg = "fill this in" + rest
		}
		r, n := utf8.DecodeRuneInString(msg)
		want := string(unicode.ToUpper(r)) + msg[n:]
		sec := section(t, page, "calc")
		if !strings.Contains(sec, `class="calc has-error"`) {
			t.Errorf("%s: the section shows no error", path)
		}
		field := regexp.MustCompile(`id="calc-` + answer.Error.Field + `-error"[^>]*>([^<]*)<`).FindStringSubmatch(sec)
		if field == nil {
			// An error naming no input of the form is said above the results.
			summary := regexp.MustCompile(`<p class="calc-error" aria-live="polite">([^<]*)<`).FindStringSubmatch(sec)
			if summary == nil || html.UnescapeString(summary[1]) != want {
				t.Errorf("%s: the summary is %q, want %q", path, summary, want)
			}
		} else if html.UnescapeString(field[1]) != want {
			t.Errorf("%s: the field's message is %q, want %q", path, field[1], want)
		} else if !strings.Contains(sec, `name="`+answer.Error.Field+`" data-preset aria-invalid="true"`) {
			t.Errorf("%s: the field is not marked invalid", path)
		}
		for _, o := range outputTag.FindAllStringSubmatch(sec, -1) {
			if o[2] != "" {
				t.Errorf("%s: %s keeps a value, %s", path, o[1], o[2])
			}
		}
	}
}

// TestScenarioOfTheBuildIsTheBuild: a scenario that sets a calculator's
// input to the value it was built with renders that calculator as the
// build did (but for the marks that it was asked for), on every page: the
// presets each article fixed and its figures are read back from the page.
func TestScenarioOfTheBuildIsTheBuild(t *testing.T) {
	srv, dist := site(t)
	sections := regexp.MustCompile(`<section class="calc" id="([^"]*)" data-calc="[^"]*" data-scope="([^"]*)"`)
	input := regexp.MustCompile(`<input id="[^"]*" name="([^"]*)"( data-preset)? type="text" inputmode="decimal" value="([^"]*)"`)
	countdown := regexp.MustCompile(`(<output class="countdown"[^>]*>)[^<]*`)
	checked := 0
	filepath.WalkDir(dist, func(file string, d os.DirEntry, err error) error {
		if err != nil || d.Name() != "index.html" {
			return err
		}
		static, _ := os.ReadFile(file)
		rel, _ := filepath.Rel(dist, filepath.Dir(file))
		path := "/" + filepath.ToSlash(rel) + "/"
		if rel == "." {
			path = "/"
		}
		for _, s := range sections.FindAllStringSubmatch(string(static), -1) {
			id, scope := s[1], s[2]
			built := section(t, string(static), id)
			in := input.FindStringSubmatch(built)
			if in == nil {
				continue // the header's: no number to set
			}
			// The page shows the value as its reader types it; the URL
			// has the API's form.
			value := html.UnescapeString(in[3])
			if strings.HasPrefix(path, "/vi/") {
				value = locale.VI.Typed(value)
			}
			_, page := fetch(t, srv, path+"?"+url.QueryEscape(scope+in[1])+"="+url.QueryEscape(value))
			got := strings.Replace(section(t, page, id), " data-scenario", "", 1)
			// A shared scenario says so, before any script (an embed's
			// is the editor's: it does not).
			if !strings.Contains(got, `<p class="calc-shared">`) != strings.Contains(path, "/embed/") {
				t.Errorf("%s: %s: a shared scenario without its notice", path, id)
			}
			got = strings.Replace(got, `<p class="calc-shared">`, `<p class="calc-shared" hidden>`, 1)
			if in[2] == "" {
				got = strings.Replace(got, `name="`+in[1]+`" data-preset`, `name="`+in[1]+`"`, 1)
			}
			if countdown.ReplaceAllString(got, "$1") != countdown.ReplaceAllString(built, "$1") {
				t.Errorf("%s: %s set to its own %s=%s differs from the build's:\n%s\n---\n%s", path, id, in[1], value, got, built)
			}
			checked++
		}
		return nil
	})
	if checked < 30 {
		t.Errorf("only %d calculators checked", checked)
	}
	t.Logf("%d calculators checked", checked)
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
