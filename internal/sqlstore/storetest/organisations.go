package storetest

import (
	"context"
	"slices"
	"testing"

	"github.com/ponte-platform/ponte"
)

func init() {
	register(
		contract{"OrganisationAndMembers", testOrganisationAndMembers},
		contract{"OrganisationUpdateAndCodes", testOrganisationUpdateAndCodes},
	)
}

// NewOrg inserts an organisation of a type in a region.
func NewOrg(t testing.TB, s ponte.Store, name, typ, region string) *ponte.Organisation {
	t.Helper()
	o := &ponte.Organisation{Name: name, Type: typ, Country: region[:2], Region: region, CreatedAt: t0, UpdatedAt: t0}
	if err := s.CreateOrganisation(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	return o
}

func testOrganisationAndMembers(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	u := NewUser(t, s, "owner")
	lat, lon := 45.8150, 15.9819
	o := &ponte.Organisation{Name: "Sveučilište u Zagrebu", Type: ponte.OrgUniversity, Country: "HR",
		Region: "HR050", RegistryID: "36612267447", Lat: &lat, Lon: &lon, CreatedBy: &u.ID,
		CreatedAt: t0, UpdatedAt: t0}
	if err := s.CreateOrganisation(ctx, o); err != nil {
		t.Fatal(err)
	}
	got, err := s.OrganisationByID(ctx, o.ID)
	if err != nil || got.Name != o.Name || got.Lat == nil || *got.Lat != lat || got.CreatedBy == nil || *got.CreatedBy != u.ID {
		t.Fatalf("OrganisationByID = %+v, %v", got, err)
	}
	if err := s.SetOrgMember(ctx, &ponte.OrgMember{OrgID: o.ID, UserID: u.ID, Role: ponte.OrgRoleMember, CreatedAt: t0}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetOrgMember(ctx, &ponte.OrgMember{OrgID: o.ID, UserID: u.ID, Role: ponte.OrgRoleOwner, CreatedAt: t0}); err != nil {
		t.Fatal(err)
	}
	m, err := s.OrgMembership(ctx, o.ID, u.ID)
	if err != nil || m.Role != ponte.OrgRoleOwner {
		t.Fatalf("OrgMembership = %+v, %v", m, err)
	}
	if err := s.DeleteUser(ctx, u.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.OrgMembership(ctx, o.ID, u.ID); ponte.ErrorCode(err) != ponte.ENotFound {
		t.Fatalf("membership survived the user: %v", err)
	}
	got, _ = s.OrganisationByID(ctx, o.ID)
	if got.CreatedBy != nil {
		t.Fatal("created_by must be cleared when the creator's account is deleted")
	}
}

func testOrganisationUpdateAndCodes(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	o := &ponte.Organisation{Name: "Università di Trento", Type: ponte.OrgUniversity, Country: "IT",
		Region: "ITH20", NameKey: "universita di trento", Sectors: []string{"P", "M"},
		S3Areas: []string{"digital-transformation"}, CreatedAt: t0, UpdatedAt: t0}
	if err := s.CreateOrganisation(ctx, o); err != nil {
		t.Fatal(err)
	}
	got, err := s.OrganisationByID(ctx, o.ID)
	if err != nil || !slices.Equal(got.Sectors, []string{"M", "P"}) || !slices.Equal(got.S3Areas, o.S3Areas) ||
		got.NameKey != o.NameKey || got.ProjectCount != 0 {
		t.Fatalf("codes round trip = %+v, %v", got, err)
	}
	got.Sectors, got.S3Areas, got.Website = []string{"J"}, nil, "https://www.unitn.it"
	got.UpdatedAt = t0.Add(3600e9)
	if err := s.UpdateOrganisation(ctx, got); err != nil {
		t.Fatal(err)
	}
	again, _ := s.OrganisationByID(ctx, o.ID)
	if !slices.Equal(again.Sectors, []string{"J"}) || len(again.S3Areas) != 0 || again.Website != got.Website ||
		!again.UpdatedAt.Equal(got.UpdatedAt) {
		t.Fatalf("after update = %+v", again)
	}
	wantCode(t, s.UpdateOrganisation(ctx, &ponte.Organisation{ID: o.ID + 1000, Name: "x", UpdatedAt: t0}), ponte.ENotFound)
	if n, err := s.CountOrganisations(ctx); err != nil || n != 1 {
		t.Fatalf("CountOrganisations = %d, %v", n, err)
	}
}
