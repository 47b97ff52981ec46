package present

// Term is a word of the calculators' labels and units that the glossary
// (/glossary/, /vi/glossary/) spells out: Word as labels write it, the
// glossary's Anchor for it, and what it stands for, in English, which the
// catalogs translate.
type Term struct {
	Word, Anchor, Spelled string
}

// Terms are the glossary's terms that labels and units use.
var Terms = []Term{
	{"NPV", "npv", "net present value"},
	{"PUE", "pue", "power usage effectiveness"},
	{"EH/s", "ehs", "exahashes per second"},
	{"J per TH", "jth", "joules per terahash"},
	{"J/TH", "jth", "joules per terahash"},
	{"sat", "sat", "satoshis, hundred-millionths of a bitcoin"},
	{"Hashvalue", "hashvalue", "what a PH/s earns a day, in bitcoin"},
}

// termWords are the terms' spelled-out words, for the catalogs.
func termWords() []string {
	var out []string
	for _, t := range Terms {
		out = append(out, t.Spelled)
	}
	return out
}
