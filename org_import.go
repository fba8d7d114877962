package ponte

import "context"

// CountryKey is a value that identifies an organisation within a country:
// a registry id or a folded name.
type CountryKey struct {
	Country string
	Key     string
}

// OrgImportKeys are the ways an imported beneficiary may already be on
// Ponte: the same source key (an earlier run of the same import), the same
// registry id in its country, or the same folded name in its country.
type OrgImportKeys struct {
	Source      string
	SourceKeys  []string
	RegistryIDs []CountryKey
	NameKeys    []CountryKey
}

// ImportedProject is what a re-import needs to know of a project it wrote
// before: its id and the digest of the fields it wrote.
type ImportedProject struct {
	ID         int64
	SourceHash string
}

// OrgProjectKey identifies an imported project: its organisation and its
// key in the source.
type OrgProjectKey struct {
	OrgID     int64
	SourceKey string
}

// OrgImportStore writes imports in bulk: a statement per chunk of rows, not
// per row, so a list of thousands of projects loads in seconds on
// PostgreSQL too. Call its writes inside Tx.
type OrgImportStore interface {
	// OrgImportCandidates returns the organisations matching any of keys.
	OrgImportCandidates(ctx context.Context, keys OrgImportKeys) ([]*Organisation, error)
	// ImportedOrgProjects returns the projects of source already held by
	// the given organisations.
	ImportedOrgProjects(ctx context.Context, source string, orgIDs []int64) (map[OrgProjectKey]ImportedProject, error)
	// CreateOrganisations inserts many organisations (with sectors and S3
	// areas) and sets their IDs.
	CreateOrganisations(ctx context.Context, os []*Organisation) error
	// UpdateOrganisations saves the profile fields of many organisations.
	UpdateOrganisations(ctx context.Context, os []*Organisation) error
	// CreateOrgProjects inserts many projects without partners or skills
	// and sets their IDs.
	CreateOrgProjects(ctx context.Context, ps []*OrgProject) error
	// UpdateImportedOrgProjects rewrites the imported fields of many
	// projects (matched by ID), keeping their skills, partners and results.
	UpdateImportedOrgProjects(ctx context.Context, ps []*OrgProject) error
	// RecountOrgProjects refreshes the project count of organisations.
	RecountOrgProjects(ctx context.Context, orgIDs []int64) error
}
