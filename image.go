package ponte

import (
	"context"
	"time"
)

// Image is an uploaded picture (a profile photo, an organisation logo),
// re-encoded on upload so that no metadata survives, and kept in the
// database so every app node can serve it.
type Image struct {
	ID        int64
	OwnerID   *int64 // the user who uploaded it; nil once their account is deleted
	MIME      string // image/jpeg or image/png
	Width     int
	Height    int
	Data      []byte
	CreatedAt time.Time
}

// ImageStore keeps images.
type ImageStore interface {
	SaveImage(ctx context.Context, img *Image) error
	ImageByID(ctx context.Context, id int64) (*Image, error)
	DeleteImage(ctx context.Context, id int64) error
}
