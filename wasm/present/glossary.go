package present

// Term is a word of the calculators' labels, units and explainers that
// the glossary (/glossary/, /vi/glossary/) spells out: Word as labels
// write it, the glossary's Anchor for it, and what it stands for, in
// English, which the catalogs translate. An explainer spells it out and
// links it to the glossary at its first use (build/gen's
// TestTermsSpelledOutAtFirstUse); labels do the same (calcview's
// Glossed) unless Prose: a word so common in the labels, hashprice or
// PH/s, that a link on each would drown the rest.
type Term struct {
	Word, Anchor, Spelled string
	Prose                 bool
}

// Terms are the glossary's terms that labels, units and explainers use.
var Terms = []Term{
	{"NPV", "npv", "net present value", false},
	{"PUE", "pue", "power usage effectiveness", false},
	{"EH/s", "ehs", "exahashes per second", false},
	{"J per TH", "jth", "joules per terahash", false},
	{"J/TH", "jth", "joules per terahash", false},
	{"sat", "sat", "satoshis, hundred-millionths of a bitcoin", false},
	{"Hashvalue", "hashvalue", "what a PH/s earns a day, in bitcoin", false},
	{"PH/s", "phs", "petahashes per second", true},
	{"TH/s", "ths", "terahashes per second", true},
	{"Hashprice", "hashprice", "what a PH/s earns a day, in dollars", true},
}

// termWords are the terms' spelled-out words, for the catalogs.
func termWords() []string {
	var out []string
	for _, t := range Terms {
		out = append(out, t.Spelled)
	}
	return out
}
