package widget

import "strings"

// ReaderStrings lists every English string a calculator shows a reader,
// from its definition: titles, summaries, input labels, units, help lines
// and groups, output labels and units, and the words of the formats. The
// Vietnamese catalog must translate each (package locale's test).
func ReaderStrings() []string {
	var out []string
	add := func(ss ...string) {
		for _, s := range ss {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	for _, w := range all {
		add(w.Title, w.Summary)
		for _, in := range w.Inputs {
			add(in.Label, in.Unit, in.Help, in.Group)
		}
		for _, o := range w.Outputs {
			add(o.Label, o.Unit)
		}
	}
	add(words...)
	add(freshnessLines...)
	return out
}

// words are the formats' own words.
var words = []string{"never", "valid", "not valid"}
