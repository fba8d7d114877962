package service

import (
	"context"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/nuts"
)

// Sections of the organisation profile, each saved by its own form.
const (
	OrgIdentity = "identity" // name, type, country, registry id, size band, website
	OrgAbout    = "about"    // description, sectors, S3 areas
	OrgLocation = "location" // region, address, map point
	OrgAll      = "all"      // every section at once (creation, the API)
)

// OrgInput is an organisation profile as typed: numbers stay text so that a
// form can show back exactly what was sent.
type OrgInput struct {
	Name, Type, Country, RegistryID, SizeBand, Website string
	Description                                        string
	Sectors, S3Areas                                   []string
	Region, Address, Lat, Lon                          string
}

// orgAccess loads an organisation and the actor's membership of it (nil
// for visitors and non-members).
func (s *Service) orgAccess(ctx context.Context, st ponte.Store, actor *ponte.User, orgID int64) (*ponte.Organisation, *ponte.OrgMember, error) {
	o, err := st.OrganisationByID(ctx, orgID)
	if err != nil {
		return nil, nil, err
	}
	if !actor.Active() {
		return o, nil, nil
	}
	m, err := st.OrgMembership(ctx, orgID, actor.ID)
	if ponte.ErrorCode(err) == ponte.ENotFound {
		return o, nil, nil
	}
	return o, m, err
}

// Organisation returns an organisation and the actor's membership of it
// (nil when none). Profiles are public.
func (s *Service) Organisation(ctx context.Context, actor *ponte.User, id int64) (*ponte.Organisation, *ponte.OrgMember, error) {
	return s.orgAccess(ctx, s.store, actor, id)
}

// CreateOrganisation creates an organisation from every section of in and
// makes the actor its owner, in one transaction.
func (s *Service) CreateOrganisation(ctx context.Context, actor *ponte.User, in OrgInput) (*ponte.Organisation, error) {
	if !actor.Active() {
		return nil, unauthorized()
	}
	now := s.now()
	o := &ponte.Organisation{CreatedBy: &actor.ID, CreatedAt: now, UpdatedAt: now}
	if err := applyOrgInput(o, OrgAll, in); err != nil {
		return nil, err
	}
	err := s.store.Tx(ctx, func(tx ponte.Store) error {
		if err := tx.CreateOrganisation(ctx, o); err != nil {
			return err
		}
		if err := reindex(ctx, tx, ponte.SearchOrganisation, o.ID); err != nil {
			return err
		}
		return tx.SetOrgMember(ctx, &ponte.OrgMember{OrgID: o.ID, UserID: actor.ID,
			Role: ponte.OrgRoleOwner, CreatedAt: now})
	})
	if err != nil {
		return nil, err
	}
	return o, nil
}

// UpdateOrganisation saves one section of the profile (or OrgAll); the
// other sections keep what they had. Owners, managers and administrators
// may; nothing is saved if any field is wrong.
func (s *Service) UpdateOrganisation(ctx context.Context, actor *ponte.User, id int64, section string, in OrgInput) (*ponte.Organisation, error) {
	var o *ponte.Organisation
	err := s.store.Tx(ctx, func(tx ponte.Store) error {
		var m *ponte.OrgMember
		var err error
		if o, m, err = s.orgAccess(ctx, tx, actor, id); err != nil {
			return err
		}
		if !ponte.CanManageOrg(actor, m) {
			return forbiddenOrUnauthorized(actor)
		}
		oldName := o.Name
		if err := applyOrgInput(o, section, in); err != nil {
			return err
		}
		o.UpdatedAt = s.now()
		if err := tx.UpdateOrganisation(ctx, o); err != nil {
			return err
		}
		if err := reindex(ctx, tx, ponte.SearchOrganisation, o.ID); err != nil {
			return err
		}
		if o.Name != oldName { // its proposals are found by its name too
			return reindexOrgProposals(ctx, tx, o.ID)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return o, nil
}

// forbiddenOrUnauthorized says "sign in" to visitors and "not allowed" to
// members, so a visitor is sent to the sign-in page.
func forbiddenOrUnauthorized(actor *ponte.User) error {
	if !actor.Active() {
		return unauthorized()
	}
	return forbidden()
}

// applyOrgInput validates the section's fields of in and writes them into
// o; on any error o must be thrown away.
func applyOrgInput(o *ponte.Organisation, section string, in OrgInput) error {
	fe := ponte.FieldErrors{}
	all := section == OrgAll
	if all || section == OrgIdentity {
		o.Name, o.Type, o.Country, o.RegistryID = in.Name, in.Type, in.Country, in.RegistryID
		o.SizeBand, o.Website = in.SizeBand, in.Website
		o.ValidateIdentity(fe)
		checkNUTSCountry(fe, o.Country)
		if !all && o.Region != "" && !orgRegionInCountry(o.Region, o.Country) {
			fe.Add("country", "org.error.country_region")
		}
		o.NameKey = nuts.Fold(o.Name)
	}
	if all || section == OrgAbout {
		o.Description, o.Sectors, o.S3Areas = in.Description, in.Sectors, in.S3Areas
		o.ValidateAbout(fe)
	}
	if all || section == OrgLocation {
		wasDefault := isDefaultOrgPoint(o)
		oldLat, oldLon := o.Lat, o.Lon
		o.Region, o.Address = in.Region, in.Address
		o.Lat, o.Lon = parseOrgCoord(fe, "lat", in.Lat), parseOrgCoord(fe, "lon", in.Lon)
		if wasDefault && sameOrgPoint(o.Lat, oldLat) && sameOrgPoint(o.Lon, oldLon) {
			o.Lat, o.Lon = nil, nil // the region's point, sent back unchanged: follow the region
		}
		o.ValidateLocation(fe)
		checkOrgRegion(fe, "region", o.Region, o.Country)
		defaultOrgPoint(o)
	}
	if !all && section != OrgIdentity && section != OrgAbout && section != OrgLocation {
		return ponte.Errorf(ponte.EBadRequest, "error.bad_request")
	}
	return fe.Err()
}

// orgReindexBatch is how many of an organisation's proposals are
// reindexed per query when it is renamed.
const orgReindexBatch = 500

// reindexOrgProposals reindexes the public proposals made for an
// organisation, newest first in keyset batches: their documents carry its
// name.
func reindexOrgProposals(ctx context.Context, tx ponte.Store, orgID int64) error {
	f := ponte.ProposalFilter{Statuses: []string{ponte.ProposalPublished, ponte.ProposalClosed}, OrgID: orgID,
		Lang: "en", Limit: orgReindexBatch}
	for {
		ps, err := tx.ListProposals(ctx, f)
		if err != nil {
			return err
		}
		ids := make([]int64, len(ps))
		for i, p := range ps {
			ids[i] = p.ID
		}
		if len(ids) > 0 {
			if err := reindex(ctx, tx, ponte.SearchProposal, ids...); err != nil {
				return err
			}
		}
		if len(ps) < f.Limit {
			return nil
		}
		f.BeforeID = ids[len(ids)-1]
	}
}
