package vectors

import "fmt"

// APIURLs returns API URLs for every shared vector (headers, compact
// targets, difficulties, subsidies) and for every endpoint with good and bad
// input: what each host of the API must answer with the same bytes.
func APIURLs() []string {
	var urls []string
	headers, _ := Headers()
	for _, h := range headers {
		urls = append(urls, "/api/v1/header?hex="+h.HeaderHex)
	}
	c := CompactVectors()
	for _, v := range c.SetCompact {
		urls = append(urls, "/api/v1/target?bits="+v.NBits)
	}
	for _, v := range c.GetDifficulty {
		urls = append(urls, "/api/v1/target?bits=0x"+v.NBits)
	}
	for _, p := range SubsidyVectors().Points {
		urls = append(urls, fmt.Sprintf("/api/v1/halving?height=%d&time=1763900000", p.Height))
	}
	return append(urls,
		"/api/v1/hashprice?price=85000&difficulty=149.3e12&height=925000&fees=0.02",
		"/api/v1/hashprice?price=85000&hashrate=1068&subsidy=3.125",
		"/api/v1/profit?price=85000&difficulty=149.3e12&height=925000&fees=0.02&efficiency=17.5&power_price=0.05&pool_fee=2&uptime=97",
		"/api/v1/convert?mw=100&power_price=0.05&hashprice=36&efficiency=17.5&mining_capex=500000&lease=130&lease_capex=9500000&gpu_hour=2&gpu_watts=1400&gpu_utilization=80&gpu_capex=30000000",
		"/api/v1/attack?hashrate=1000&hardware_price=15&efficiency=17.5&power_price=0.05&hashprice=36",
		"/api/v1/project?price=85000&difficulty=149.3e12&height=1049000&fees=0.02&efficiency=17.5&power_price=0.05&hardware_price=15&difficulty_growth=2&days=60",
		"/api/v1/race?device_hashrate=1500000&hashrate=1069",
		"/api/v1/hashprice?price=abc&difficulty=1&height=1",
		"/api/v1/hashprice?price=NaN&difficulty=1&height=1",
		"/api/v1/header?hex=zz",
		"/api/v1/nothing",
	)
}
