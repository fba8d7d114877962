package storetest

import (
	"bytes"
	"context"
	"testing"

	"github.com/ponte-platform/ponte"
)

func init() { register(contract{"ImageRoundTrip", testImageRoundTrip}) }

func testImageRoundTrip(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	u := NewUser(t, s, "pic")
	data := bytes.Repeat([]byte{0xff, 0xd8, 0x00, 0x01}, 4096)
	img := &ponte.Image{OwnerID: &u.ID, MIME: "image/jpeg", Width: 64, Height: 48, Data: data, CreatedAt: t0}
	if err := s.SaveImage(ctx, img); err != nil {
		t.Fatal(err)
	}
	got, err := s.ImageByID(ctx, img.ID)
	if err != nil || !bytes.Equal(got.Data, data) || got.Width != 64 || got.OwnerID == nil {
		t.Fatalf("ImageByID = %v, %v", got != nil, err)
	}
	if err := s.DeleteImage(ctx, img.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ImageByID(ctx, img.ID); ponte.ErrorCode(err) != ponte.ENotFound {
		t.Fatalf("deleted image still there: %v", err)
	}
}
