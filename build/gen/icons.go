package gen

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
)

// icons draws the app icons as PNGs into out: a hash sign on the brand
// colour, with rounded corners for the plain icons and full-bleed for the
// maskable one, whose symbol stays inside the 80% safe zone.
func icons(out string) (Assets, error) {
	assets := Assets{}
	for _, ic := range []struct {
		name     string
		size     int
		maskable bool
	}{{"icon-192.png", 192, false}, {"icon-512.png", 512, false}, {"icon-maskable-512.png", 512, true}} {
		data, err := Icon(ic.size, ic.maskable)
		if err != nil {
			return nil, err
		}
		if err := assets.add(out, ic.name, data); err != nil {
			return nil, err
		}
	}
	return assets, nil
}

var (
	brand = color.NRGBA{0xb3, 0x47, 0x00, 0xff}
	white = color.NRGBA{0xff, 0xff, 0xff, 0xff}
)

// Icon draws one icon of size pixels square as PNG.
func Icon(size int, maskable bool) ([]byte, error) {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	s := float64(size)
	radius := s * 0.22
	scale := 1.0
	if maskable {
		radius, scale = 0, 0.7
	}
	// The hash sign of icon.svg, in a 64-unit box centred on 32,32.
	segments := [][4]float64{{24, 14, 20, 50}, {42, 14, 38, 50}, {13, 26, 53, 26}, {11, 38, 51, 38}}
	stroke := 3.0 * scale * s / 64 // half of the stroke width
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			px, py := float64(x)+0.5, float64(y)+0.5
			bg := coverRoundedRect(px, py, s, radius)
			if bg == 0 {
				continue
			}
			ink := 0.0
			for _, seg := range segments {
				ax, ay := 32+(seg[0]-32)*scale, 32+(seg[1]-32)*scale
				bx, by := 32+(seg[2]-32)*scale, 32+(seg[3]-32)*scale
				d := distToSegment(px, py, ax*s/64, ay*s/64, bx*s/64, by*s/64)
				ink = math.Max(ink, clamp(stroke+0.5-d))
			}
			img.SetNRGBA(x, y, mix(brand, white, ink, bg))
		}
	}
	var out bytes.Buffer
	err := png.Encode(&out, img)
	return out.Bytes(), err
}

// coverRoundedRect is how much of pixel (x, y) lies inside a square of side
// s with corners of radius r, anti-aliased over one pixel.
func coverRoundedRect(x, y, s, r float64) float64 {
	if r == 0 {
		return 1
	}
	cx, cy := math.Max(r-x, math.Max(x-(s-r), 0)), math.Max(r-y, math.Max(y-(s-r), 0))
	return clamp(r + 0.5 - math.Hypot(cx, cy))
}

func distToSegment(px, py, ax, ay, bx, by float64) float64 {
	dx, dy := bx-ax, by-ay
	t := clamp(((px-ax)*dx + (py-ay)*dy) / (dx*dx + dy*dy))
	return math.Hypot(px-(ax+t*dx), py-(ay+t*dy))
}

func clamp(v float64) float64 { return math.Max(0, math.Min(1, v)) }

// mix blends ink over bg colour, with alpha coverage.
func mix(bg, ink color.NRGBA, t, alpha float64) color.NRGBA {
	lerp := func(a, b uint8) uint8 { return uint8(float64(a) + (float64(b)-float64(a))*t + 0.5) }
	return color.NRGBA{lerp(bg.R, ink.R), lerp(bg.G, ink.G), lerp(bg.B, ink.B), uint8(alpha*255 + 0.5)}
}
