package history

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// Getter fetches a URL's body; a status other than 200 is an error (the
// same shape as refresh.Getter: net/http natively, fetch at the edge).
type Getter func(ctx context.Context, url string) ([]byte, error)

// Fetch asks mempool.space at base (https://mempool.space, or a fake on
// loopback) for the four lists at once and parses them. A list that
// cannot be had or read is missing from the inputs, and problems says why;
// the others are kept.
func Fetch(ctx context.Context, get Getter, base string, now time.Time) (in Inputs, problems []error) {
	paths := []string{PathHashrate, PathRewards, PathFees, PathPrice}
	bodies := make([][]byte, len(paths))
	errs := make([]error, len(paths))
	var wg sync.WaitGroup
	for i, p := range paths {
		wg.Go(func() { bodies[i], errs[i] = get(ctx, base+p) })
	}
	wg.Wait()
	t := now.Unix()
	for i, p := range paths {
		if errs[i] != nil {
			problems = append(problems, fmt.Errorf("%s: %w", p, errs[i]))
			continue
		}
		var refused []Refusal
		var err error
		switch p {
		case PathHashrate:
			in.Adjustments, in.Hashrates, refused, err = ParseHashrate(bodies[i], t)
		case PathRewards:
			in.Rewards, refused, err = ParseRewards(bodies[i], t)
		case PathFees:
			in.Fees, refused, err = ParseFees(bodies[i], t)
		case PathPrice:
			in.Prices, refused, err = ParseHistoricalPrice(bodies[i], t)
		}
		if err != nil {
			problems = append(problems, err)
		}
		in.Refused = append(in.Refused, refused...)
	}
	return in, problems
}
