package ponte

import (
	"context"
	"slices"
	"time"
)

// Open-data datasets: everything public on the platform, downloadable in
// bulk. Each row carries only what a visitor may see on the site.
const (
	DatasetPeople        = "people"
	DatasetOrganisations = "organisations"
	DatasetProposals     = "proposals"
)

// Datasets lists the open-data datasets in display order.
var Datasets = []string{DatasetPeople, DatasetOrganisations, DatasetProposals}

// ValidDataset reports whether d is one of Datasets.
func ValidDataset(d string) bool { return slices.Contains(Datasets, d) }

// OpenPerson is a member's profile as the store reads it for open data:
// every section's content with its visibility. The service blanks what a
// visitor may not see before anything is written out.
type OpenPerson struct {
	ID         int64
	Name       string
	Headline   string
	Country    string
	Region     string
	Languages  []string // ISO 639-1 codes
	Skills     []string // concept URIs
	Visibility map[string]Visibility
	UpdatedAt  time.Time
}

// OpenOrganisation is an organisation's public record.
type OpenOrganisation struct {
	ID          int64
	Name        string
	Type        string
	RegistryID  string
	Country     string
	Region      string
	Website     string
	Description string
	Lat, Lon    *float64
	Projects    int      // projects realised, as recorded
	Competences []string // concept URIs of declared competences
	UpdatedAt   time.Time
}

// OpenProposal is a published or closed proposal's public record.
type OpenProposal struct {
	ID           int64
	Type         string
	Status       string
	CloseReason  string
	Title        string
	Summary      string
	Lang         string
	Deadline     string // YYYY-MM-DD, "" when open-ended
	CallRef      string
	CallURL      string
	OrgID        *int64
	OrgName      string
	Essential    []string // concept URIs of the essential skills
	NiceToHave   []string // concept URIs of the other skills
	PartnerTypes []string
	Countries    []string
	Regions      []string
	S3Areas      []string
	Themes       []string
	PublishedAt  *time.Time
	UpdatedAt    time.Time
}

// OpenDataStore streams the open datasets in id order, batch by batch, so
// memory stays flat whatever their size. fn's error stops the walk. fn
// must not keep the row it is given, nor its lists, once it returns: their
// memory takes a later batch.
type OpenDataStore interface {
	// EachOpenPerson calls fn for every active member whose "about"
	// section is public (the people a visitor's directory lists).
	EachOpenPerson(ctx context.Context, fn func(*OpenPerson) error) error
	// EachOpenOrganisation calls fn for every organisation.
	EachOpenOrganisation(ctx context.Context, fn func(*OpenOrganisation) error) error
	// EachOpenProposal calls fn for every published or closed proposal.
	EachOpenProposal(ctx context.Context, fn func(*OpenProposal) error) error
}
