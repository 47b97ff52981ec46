package calcview

import (
	"crypto/sha256"
	"encoding/hex"
	"path"
	"regexp"
	"strconv"
	"strings"
)

// hashDigits is how many hex digits of its content's SHA-256 an asset's
// name carries.
const hashDigits = 10

// AssetPath is where asset name (a file of site/assets) is served, its
// content data's hash in its name: assets/style.3f2a9c1e04.css, and
// WebAssembly in assets/wasm/, where netlify.toml sets its type. The
// generator names assets with it and Splice reads the names back
// (hashedAsset), so the two cannot drift.
func AssetPath(name string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	dir := "assets"
	if ext == ".wasm" {
		dir = "assets/wasm"
	}
	return dir + "/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:])[:hashDigits] + ext
}

// hashedAsset is a hashed asset's URL in a page, as AssetPath names it:
// its logical name, then its extension.
var hashedAsset = regexp.MustCompile(`/assets/(?:wasm/)?([A-Za-z0-9_-]+)\.[0-9a-f]{` + strconv.Itoa(hashDigits) + `}(\.[A-Za-z0-9]+)`)
