package ponte

import (
	"context"
	"time"
)

// Organisation types, as regional innovation platforms profile them.
const (
	OrgUniversity     = "university"
	OrgResearchInfra  = "research_infrastructure"
	OrgResearchCentre = "research_centre"
	OrgLargeCompany   = "large_company"
	OrgSME            = "sme"
	OrgStartup        = "startup"
	OrgSocialEnt      = "social_enterprise"
	OrgPublicAdmin    = "public_administration"
	OrgNGO            = "ngo"
	OrgCitizens       = "citizens_group"
	OrgCluster        = "cluster"
	OrgCompetence     = "competence_centre"
)

// OrgTypes lists the organisation types in display order.
var OrgTypes = []string{OrgUniversity, OrgResearchInfra, OrgResearchCentre, OrgLargeCompany, OrgSME,
	OrgStartup, OrgSocialEnt, OrgPublicAdmin, OrgNGO, OrgCitizens, OrgCluster, OrgCompetence}

// ValidOrgType reports whether t is one of OrgTypes.
func ValidOrgType(t string) bool {
	for _, o := range OrgTypes {
		if o == t {
			return true
		}
	}
	return false
}

// Organisation member roles.
const (
	OrgRoleOwner   = "owner"
	OrgRoleManager = "manager"
	OrgRoleMember  = "member"
)

// Organisation is a profiled organisation. Region is a NUTS code (any
// level); Country an ISO 3166 alpha-2 code.
type Organisation struct {
	ID          int64
	Name        string
	Type        string
	RegistryID  string
	SizeBand    string
	Country     string
	Region      string
	Address     string
	Lat, Lon    *float64
	Website     string
	Description string // Markdown
	LogoID      *int64
	Source      string // where an imported organisation came from ("" if created on Ponte)
	SourceKey   string // its key in that source, for idempotent re-imports
	CreatedBy   *int64
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// OrgMember is a person's role in an organisation.
type OrgMember struct {
	OrgID     int64
	UserID    int64
	Role      string
	CreatedAt time.Time
}

// OrgStore keeps organisations and their members.
type OrgStore interface {
	CreateOrganisation(ctx context.Context, o *Organisation) error
	OrganisationByID(ctx context.Context, id int64) (*Organisation, error)
	// SetOrgMember adds a member or changes their role.
	SetOrgMember(ctx context.Context, m *OrgMember) error
	// OrgMembership returns userID's role in orgID, ENotFound if none.
	OrgMembership(ctx context.Context, orgID, userID int64) (*OrgMember, error)
}
