package api

import (
	"encoding/json"
	"net/http"

	"github.com/hashswitch/hashswitch/wasm/oembed"
)

// OEmbed answers /oembed?url=EMBED_URL[&maxwidth=..&maxheight=..] for the
// site whose origin base returns: the dev server passes the address it is
// served on, the edge its SITE_URL. Another host's URL is a 404, as the
// spec asks; only format=json is served.
func OEmbed(base func(*http.Request) string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Access-Control-Allow-Origin", "*")
		h.Set("Content-Type", "application/json; charset=utf-8")
		h.Set("X-Content-Type-Options", "nosniff")
		q := r.URL.Query()
		if f := q.Get("format"); f != "" && f != "json" {
			h.Set("Cache-Control", "no-store")
			w.WriteHeader(http.StatusNotImplemented)
			w.Write([]byte(`{"error":{"field":"format","message":"only format=json is served"}}` + "\n"))
			return
		}
		res, err := oembed.For(base(r), q.Get("url"), oembed.Size(q.Get("maxwidth")), oembed.Size(q.Get("maxheight")))
		if err != nil {
			h.Set("Cache-Control", "no-store")
			w.WriteHeader(http.StatusNotFound)
			w.Write([]byte(`{"error":{"field":"url","message":"must be a Hashswitch embed URL on this site, such as /embed/hashprice/"}}` + "\n"))
			return
		}
		h.Set("Cache-Control", "public, max-age=86400")
		json.NewEncoder(w).Encode(res)
	})
}
