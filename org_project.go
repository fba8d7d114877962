package ponte

import (
	"context"
	"strings"
	"time"
)

// OrgProject is a project an organisation realised: what it did, when, with
// whom, with which money, and which skills it took. Organisations are
// profiled above all by these. (A collaboration started on Ponte is a
// different thing and will have its own type.)
type OrgProject struct {
	ID          int64
	OrgID       int64
	Title       string
	Description string // Markdown
	Results     string // Markdown
	// StartDate and EndDate are dates (UTC midnight); zero when unknown.
	StartDate, EndDate time.Time
	Year               int // year of award when only that is known; 0 otherwise
	Programme          string
	Fund               string
	// Budget and EUFunding are in euro cents; nil when unknown.
	Budget, EUFunding *int64
	// OrigBudget and OrigEUFunding are the amounts as published, in minor
	// units of OrigCurrency (ISO 4217), for imported projects.
	OrigBudget, OrigEUFunding *int64
	OrigCurrency              string
	Region                    string // NUTS code
	Partners                  []OrgProjectPartner
	SkillIDs                  []int64    // concepts tagged on the project
	Skills                    []*Concept // filled by reads, labelled in the language asked
	Source                    string     // import source; "" when entered on Ponte
	SourceKey                 string     // its key in the source, unique per organisation
	SourceHash                string     // digest of the imported fields, to tell changes
	CreatedBy                 *int64
	CreatedAt                 time.Time
	UpdatedAt                 time.Time
}

// OrgProjectPartner is a partner of a project: an organisation on Ponte
// (OrgID set, Name its name when read) or a free-text name.
type OrgProjectPartner struct {
	OrgID *int64
	Name  string
}

// Limits on projects.
const (
	MaxProjectTitleLen = 300
	MaxProjectTextLen  = 20000
	MaxProgrammeLen    = 200
	MaxFundLen         = 100
	MaxPartnerLen      = 200
	MaxPartners        = 50
	MaxProjectSkills   = 30
	MaxCents           = int64(1e15) // ten trillion euro: larger is a typing error
)

// Validate normalises p and adds a field error for each rule broken. That
// the region exists, partner organisations exist and skills resolve is the
// service's part.
func (p *OrgProject) Validate(fe FieldErrors) {
	p.Title = strings.Join(strings.Fields(p.Title), " ")
	p.Description, p.Results = strings.TrimSpace(p.Description), strings.TrimSpace(p.Results)
	p.Programme, p.Fund = strings.TrimSpace(p.Programme), strings.TrimSpace(p.Fund)
	p.Region = strings.ToUpper(strings.TrimSpace(p.Region))
	checkLen(fe, "title", p.Title, MaxProjectTitleLen, true)
	checkLen(fe, "description", p.Description, MaxProjectTextLen, false)
	checkLen(fe, "results", p.Results, MaxProjectTextLen, false)
	checkLen(fe, "programme", p.Programme, MaxProgrammeLen, false)
	checkLen(fe, "fund", p.Fund, MaxFundLen, false)
	if !p.StartDate.IsZero() && !p.EndDate.IsZero() && p.EndDate.Before(p.StartDate) {
		fe.Add("end_date", "org.error.end_before_start")
	}
	checkCents(fe, "budget", p.Budget)
	checkCents(fe, "eu_funding", p.EUFunding)
	if len(p.Partners) > MaxPartners {
		fe.Add("partners", "org.error.too_many")
	}
	for _, pa := range p.Partners {
		if pa.OrgID == nil {
			checkLen(fe, "partners", pa.Name, MaxPartnerLen, true)
		}
	}
	if len(p.SkillIDs) > MaxProjectSkills {
		fe.Add("skills", "org.error.too_many")
	}
}

func checkCents(fe FieldErrors, field string, c *int64) {
	if c != nil && (*c < 0 || *c > MaxCents) {
		fe.Add(field, "org.error.amount_range")
	}
}

// SortDate is the date projects are listed by, newest first: the end, else
// the start, else the year of award ("" when nothing is known).
func (p *OrgProject) SortDate() string {
	switch {
	case !p.EndDate.IsZero():
		return p.EndDate.Format(time.DateOnly)
	case !p.StartDate.IsZero():
		return p.StartDate.Format(time.DateOnly)
	case p.Year > 0:
		return time.Date(p.Year, 12, 31, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
	}
	return ""
}

// OrgProjectCursor is the keyset position in a project list.
type OrgProjectCursor struct {
	SortDate string
	ID       int64
}

// OrgProjectFilter selects a page of an organisation's projects, newest
// first, with skills labelled in Lang and partners.
type OrgProjectFilter struct {
	OrgID int64
	Lang  string
	After *OrgProjectCursor
	Limit int
}

// ProjectStore keeps the projects organisations realised.
type ProjectStore interface {
	// CreateOrgProject inserts p with its partners and skills, sets its ID,
	// and keeps the organisation's project count and competences in step.
	CreateOrgProject(ctx context.Context, p *OrgProject) error
	// UpdateOrgProject saves p (matched by ID and OrgID) with its partners
	// and skills; ENotFound if it is not a project of p.OrgID.
	UpdateOrgProject(ctx context.Context, p *OrgProject) error
	// DeleteOrgProject removes a project of orgID; ENotFound if none.
	DeleteOrgProject(ctx context.Context, orgID, id int64) error
	// OrgProjectByID returns a project with partners and labelled skills.
	OrgProjectByID(ctx context.Context, id int64, lang string) (*OrgProject, error)
	// ListOrgProjects returns a page of an organisation's projects.
	ListOrgProjects(ctx context.Context, f OrgProjectFilter) ([]*OrgProject, error)
}
