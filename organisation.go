package ponte

import (
	"context"
	"slices"
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
func ValidOrgType(t string) bool { return slices.Contains(OrgTypes, t) }

// Size bands: people employed, in the bands of the EU SME definition.
const (
	SizeMicro  = "micro"  // 1–9
	SizeSmall  = "small"  // 10–49
	SizeMedium = "medium" // 50–249
	SizeLarge  = "large"  // 250 or more
)

// SizeBands lists the size bands from smallest to largest.
var SizeBands = []string{SizeMicro, SizeSmall, SizeMedium, SizeLarge}

// ValidSizeBand reports whether b is one of SizeBands.
func ValidSizeBand(b string) bool { return slices.Contains(SizeBands, b) }

// Organisation is a profiled organisation. Region is a NUTS code (any
// level); Country an ISO 3166 alpha-2 code.
type Organisation struct {
	ID          int64
	Name        string
	Type        string // one of OrgTypes; "" when an import could not tell
	RegistryID  string // normalised (NormalizeRegistryID)
	SizeBand    string
	Country     string
	Region      string
	Address     string
	Lat, Lon    *float64
	Website     string
	Description string // Markdown
	LogoID      *int64
	Sectors     []string // NACE sections (see Sectors)
	S3Areas     []string // smart-specialisation areas (see S3Areas)
	Source      string   // where an imported organisation came from ("" if created on Ponte)
	SourceKey   string   // its key in that source, for idempotent re-imports
	// NameKey is the name folded for matching (case, accents and
	// punctuation ignored); the service sets it, imports match on it.
	NameKey string
	// ProjectCount is kept by the store as projects come and go, so lists
	// can show and sort by it without counting.
	ProjectCount int
	CreatedBy    *int64
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// Imported reports whether the organisation came from a public list.
func (o *Organisation) Imported() bool { return o.Source != "" }

// OrgStore keeps organisations, their members, projects and competences.
type OrgStore interface {
	// CreateOrganisation inserts o with its sectors and S3 areas and sets
	// its ID.
	CreateOrganisation(ctx context.Context, o *Organisation) error
	// OrganisationByID returns one organisation with its sectors and S3
	// areas; ENotFound if there is none.
	OrganisationByID(ctx context.Context, id int64) (*Organisation, error)
	// OrganisationsByIDs loads many organisations at once, by id; missing
	// ids are left out.
	OrganisationsByIDs(ctx context.Context, ids []int64) (map[int64]*Organisation, error)
	// UpdateOrganisation saves the profile fields of o, its sectors and S3
	// areas (not its source, creator or counts); ENotFound if it is gone.
	UpdateOrganisation(ctx context.Context, o *Organisation) error
	// ListOrganisations returns a page of the directory (see OrgFilter).
	ListOrganisations(ctx context.Context, f OrgFilter) ([]*OrgListItem, error)
	// CountOrganisations counts every organisation.
	CountOrganisations(ctx context.Context) (int, error)
	// SetOrgMember adds a member or changes their role.
	SetOrgMember(ctx context.Context, m *OrgMember) error
	// OrgMembership returns userID's role in orgID, ENotFound if none.
	OrgMembership(ctx context.Context, orgID, userID int64) (*OrgMember, error)

	OrgMemberStore
	ProjectStore
	CompetenceStore
	OrgImportStore
}
