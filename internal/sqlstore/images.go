package sqlstore

import (
	"context"
	"database/sql"

	"github.com/ponte-platform/ponte"
)

// SaveImage stores an image and sets its ID.
func (s *Store) SaveImage(ctx context.Context, img *ponte.Image) error {
	img.CreatedAt = ts(img.CreatedAt)
	err := s.w.QueryRowContext(ctx, s.q(`INSERT INTO images (owner_id, mime, width, height, data, created_at)
		VALUES (?, ?, ?, ?, ?, ?) RETURNING id`), img.OwnerID, img.MIME, img.Width, img.Height,
		img.Data, img.CreatedAt).Scan(&img.ID)
	return mapErr("SaveImage", err)
}

// ImageByID returns an image with its bytes.
func (s *Store) ImageByID(ctx context.Context, id int64) (*ponte.Image, error) {
	var img ponte.Image
	var owner sql.NullInt64
	err := s.r.QueryRowContext(ctx, s.q(`SELECT id, owner_id, mime, width, height, data, created_at
		FROM images WHERE id = ?`), id).Scan(&img.ID, &owner, &img.MIME, &img.Width, &img.Height,
		&img.Data, &img.CreatedAt)
	if err != nil {
		return nil, mapErr("ImageByID", err)
	}
	if owner.Valid {
		img.OwnerID = &owner.Int64
	}
	img.CreatedAt = img.CreatedAt.UTC()
	return &img, nil
}

// DeleteImage removes an image.
func (s *Store) DeleteImage(ctx context.Context, id int64) error {
	res, err := s.w.ExecContext(ctx, s.q(`DELETE FROM images WHERE id = ?`), id)
	return notFoundIfNone("DeleteImage", res, err)
}
