package service_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/nuts"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

// validOrg is an input that passes every rule; cases change one field.
func validOrg() service.OrgInput {
	return service.OrgInput{Name: "  Grad   Zagreb ", Type: ponte.OrgPublicAdmin, Country: "HR",
		RegistryID: "HR 618-178-949-37", SizeBand: ponte.SizeLarge, Website: "https://www.zagreb.hr",
		Description: "**Glavni grad**", Sectors: []string{"O", "O"}, S3Areas: []string{"mobility"}, Region: "HR050"}
}

// admin makes a platform administrator.
func (e *env) admin(t *testing.T, email string) *ponte.User {
	t.Helper()
	u, err := e.svc.CreateUser(context.Background(), service.CreateUserInput{Email: email,
		Password: "administrator pw", Admin: true})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// org creates an organisation owned by owner.
func (e *env) org(t *testing.T, owner *ponte.User, name, region string) *ponte.Organisation {
	t.Helper()
	in := validOrg()
	in.Name, in.Region, in.Country, in.RegistryID = name, region, region[:2], ""
	o, err := e.svc.CreateOrganisation(context.Background(), owner, in)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func TestOrgCreateNormalisesAndDefaultsThePoint(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		u := e.member(t, "ana@example.hr")
		o, err := e.svc.CreateOrganisation(ctx, u, validOrg())
		if err != nil {
			t.Fatal(err)
		}
		r, _ := nuts.Lookup("HR050")
		if o.Name != "Grad Zagreb" || o.RegistryID != "61817894937" || o.NameKey != "grad zagreb" ||
			o.Lat == nil || *o.Lat != r.Lat || *o.Lon != r.Lon || len(o.Sectors) != 1 {
			t.Fatalf("created = %+v", o)
		}
		m, err := e.store.OrgMembership(ctx, o.ID, u.ID)
		if err != nil || m.Role != ponte.OrgRoleOwner {
			t.Fatalf("creator's membership = %+v, %v", m, err)
		}
		// Moving to another region moves a point that was the region's own…
		loc := validOrg()
		loc.Region, loc.Lat, loc.Lon = "HR031", ftoa(*o.Lat), ftoa(*o.Lon) // as the form sends it back
		o2, err := e.svc.UpdateOrganisation(ctx, u, o.ID, service.OrgLocation, loc)
		r2, _ := nuts.Lookup("HR031")
		if err != nil || *o2.Lat != r2.Lat {
			t.Fatalf("point after moving region = %v, %v (want %v)", *o2.Lat, err, r2.Lat)
		}
		// …but a point someone typed stays.
		loc.Lat, loc.Lon = "45,3271", "14,4422"
		o3, err := e.svc.UpdateOrganisation(ctx, u, o.ID, service.OrgLocation, loc)
		if err != nil || *o3.Lat != 45.3271 || *o3.Lon != 14.4422 {
			t.Fatalf("typed point = %v, %v", o3.Lat, err)
		}
	})
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func digitsOnly(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

func TestOrgFieldValidation(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		u := e.member(t, "val@example.org")
		cases := []struct {
			name, field, key string
			change           func(*service.OrgInput)
		}{
			{"name empty", "name", "error.required", func(in *service.OrgInput) { in.Name = "   " }},
			{"name long", "name", "error.too_long", func(in *service.OrgInput) { in.Name = strings.Repeat("ž", 201) }},
			{"type", "type", "error.choose_option", func(in *service.OrgInput) { in.Type = "company" }},
			{"country format", "country", "error.choose_option", func(in *service.OrgInput) { in.Country = "Croatia" }},
			{"country outside NUTS", "country", "error.choose_option", func(in *service.OrgInput) { in.Country, in.Region, in.RegistryID = "US", "", "" }},
			{"size", "size_band", "error.choose_option", func(in *service.OrgInput) { in.SizeBand = "huge" }},
			{"website scheme", "website", "org.error.website", func(in *service.OrgInput) { in.Website = "javascript:alert(1)" }},
			{"website relative", "website", "org.error.website", func(in *service.OrgInput) { in.Website = "www.zagreb.hr" }},
			{"description", "description", "error.too_long", func(in *service.OrgInput) { in.Description = strings.Repeat("a", 20001) }},
			{"sector", "sectors", "error.choose_option", func(in *service.OrgInput) { in.Sectors = []string{"Z"} }},
			{"s3", "s3_areas", "error.choose_option", func(in *service.OrgInput) { in.S3Areas = []string{"space-mining"} }},
			{"NUTS code that does not exist", "region", "org.error.region_unknown", func(in *service.OrgInput) { in.Region = "HR099" }},
			{"region in another country", "region", "org.error.region_country", func(in *service.OrgInput) { in.Region = "ITC4C" }},
			{"lat not a number", "lat", "org.error.number", func(in *service.OrgInput) { in.Lat, in.Lon = "north", "15" }},
			{"lat range", "lat", "org.error.lat_range", func(in *service.OrgInput) { in.Lat, in.Lon = "91", "15" }},
			{"lon range", "lon", "org.error.lon_range", func(in *service.OrgInput) { in.Lat, in.Lon = "45", "-181" }},
			{"only one coordinate", "lon", "org.error.point_both", func(in *service.OrgInput) { in.Lat = "45.8" }},
		}
		for _, c := range cases {
			in := validOrg()
			c.change(&in)
			_, err := e.svc.CreateOrganisation(context.Background(), u, in)
			wantCode(t, err, ponte.EInvalid)
			if got := ponte.AsError(err).Fields[c.field]; got != c.key {
				t.Errorf("%s: %s = %q (all: %v), want %q", c.name, c.field, got, ponte.AsError(err).Fields, c.key)
			}
		}
		if n, _ := e.store.CountOrganisations(context.Background()); n != 0 {
			t.Fatalf("%d organisations saved by refused inputs", n)
		}
	})
}

func TestOrgRegistryIDFormatVersusChecksum(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		u := e.member(t, "reg@example.org")
		cases := []struct{ country, region, id, key string }{
			{"HR", "HR050", "61817894937", ""},
			{"HR", "HR050", "HR61817894937", ""},
			{"HR", "HR050", "61817894930", "org.error.registry_checksum"},
			{"HR", "HR050", "6181789493", "org.error.registry_format"},
			{"IT", "ITC4C", "IT00743110157", ""},
			{"IT", "ITC4C", "00743110158", "org.error.registry_checksum"},
			{"IT", "ITC4C", "0074311015A", "org.error.registry_format"},
			{"RO", "RO321", "RO14399840", ""},
			{"RO", "RO321", "14399841", "org.error.registry_checksum"},
			{"RO", "RO321", "014399840", "org.error.registry_format"},
			{"SI", "SI041", "SI50223054", ""},
			{"SI", "SI041", "50223055", "org.error.registry_checksum"},
			{"SI", "SI041", "5022305", "org.error.registry_format"},
			{"GR", "EL303", "EL094019245", ""},
			{"GR", "EL303", "094019246", "org.error.registry_checksum"},
			{"GR", "EL303", "09401924", "org.error.registry_format"},
		}
		for _, c := range cases {
			in := validOrg()
			in.Country, in.Region, in.RegistryID = c.country, c.region, c.id
			o, err := e.svc.CreateOrganisation(context.Background(), u, in)
			if c.key == "" {
				if err != nil || !digitsOnly(o.RegistryID) {
					t.Errorf("%s %s: %v (stored %q)", c.country, c.id, err, o.RegistryID)
				}
				continue
			}
			if got := ponte.AsError(err); got == nil || got.Fields["registry_id"] != c.key {
				t.Errorf("%s %s: %v, want %s", c.country, c.id, err, c.key)
			}
		}
	})
}

func TestOrgUpdateIsPerSectionAndAtomic(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		u := e.member(t, "sec@example.org")
		o := e.org(t, u, "Udruga Most", "HR031")
		about := service.OrgInput{Description: "Nova", Sectors: []string{"S", "Q"}, S3Areas: []string{"bogus"}}
		_, err := e.svc.UpdateOrganisation(ctx, u, o.ID, service.OrgAbout, about)
		wantField(t, err, "s3_areas", "error.choose_option")
		got, _ := e.store.OrganisationByID(ctx, o.ID)
		if got.Description == "Nova" {
			t.Fatal("a refused section was half saved")
		}
		about.S3Areas = []string{"social-innovation"}
		if _, err := e.svc.UpdateOrganisation(ctx, u, o.ID, service.OrgAbout, about); err != nil {
			t.Fatal(err)
		}
		got, _ = e.store.OrganisationByID(ctx, o.ID)
		if got.Description != "Nova" || got.Name != "Udruga Most" || len(got.Sectors) != 2 {
			t.Fatalf("after about = %+v", got)
		}
		// Changing the country away from the region's is refused.
		id := validOrg()
		id.Name, id.Country, id.RegistryID = "Udruga Most", "SI", ""
		_, err = e.svc.UpdateOrganisation(ctx, u, o.ID, service.OrgIdentity, id)
		wantField(t, err, "country", "org.error.country_region")
	})
}

// TestOrgRenameReindexesItsProposals: a proposal made for an organisation
// is found by the organisation's name, the new one after a rename.
func TestOrgRenameReindexesItsProposals(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		storetest.SeedConcepts(t, e.store)
		u := e.member(t, "zadruga@example.hr")
		o := e.org(t, u, "Zadruga Suncokret", "HR050")
		in := validProposal()
		in.OrgID = o.ID
		p := e.proposal(t, u, in)
		if _, err := e.svc.ChangeProposalStatus(ctx, u, p.ID, ponte.ProposalPublished, "", "en"); err != nil {
			t.Fatal(err)
		}
		prop, org := "proposal:"+itoa(p.ID), "organisation:"+itoa(o.ID)
		e.wantHits(t, "suncokret", "hr", prop, org)
		rename := validOrg()
		rename.Name, rename.Region, rename.Country, rename.RegistryID = "Zadruga Maslina", "HR050", "HR", ""
		if _, err := e.svc.UpdateOrganisation(ctx, u, o.ID, service.OrgAll, rename); err != nil {
			t.Fatal(err)
		}
		e.wantHits(t, "suncokret", "hr")
		e.wantHits(t, "maslina", "hr", prop, org)
	})
}
