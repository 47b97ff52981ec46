package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestIndexListsEveryEntryByModule: the index of two real entries of the
// database (an html/template one, GO-2026-6600, among those Go 1.26.8
// reached here, and one of a third-party module) names each under its
// module, and each entry is kept byte for byte where govulncheck reads it.
func TestIndexListsEveryEntryByModule(t *testing.T) {
	out := filepath.Join(t.TempDir(), "db")
	if err := index(filepath.Join("testdata", "osv"), out); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(out, "index", "modules.json"))
	if err != nil {
		t.Fatal(err)
	}
	var modules []struct {
		Path  string
		Vulns []struct{ ID string }
	}
	if err := json.Unmarshal(data, &modules); err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, m := range modules {
		for _, v := range m.Vulns {
			got[m.Path] = append(got[m.Path], v.ID)
		}
	}
	want := map[string]string{"stdlib": "GO-2026-6600", "aahframe.work": "GO-2020-0033"}
	if len(got) != len(want) {
		t.Errorf("modules %v, want %v", got, want)
	}
	for path, id := range want {
		if len(got[path]) != 1 || got[path][0] != id {
			t.Errorf("%s lists %v, want [%s]", path, got[path], id)
		}
		src, _ := os.ReadFile(filepath.Join("testdata", "osv", id+".json"))
		kept, err := os.ReadFile(filepath.Join(out, "ID", id+".json"))
		if err != nil || !bytes.Equal(src, kept) {
			t.Errorf("%s not kept as it was: %v", id, err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "index", "db.json")); err != nil {
		t.Error(err)
	}
}
