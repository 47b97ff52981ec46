package api

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/hashswitch/hashswitch/wasm/calc"
	"github.com/hashswitch/hashswitch/wasm/oembed"
)

// OEmbed answers /oembed?url=EMBED_URL[&maxwidth=..&maxheight=..] for the
// site whose origin base returns: the dev server passes the address it is
// served on, the edge its SITE_URL. Another host's URL is a 404, as the
// spec asks; only format=json is served. Without a usable origin (base
// empty, or a placeholder) it answers 500, never cached, rather than
// links to nowhere.
func OEmbed(base func(*http.Request) string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodOptions {
			Preflight(w, r)
			return
		}
		h := w.Header()
		h.Set("Access-Control-Allow-Origin", "*")
		h.Set("X-Content-Type-Options", "nosniff")
		q := r.URL.Query()
		if f := q.Get("format"); f != "" && f != "json" {
			write(w, calc.Answer{Status: http.StatusNotImplemented, Body: []byte(`{"error":{"field":"format","message":"only format=json is served"}}` + "\n")})
			return
		}
		res, err := oembed.For(base(r), q.Get("url"), oembed.Size(q.Get("maxwidth")), oembed.Size(q.Get("maxheight")))
		if errors.Is(err, oembed.ErrNoSite) {
			write(w, calc.ErrorAnswer(http.StatusInternalServerError, err.Error()))
			return
		}
		if err != nil {
			write(w, calc.Answer{Status: http.StatusNotFound, Body: []byte(`{"error":{"field":"url","message":"must be a Hashswitch embed URL on this site, such as /embed/hashprice/"}}` + "\n")})
			return
		}
		body, err := json.Marshal(res)
		if err != nil {
			write(w, calc.ErrorAnswer(http.StatusInternalServerError, "internal error; please report the URL"))
			return
		}
		write(w, calc.Answer{Status: http.StatusOK, Body: append(body, '\n'), MaxAgeSec: 86400})
	})
}
