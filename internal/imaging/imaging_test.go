package imaging

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"
)

func makeJPEG(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := 0; x < w; x++ {
		img.Set(x, x%h, color.RGBA{200, 30, 30, 255})
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	// An APP1 (EXIF) segment right after SOI, as cameras write it.
	exif := append([]byte{0xFF, 0xE1, 0x00, 0x1A}, []byte("Exif\x00\x00GPS 45.81N 15.98E!")...)
	out := append([]byte{}, b.Bytes()[:2]...)
	out = append(out, exif...)
	return append(out, b.Bytes()[2:]...)
}

func TestProcessScalesAndStripsMetadata(t *testing.T) {
	src := makeJPEG(t, 2000, 1000)
	if !bytes.Contains(src, []byte("GPS")) {
		t.Fatal("fixture lacks its metadata")
	}
	r, err := Process(bytes.NewReader(src), 5<<20, 512)
	if err != nil {
		t.Fatal(err)
	}
	if r.Width != 512 || r.Height != 256 || r.MIME != "image/jpeg" {
		t.Fatalf("result %dx%d %s", r.Width, r.Height, r.MIME)
	}
	if bytes.Contains(r.Data, []byte("GPS")) || bytes.Contains(r.Data, []byte("Exif")) {
		t.Fatal("metadata survived re-encoding")
	}
	if _, err := jpeg.Decode(bytes.NewReader(r.Data)); err != nil {
		t.Fatalf("output is not a JPEG: %v", err)
	}
}

func TestProcessKeepsTransparencyAsPNG(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 100, 40))
	img.Set(1, 1, color.NRGBA{0, 0, 255, 255})
	var b bytes.Buffer
	png.Encode(&b, img)
	r, err := Process(&b, 5<<20, 512)
	if err != nil || r.MIME != "image/png" || r.Width != 100 {
		t.Fatalf("transparent PNG = %+v, %v", r, err)
	}
}

func TestProcessRefusesBadInput(t *testing.T) {
	big := makeJPEG(t, 64, 64)
	cases := []struct {
		name string
		data []byte
		max  int64
		want error
	}{
		{"too large", big, int64(len(big) - 1), ErrTooLarge},
		{"not an image", []byte(strings.Repeat("GIF89a? no", 50)), 5 << 20, ErrUnsupported},
		{"truncated", big[:len(big)-40], 5 << 20, ErrCorrupt},
		{"tiny", makeJPEG(t, 8, 8), 5 << 20, ErrDimensions},
	}
	for _, c := range cases {
		_, err := Process(bytes.NewReader(c.data), c.max, 512)
		if !errors.Is(err, c.want) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.want)
		}
	}
}
