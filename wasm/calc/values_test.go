package calc

import (
	"net/url"
	"reflect"
	"testing"
)

// FuzzValues: the page's query reading and writing is net/url's: the same
// values and the same problem from ParseQuery, the same escapes and the
// same encoding.
func FuzzValues(f *testing.F) {
	for _, s := range []string{"price=85000&fees=0.02", "a=1&a=2&b", "x=%41%zz&y=1", "q=a+b%20c;d", "k=%", "k=%4", "=&&=v", "é=ü&%E2%82%AC=1", "a;b=1&c=%x1", "a=%zz&b;=1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, query string) {
		got, err := ParseQuery(query)
		want, wantErr := url.ParseQuery(query)
		if (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error() {
			t.Fatalf("ParseQuery(%q): error %v, net/url %v", query, err, wantErr)
		}
		if !reflect.DeepEqual(map[string][]string(got), map[string][]string(want)) {
			t.Fatalf("ParseQuery(%q) = %v, net/url %v", query, got, want)
		}
		if got, want := got.Encode(), want.Encode(); got != want {
			t.Fatalf("Encode: %q, net/url %q", got, want)
		}
		if got, want := QueryEscape(query), url.QueryEscape(query); got != want {
			t.Fatalf("QueryEscape(%q) = %q, net/url %q", query, got, want)
		}
		u, err := QueryUnescape(query)
		wu, werr := url.QueryUnescape(query)
		if u != wu || (err == nil) != (werr == nil) || err != nil && err.Error() != werr.Error() {
			t.Fatalf("QueryUnescape(%q) = %q, %v; net/url %q, %v", query, u, err, wu, werr)
		}
	})
}

// TestGetURLReadsThePathAsTheServerDoes: the page's call decodes and
// cleans the path as net/http does natively (/api/v1/hashpric%65 answered
// 200 natively and 404 in the page).
func TestGetURLReadsThePathAsTheServerDoes(t *testing.T) {
	const q = "price=85000&difficulty=149.3e12&height=925000"
	want := Get("/api/v1/hashprice", q)
	for _, u := range []string{
		"/api/v1/hashpric%65?" + q, "/api/v1/%68%61shprice?" + q, "/api/v1//hashprice?" + q,
		"/api/v1/./hashprice?" + q, "/api/v1/x/../hashprice?" + q, "/api/v1/hashprice/?" + q, "/api/v1/hashprice?" + q + "#top",
	} {
		if got := GetURL(u); got.Status != 200 || string(got.Body) != string(want.Body) {
			t.Errorf("%s: %d %s", u, got.Status, got.Body)
		}
	}
	if got := GetURL("/api/v1/hashpric%6?" + q); got.Status != 400 {
		t.Errorf("a bad escape: %d %s", got.Status, got.Body)
	}
	if got := GetURL("/api/v1/hashprice+?" + q); got.Status != 404 {
		t.Errorf("a + in the path is a +: %d %s", got.Status, got.Body)
	}
}
