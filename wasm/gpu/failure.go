package gpu

// Failure is why the GPU was not measured, as the page tells the reader:
// Reason, one of the sentences below (English; package locale translates
// it), and Detail, what the browser said, if anything, shown as it came.
type Failure struct {
	Reason string
	Detail string
}

func (f *Failure) Error() string {
	if f.Detail == "" {
		return f.Reason
	}
	return f.Reason + " (" + f.Detail + ")"
}

// The reasons. Each finishes "Your GPU was not measured: …".
const (
	NoWebGPU   = "this browser has no WebGPU"
	NoAdapter  = "the browser offers no GPU to this page"
	DeviceLost = "the GPU stopped answering (WebGPU lost the device)"
	Refused    = "WebGPU refused the miner's kernel"
	Failed     = "WebGPU failed"
	TooEasy    = "the target is too easy for the GPU kernel"
)

// Reasons lists them, for the catalog's test.
var Reasons = []string{NoWebGPU, NoAdapter, DeviceLost, Refused, Failed, TooEasy}
