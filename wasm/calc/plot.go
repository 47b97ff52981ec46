package calc

// Plot is a calculator's chart as data: lines on two axes that say what
// they measure, or a few bars, and a marker at the reader's scenario. Its
// words are English, which the catalogs translate; its amounts are in
// dollars. Package present draws it for a reader, in their language and
// currency (package chart).
type Plot struct {
	ID     string // unique in the page, for aria references
	Title  string
	X, Y   Axis
	Series []Series
	Bars   []Bar
	Marker *Marker
	Steps  bool // draw lines as steps (a value that holds until the next x)
}

// Axis is what an axis measures: its label is Label, then Unit in
// brackets ("Bitcoin price (USD)"), or either alone. An axis whose Unit is
// money holds amounts, which a presenter shows in the reader's currency.
type Axis struct {
	Label string
	Unit  Unit
	Ticks Ticks
}

// Ticks is how an axis's ticks and the table's cells write its numbers.
type Ticks int

const (
	CompactTicks Ticks = iota // 85k, 1.2M, 3.125
	AmountTicks               // $1.2M, −$2B: amounts, with their sign
	CentTicks                 // $0.05: amounts to the cent
	WholeTicks                // 32
	PowerTicks                // 10^6.3: the axis holds log10 of its numbers
)

// Series is one line of a plot, Y against X, and Bar one bar: their
// names are English, their numbers in their axes' units (amounts in
// dollars), for a presenter to write.
type (
	Series struct {
		Name string
		X, Y []float64
	}
	Bar struct {
		Label string
		Value float64
	}
)

// Marker is the reader's scenario on a line chart, labelled with a word
// and a number: its Y, an amount written as results are ("now $36.02"),
// or with OfX its X, written as the axis's ticks are ("block 925k").
type Marker struct {
	X, Y float64
	Word string
	OfX  bool
}
