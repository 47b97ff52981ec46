package gen

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashswitch/hashswitch/wasm/calcview"
)

// Assets maps an asset's logical name ("style.css") to the URL of its
// content-hashed copy ("/assets/style.3f2a9c1e.css"). Hashed files never
// change, so they are cached forever; a new build has new names.
type Assets map[string]string

// URL returns the hashed URL of name; an unknown name is a build error, so
// templates fail loudly rather than link to nothing.
func (a Assets) URL(name string) (string, error) {
	u, ok := a[name]
	if !ok {
		return "", fmt.Errorf("no asset %q", name)
	}
	return u, nil
}

// Sorted returns the hashed URLs in order, for the service worker's list.
func (a Assets) Sorted() []string {
	urls := make([]string, 0, len(a))
	for _, u := range a {
		urls = append(urls, u)
	}
	sort.Strings(urls)
	return urls
}

// Version is a short hash of every asset's hashed name: it changes exactly
// when an asset does.
func (a Assets) Version() string {
	sum := sha256.Sum256([]byte(strings.Join(a.Sorted(), "\n")))
	return hex.EncodeToString(sum[:])[:10]
}

// add writes data under out/assets with a content hash in its name
// (calcview.AssetPath).
func (a Assets) add(out, name string, data []byte) error {
	hashed := calcview.AssetPath(name, data)
	dir := path.Dir(hashed)
	if err := os.MkdirAll(filepath.Join(out, filepath.FromSlash(dir)), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, filepath.FromSlash(hashed)), data, 0o644); err != nil {
		return err
	}
	a[name] = "/" + hashed
	return nil
}
