// Package imaging turns an uploaded picture into a safe one: it checks the
// format by content (JPEG, PNG or WebP), refuses oversize or corrupt files,
// scales it down to fit a square, and re-encodes it, which drops every
// piece of metadata (EXIF location, camera, comments).
package imaging

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"

	"golang.org/x/image/draw"
	_ "golang.org/x/image/webp" // registers WebP decoding
)

// Errors a caller can tell apart (and translate).
var (
	ErrTooLarge    = errors.New("imaging: file too large")
	ErrUnsupported = errors.New("imaging: not a JPEG, PNG or WebP image")
	ErrCorrupt     = errors.New("imaging: the image cannot be read")
	ErrDimensions  = errors.New("imaging: the image is too small or too large")
)

// MaxPixels refuses decompression bombs: a small file that decodes to a
// huge canvas.
const MaxPixels = 40_000_000

// Result is a processed image.
type Result struct {
	Data   []byte
	MIME   string // image/jpeg, or image/png when the source has transparency
	Width  int
	Height int
}

// Process reads at most maxBytes from r and returns the image scaled to fit
// maxSide × maxSide (never enlarged), re-encoded.
func Process(r io.Reader, maxBytes int64, maxSide int) (*Result, error) {
	buf, err := io.ReadAll(io.LimitReader(r, maxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("imaging: read: %w", err)
	}
	if int64(len(buf)) > maxBytes {
		return nil, ErrTooLarge
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(buf))
	if err != nil {
		return nil, ErrUnsupported
	}
	if format != "jpeg" && format != "png" && format != "webp" {
		return nil, ErrUnsupported
	}
	if cfg.Width < 16 || cfg.Height < 16 || cfg.Width*cfg.Height > MaxPixels {
		return nil, ErrDimensions
	}
	src, _, err := image.Decode(bytes.NewReader(buf))
	if err != nil {
		return nil, ErrCorrupt
	}
	dst := scale(src, maxSide)
	return encode(dst, hasAlpha(src))
}

// scale fits img into maxSide × maxSide, keeping its proportions.
func scale(img image.Image, maxSide int) image.Image {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if w <= maxSide && h <= maxSide {
		dst := image.NewRGBA(image.Rect(0, 0, w, h))
		draw.Draw(dst, dst.Bounds(), img, b.Min, draw.Src)
		return dst
	}
	if w >= h {
		w, h = maxSide, max(1, h*maxSide/w)
	} else {
		w, h = max(1, w*maxSide/h), maxSide
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.CatmullRom.Scale(dst, dst.Bounds(), img, b, draw.Src, nil)
	return dst
}

// hasAlpha reports whether the source has transparent pixels, so a logo
// keeps its transparency (PNG) while photos become compact JPEGs. The
// standard image types that can hold alpha report it with Opaque.
func hasAlpha(img image.Image) bool {
	if o, ok := img.(interface{ Opaque() bool }); ok {
		return !o.Opaque()
	}
	return false
}

func encode(img image.Image, alpha bool) (*Result, error) {
	var out bytes.Buffer
	mime := "image/jpeg"
	var err error
	if alpha {
		mime = "image/png"
		err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&out, img)
	} else {
		err = jpeg.Encode(&out, img, &jpeg.Options{Quality: 85})
	}
	if err != nil {
		return nil, fmt.Errorf("imaging: encode: %w", err)
	}
	b := img.Bounds()
	return &Result{Data: out.Bytes(), MIME: mime, Width: b.Dx(), Height: b.Dy()}, nil
}
