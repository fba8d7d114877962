package service

import (
	"context"
	"io"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/imaging"
)

// Photo limits: the upload's size, and the side of the stored square.
const (
	MaxPhotoBytes = 5 << 20
	PhotoSide     = 512
)

// photoError turns an imaging failure into a field error on "photo".
func photoError(err error) error {
	return imageFieldError(err, "photo", imageErrorKeys{TooLarge: "error.profile.photo_too_large", Format: "error.profile.photo_format",
		Corrupt: "error.profile.photo_corrupt", Dimensions: "error.profile.photo_dimensions"})
}

// SetPhoto processes an uploaded picture (re-encoded, so no metadata such
// as an EXIF location survives), stores it and makes it the actor's photo;
// the previous photo is deleted in the same transaction.
func (s *Service) SetPhoto(ctx context.Context, actor *ponte.User, r io.Reader) error {
	if !actor.Active() {
		return unauthorized()
	}
	res, err := imaging.Process(r, MaxPhotoBytes, PhotoSide)
	if err != nil {
		return photoError(err)
	}
	img := &ponte.Image{OwnerID: &actor.ID, MIME: res.MIME, Width: res.Width, Height: res.Height,
		Data: res.Data, CreatedAt: s.now()}
	return s.store.Tx(ctx, func(tx ponte.Store) error {
		p, err := loadProfile(ctx, tx, actor)
		if err != nil {
			return err
		}
		if err := tx.SaveImage(ctx, img); err != nil {
			return err
		}
		old := p.PhotoID
		p.PhotoID, p.DisplayName = &img.ID, ""
		if err := s.saveProfile(ctx, tx, actor, p); err != nil {
			return err
		}
		return deleteImage(ctx, tx, old)
	})
}

// RemovePhoto deletes the actor's photo, if any.
func (s *Service) RemovePhoto(ctx context.Context, actor *ponte.User) error {
	if !actor.Active() {
		return unauthorized()
	}
	return s.store.Tx(ctx, func(tx ponte.Store) error {
		p, err := loadProfile(ctx, tx, actor)
		if err != nil || p.PhotoID == nil {
			return err
		}
		old := p.PhotoID
		p.PhotoID, p.DisplayName = nil, ""
		if err := s.saveProfile(ctx, tx, actor, p); err != nil {
			return err
		}
		return deleteImage(ctx, tx, old)
	})
}

func deleteImage(ctx context.Context, tx ponte.Store, id *int64) error {
	if id == nil {
		return nil
	}
	if err := tx.DeleteImage(ctx, *id); err != nil && ponte.ErrorCode(err) != ponte.ENotFound {
		return err
	}
	return nil
}

// PersonPhoto returns a person's photo if the viewer may see their "about"
// section, and whether everyone may (so the response may be cached
// publicly).
func (s *Service) PersonPhoto(ctx context.Context, viewer *ponte.User, personID int64) (*ponte.Image, bool, error) {
	ps, err := s.store.ProfilesByUsers(ctx, []int64{personID})
	if err != nil {
		return nil, false, err
	}
	p, ok := ps[personID]
	aud := ponte.AudienceOf(viewer)
	if !ok || p.PhotoID == nil || !aud.CanSee(personID, p.Vis(ponte.SectionAbout)) {
		return nil, false, ponte.Errorf(ponte.ENotFound, "error.not_found")
	}
	img, err := s.store.ImageByID(ctx, *p.PhotoID)
	return img, p.Vis(ponte.SectionAbout) == ponte.VisPublic, err
}
