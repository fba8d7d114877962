package service

import (
	"context"
	"io"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/imaging"
)

// Logo limits: the upload's size and the longest side kept.
const (
	MaxLogoBytes = 5 << 20
	LogoSide     = 512
)

// logoError turns an imaging failure into a field error on "logo".
func logoError(err error) error {
	return imageFieldError(err, "logo", imageErrorKeys{TooLarge: "org.error.logo_too_large", Format: "org.error.logo_format",
		Corrupt: "org.error.logo_corrupt", Dimensions: "org.error.logo_dimensions"})
}

// SetOrgLogo processes an uploaded logo (re-encoded, so no metadata
// survives; PNG when it has transparency) and makes it the organisation's,
// deleting the previous one in the same transaction.
func (s *Service) SetOrgLogo(ctx context.Context, actor *ponte.User, orgID int64, r io.Reader) error {
	o, m, err := s.orgAccess(ctx, s.store, actor, orgID)
	if err != nil {
		return err
	}
	if !ponte.CanManageOrg(actor, m) {
		return forbiddenOrUnauthorized(actor)
	}
	res, err := imaging.Process(r, MaxLogoBytes, LogoSide)
	if err != nil {
		return logoError(err)
	}
	img := &ponte.Image{OwnerID: &actor.ID, MIME: res.MIME, Width: res.Width, Height: res.Height,
		Data: res.Data, CreatedAt: s.now()}
	return s.replaceLogo(ctx, o.ID, img)
}

// RemoveOrgLogo deletes the organisation's logo, if any.
func (s *Service) RemoveOrgLogo(ctx context.Context, actor *ponte.User, orgID int64) error {
	_, m, err := s.orgAccess(ctx, s.store, actor, orgID)
	if err != nil {
		return err
	}
	if !ponte.CanManageOrg(actor, m) {
		return forbiddenOrUnauthorized(actor)
	}
	return s.replaceLogo(ctx, orgID, nil)
}

// replaceLogo swaps the logo in one transaction, re-reading the
// organisation inside it so a concurrent profile edit is not undone.
func (s *Service) replaceLogo(ctx context.Context, orgID int64, img *ponte.Image) error {
	return s.store.Tx(ctx, func(tx ponte.Store) error {
		o, err := tx.OrganisationByID(ctx, orgID)
		if err != nil {
			return err
		}
		old := o.LogoID
		o.LogoID = nil
		if img != nil {
			if err := tx.SaveImage(ctx, img); err != nil {
				return err
			}
			o.LogoID = &img.ID
		}
		o.UpdatedAt = s.now()
		if err := tx.UpdateOrganisation(ctx, o); err != nil {
			return err
		}
		if old == nil {
			return nil
		}
		if err := tx.DeleteImage(ctx, *old); err != nil && ponte.ErrorCode(err) != ponte.ENotFound {
			return err
		}
		return nil
	})
}

// OrgLogo returns an organisation's logo; logos are public.
func (s *Service) OrgLogo(ctx context.Context, orgID int64) (*ponte.Image, error) {
	o, err := s.store.OrganisationByID(ctx, orgID)
	if err != nil {
		return nil, err
	}
	if o.LogoID == nil {
		return nil, ponte.Errorf(ponte.ENotFound, "error.not_found")
	}
	return s.store.ImageByID(ctx, *o.LogoID)
}
