package api

import (
	"fmt"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
)

// ProjectDTO is a project an organisation realised.
type ProjectDTO struct {
	ID                  int64             `json:"id"`
	OrgID               int64             `json:"org_id"`
	Title               string            `json:"title"`
	Description         string            `json:"description" doc:"Markdown"`
	Results             string            `json:"results" doc:"Markdown"`
	StartDate           string            `json:"start_date,omitempty" doc:"YYYY-MM-DD"`
	EndDate             string            `json:"end_date,omitempty" doc:"YYYY-MM-DD"`
	Year                int               `json:"year,omitempty" doc:"Year of award, when only that is known"`
	Programme           string            `json:"programme"`
	Fund                string            `json:"fund"`
	BudgetCents         *int64            `json:"budget_cents" doc:"Total budget in euro cents"`
	EUFundingCents      *int64            `json:"eu_funding_cents" doc:"EU contribution in euro cents"`
	OriginalBudgetCents *int64            `json:"original_budget_cents,omitempty" doc:"As published, in minor units of original_currency"`
	OriginalCurrency    string            `json:"original_currency,omitempty" doc:"ISO 4217"`
	Region              string            `json:"region"`
	Partners            []PartnerDTO      `json:"partners"`
	Skills              []ProjectSkillDTO `json:"skills"`
	CreatedAt           time.Time         `json:"created_at"`
	UpdatedAt           time.Time         `json:"updated_at"`
}

// PartnerDTO is a partner: an organisation on Ponte (org_id) or a name.
type PartnerDTO struct {
	OrgID *int64 `json:"org_id,omitempty"`
	Name  string `json:"name,omitempty"`
}

// ProjectSkillDTO names a concept.
type ProjectSkillDTO struct {
	URI   string `json:"uri"`
	Label string `json:"label"`
}

func projectDTO(p *ponte.OrgProject) ProjectDTO {
	d := ProjectDTO{ID: p.ID, OrgID: p.OrgID, Title: p.Title, Description: p.Description, Results: p.Results,
		Year: p.Year, Programme: p.Programme, Fund: p.Fund, BudgetCents: p.Budget, EUFundingCents: p.EUFunding,
		OriginalBudgetCents: p.OrigBudget, OriginalCurrency: p.OrigCurrency, Region: p.Region,
		Partners: []PartnerDTO{}, Skills: []ProjectSkillDTO{}, CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt}
	if !p.StartDate.IsZero() {
		d.StartDate = p.StartDate.Format(time.DateOnly)
	}
	if !p.EndDate.IsZero() {
		d.EndDate = p.EndDate.Format(time.DateOnly)
	}
	for _, pa := range p.Partners {
		d.Partners = append(d.Partners, PartnerDTO{OrgID: pa.OrgID, Name: pa.Name})
	}
	for _, c := range p.Skills {
		d.Skills = append(d.Skills, ProjectSkillDTO{URI: c.URI, Label: c.Label})
	}
	return d
}

// ProjectBody is a project as a client writes it.
type ProjectBody struct {
	Title          string       `json:"title" maxLength:"300"`
	Description    string       `json:"description,omitempty" doc:"Markdown"`
	Results        string       `json:"results,omitempty" doc:"Markdown"`
	StartDate      string       `json:"start_date,omitempty" doc:"YYYY-MM-DD"`
	EndDate        string       `json:"end_date,omitempty" doc:"YYYY-MM-DD"`
	Programme      string       `json:"programme,omitempty"`
	Fund           string       `json:"fund,omitempty"`
	BudgetCents    *int64       `json:"budget_cents,omitempty" minimum:"0" doc:"Total budget in euro cents"`
	EUFundingCents *int64       `json:"eu_funding_cents,omitempty" minimum:"0" doc:"EU contribution in euro cents"`
	Region         string       `json:"region,omitempty" doc:"NUTS code"`
	Partners       []PartnerDTO `json:"partners,omitempty" maxItems:"50"`
	Skills         []string     `json:"skills,omitempty" maxItems:"30" doc:"Concept URIs (ESCO, EntreComp, DigComp); an unknown URI fails the request, naming it"`
}

func (b ProjectBody) input() service.ProjectInput {
	in := service.ProjectInput{Title: b.Title, Description: b.Description, Results: b.Results,
		StartDate: b.StartDate, EndDate: b.EndDate, Programme: b.Programme, Fund: b.Fund,
		Budget: centsText(b.BudgetCents), EUFunding: centsText(b.EUFundingCents), Region: b.Region}
	for _, p := range b.Partners {
		pi := service.PartnerInput{Name: p.Name}
		if p.OrgID != nil {
			pi.OrgID = *p.OrgID
		}
		in.Partners = append(in.Partners, pi)
	}
	for i, uri := range b.Skills {
		in.Skills = append(in.Skills, service.SkillRef{Field: fmt.Sprintf("skills.%d", i), URI: uri})
	}
	return in
}

// centsText writes cents the way the service reads typed euro amounts.
func centsText(c *int64) string {
	if c == nil {
		return ""
	}
	return fmt.Sprintf("%d.%02d", *c/100, *c%100)
}
