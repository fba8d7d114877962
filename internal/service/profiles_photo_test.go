package service_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"testing"

	"github.com/ponte-platform/ponte"
)

// exifSecret is a string planted in the EXIF block of test photos; it must
// never come out of the image pipeline.
const exifSecret = "GPS 45.8150N 15.9819E secret camera"

// jpegWithEXIF encodes a w×h JPEG and inserts an APP1 EXIF segment holding
// exifSecret right after the start-of-image marker, as cameras do.
func jpegWithEXIF(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := 0; x < w; x++ {
		for y := 0; y < h; y++ {
			img.Set(x, y, color.RGBA{uint8(x * 3), uint8(y * 5), 120, 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	payload := append([]byte("Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08"), exifSecret...)
	seg := []byte{0xff, 0xe1, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(len(payload)+2))
	src := buf.Bytes()
	out := append([]byte{}, src[:2]...)
	out = append(append(out, seg...), payload...)
	return append(out, src[2:]...)
}

func jpegReader(t testing.TB, w, h int) io.Reader { return bytes.NewReader(jpegWithEXIF(t, w, h)) }

func TestPhotoIsReencodedWithoutMetadata(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		u := e.member(t, "pic@example.org")
		raw := jpegWithEXIF(t, 800, 600)
		if !bytes.Contains(raw, []byte(exifSecret)) {
			t.Fatal("test photo has no EXIF")
		}
		if err := e.svc.SetPhoto(ctx, u, bytes.NewReader(raw)); err != nil {
			t.Fatal(err)
		}
		first, _ := e.svc.MyProfile(ctx, u)
		img, public, err := e.svc.PersonPhoto(ctx, nil, u.ID)
		if err != nil || !public || img.MIME != "image/jpeg" || img.Width != 512 || img.Height != 384 {
			t.Fatalf("PersonPhoto = %+v, %v, %v", img, public, err)
		}
		if bytes.Contains(img.Data, []byte(exifSecret)) || bytes.Contains(img.Data, []byte("Exif")) {
			t.Fatal("EXIF survived")
		}
		// Replacing the photo deletes the old image.
		if err := e.svc.SetPhoto(ctx, u, jpegReader(t, 40, 40)); err != nil {
			t.Fatal(err)
		}
		if _, err := e.store.ImageByID(ctx, *first.PhotoID); ponte.ErrorCode(err) != ponte.ENotFound {
			t.Fatalf("old photo kept: %v", err)
		}
		wantField(t, e.svc.SetPhoto(ctx, u, bytes.NewReader([]byte("GIF89a not an image"))), "photo", "error.profile.photo_format")
		wantField(t, e.svc.SetPhoto(ctx, u, bytes.NewReader(raw[:len(raw)/2])), "photo", "error.profile.photo_corrupt")
		big := append(append([]byte{}, raw...), make([]byte, 5<<20)...)
		wantField(t, e.svc.SetPhoto(ctx, u, bytes.NewReader(big)), "photo", "error.profile.photo_too_large")
		// A members-only "about" hides the photo from visitors.
		e.svc.SetVisibility(ctx, u, ponte.SectionAbout, ponte.VisMembers)
		_, _, err = e.svc.PersonPhoto(ctx, nil, u.ID)
		wantCode(t, err, ponte.ENotFound)
		other := e.member(t, "other@example.org")
		if _, public, err := e.svc.PersonPhoto(ctx, other, u.ID); err != nil || public {
			t.Fatalf("member: public=%v, %v", public, err)
		}
		if err := e.svc.RemovePhoto(ctx, u); err != nil {
			t.Fatal(err)
		}
		_, _, err = e.svc.PersonPhoto(ctx, u, u.ID)
		wantCode(t, err, ponte.ENotFound)
	})
}
