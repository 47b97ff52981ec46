package calc

import "math"

// Headline is a calculator's answer to its question in one sentence, as
// data: its clauses, each a claim with the figures it names. A presenter
// writes it for a reader (package present); calc holds no words.
type Headline []Clause

// Clause is one claim of an answer: what it says, about which use of a
// site (convert's claims), with which figures, in the claim's order.
type Clause struct {
	Says    Claim
	Use     Use
	Figures []Figure
}

// Figure is a number a clause names, and how to write it.
type Figure struct {
	Kind  Kind
	Value float64
}

// Claim is one kind of clause. Each says what its figures are.
type Claim int

const (
	// HashpriceEarns: a PH/s earns {usd} a day, {sat}, at {usd} a bitcoin.
	HashpriceEarns Claim = iota
	// ProfitEarns: a TH/s earns {usd} a day after power, a {pct} margin,
	// while power costs under {usd per kWh}.
	ProfitEarns
	// ProfitLoses: a TH/s loses {usd} a day after power; it breaks even
	// with power at {usd per kWh} or less.
	ProfitLoses
	// HalvingNext: the next halving, at block {integer}, cuts the subsidy
	// from {btc} to {btc}.
	HalvingNext
	// HalvingOn: it is expected on {date}.
	HalvingOn
	// EarnsMost: Use earns the most per kWh today.
	EarnsMost
	// EarnsMostTimesMining: Use earns the most per kWh today, {ratio}
	// mining's revenue.
	EarnsMostTimesMining
	// PaysBackIn: Use pays back in {years}.
	PaysBackIn
	// PaysBackAtOnce: Use's cumulative cash is never below zero.
	PaysBackAtOnce
	// NeverPaysBack: Use's cumulative cash ends the horizon below zero.
	NeverPaysBack
	// AttackCosts: {pct} of all hashrate for {number} hours costs {usd}
	// to buy.
	AttackCosts
	// AttackRents: renting it instead costs {usd}.
	AttackRents
	// HeaderValid: the header's hash meets its target.
	HeaderValid
	// HeaderNotValid: it does not, or its bits encode no valid target.
	HeaderNotValid
	// BrowserFindsBlock: the browser alone finds a block in {number}
	// years on average.
	BrowserFindsBlock
)

// Use is one use of a site, which convert compares.
type Use int

const (
	NoUse Use = iota
	UseMining
	UseLease // colocation: leased to an AI tenant
	UseGPU   // GPU cloud
)

// headliner is a result that answers its calculator's question.
type headliner interface{ Headline() Headline }

// HeadlineOf is the answer of a result Compute returned; nil when its type
// has none.
func HeadlineOf(result any) Headline {
	if a, ok := result.(headliner); ok {
		return a.Headline()
	}
	return nil
}

func usd(x float64) Figure { return Figure{AsUSD, x} }

// Headline: what a PH/s of hashing earns a day, in dollars and satoshis.
func (r *HashpriceResult) Headline() Headline {
	return Headline{{Says: HashpriceEarns, Figures: []Figure{usd(r.HashpriceUSDPerPHDay), {AsSat, r.HashvalueSatPerPHDay}, usd(r.PriceUSD)}}}
}

// Headline: whether a TH/s makes money after power, and the power price at
// which that turns.
func (r *ProfitResult) Headline() Headline {
	if r.ProfitUSDPerTHDay < 0 {
		return Headline{{Says: ProfitLoses, Figures: []Figure{usd(-r.ProfitUSDPerTHDay), usd(r.BreakevenPowerPrice)}}}
	}
	return Headline{{Says: ProfitEarns, Figures: []Figure{usd(r.ProfitUSDPerTHDay), {AsPct, r.MarginPct}, usd(r.BreakevenPowerPrice)}}}
}

// Headline: where and what the next halving is, and when, when known.
func (r *HalvingResult) Headline() Headline {
	a := Headline{{Says: HalvingNext, Figures: []Figure{{AsInteger, float64(r.NextHalvingHeight)}, {AsBTC, r.SubsidyBTC}, {AsBTC, r.NextSubsidyBTC}}}}
	if r.ETAUnix != nil {
		a = append(a, Clause{Says: HalvingOn, Figures: []Figure{{AsDate, float64(*r.ETAUnix)}}})
	}
	return a
}

// Headline: which use earns the most per kWh today, and whether and when
// each pays back.
func (r *ConvertResult) Headline() Headline {
	uses := []struct {
		use Use
		o   *OptionResult
	}{{UseMining, r.Mining}, {UseLease, r.Lease}, {UseGPU, r.GPU}}
	best, most := NoUse, math.Inf(-1)
	for _, u := range uses {
		if u.o != nil && u.o.RevenueUSDPerKWh > most {
			best, most = u.use, u.o.RevenueUSDPerKWh
		}
	}
	var a Headline
	switch {
	case best == UseMining || r.Mining == nil || r.Mining.RevenueUSDPerKWh <= 0:
		a = append(a, Clause{Says: EarnsMost, Use: best})
	default:
		a = append(a, Clause{Says: EarnsMostTimesMining, Use: best, Figures: []Figure{{AsRatio, most / r.Mining.RevenueUSDPerKWh}}})
	}
	for _, u := range uses {
		switch {
		case u.o == nil:
		case u.o.PaybackYears == nil:
			a = append(a, Clause{Says: NeverPaysBack, Use: u.use})
		case *u.o.PaybackYears == 0:
			a = append(a, Clause{Says: PaysBackAtOnce, Use: u.use})
		default:
			a = append(a, Clause{Says: PaysBackIn, Use: u.use, Figures: []Figure{{AsYears, *u.o.PaybackYears}}})
		}
	}
	return a
}

// Headline: what buying the attack's share of hashrate costs, and renting
// it when priced.
func (r *AttackResult) Headline() Headline {
	a := Headline{{Says: AttackCosts, Figures: []Figure{{AsPct, r.SharePct}, {AsNumber, r.Hours}, usd(r.TotalUSD)}}}
	if r.RentUSD != nil {
		a = append(a, Clause{Says: AttackRents, Figures: []Figure{usd(*r.RentUSD)}})
	}
	return a
}

// Headline: whether the header's proof of work holds.
func (r *HeaderResult) Headline() Headline {
	if r.ValidPoW {
		return Headline{{Says: HeaderValid}}
	}
	return Headline{{Says: HeaderNotValid}}
}

// Headline: how long the reader's browser alone takes to find a block, and
// how much faster the network is.
func (r *RaceResult) Headline() Headline {
	return Headline{{Says: BrowserFindsBlock, Figures: []Figure{{AsNumber, r.YearsToBlock}}}}
}
