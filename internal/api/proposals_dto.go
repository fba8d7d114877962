package api

import (
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
)

// ProposalDTO is a collaboration proposal.
type ProposalDTO struct {
	ID           int64              `json:"id"`
	Type         string             `json:"type" doc:"technology_offer, technology_request, business_partnership, research_partner_search or public_challenge"`
	Status       string             `json:"status" doc:"draft, pending (awaiting moderation), published, closed or archived"`
	CloseReason  string             `json:"close_reason,omitempty" doc:"partnered, expired or withdrawn"`
	Title        string             `json:"title"`
	Summary      string             `json:"summary"`
	Description  string             `json:"description" doc:"Markdown"`
	Lang         string             `json:"lang" doc:"Language of the text: en, it, el, hr, ro or sl"`
	Skills       []ProposalSkillDTO `json:"skills"`
	PartnerTypes []string           `json:"partner_types" doc:"Organisation types sought"`
	Countries    []string           `json:"countries" doc:"ISO 3166-1 alpha-2"`
	Regions      []string           `json:"regions" doc:"NUTS 2024 codes"`
	S3Areas      []string           `json:"s3_areas"`
	Themes       []string           `json:"themes"`
	Deadline     string             `json:"deadline,omitempty" doc:"YYYY-MM-DD"`
	CallRef      string             `json:"call_ref"`
	CallURL      string             `json:"call_url"`
	ProposerID   int64              `json:"proposer_id"`
	ProposerName string             `json:"proposer_name"`
	OrgID        *int64             `json:"org_id,omitempty"`
	OrgName      string             `json:"org_name,omitempty"`
	PublishedAt  *time.Time         `json:"published_at,omitempty"`
	ClosedAt     *time.Time         `json:"closed_at,omitempty"`
	CreatedAt    time.Time          `json:"created_at"`
	UpdatedAt    time.Time          `json:"updated_at"`
}

// ProposalSkillDTO is a required skill.
type ProposalSkillDTO struct {
	URI       string `json:"uri"`
	Label     string `json:"label"`
	Essential bool   `json:"essential" doc:"false: nice to have"`
	MinLevel  int    `json:"min_level" doc:"Least proficiency, 1 to 4"`
}

func proposalDTO(p *ponte.Proposal) ProposalDTO {
	d := ProposalDTO{ID: p.ID, Type: p.Type, Status: p.Status, CloseReason: p.CloseReason, Title: p.Title,
		Summary: p.Summary, Description: p.Description, Lang: p.Lang, Skills: []ProposalSkillDTO{},
		PartnerTypes: nonNil(p.PartnerTypes), Countries: nonNil(p.Countries), Regions: nonNil(p.Regions),
		S3Areas: nonNil(p.S3Areas), Themes: nonNil(p.Themes), CallRef: p.CallRef, CallURL: p.CallURL,
		ProposerID: p.ProposerID, ProposerName: p.ProposerName, OrgID: p.OrgID, OrgName: p.OrgName,
		PublishedAt: p.PublishedAt, ClosedAt: p.ClosedAt, CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt}
	if !p.Deadline.IsZero() {
		d.Deadline = p.Deadline.Format(time.DateOnly)
	}
	for _, s := range p.Skills {
		sd := ProposalSkillDTO{Essential: s.Essential, MinLevel: s.MinLevel}
		if s.Concept != nil {
			sd.URI, sd.Label = s.Concept.URI, s.Concept.Label
		}
		d.Skills = append(d.Skills, sd)
	}
	return d
}

// ProposalBody is a proposal as a client writes it: the whole content.
// New proposals are drafts; publish with the status operation.
type ProposalBody struct {
	Type         string                  `json:"type" doc:"See ProposalDTO.type"`
	Title        string                  `json:"title,omitempty" maxLength:"200"`
	Summary      string                  `json:"summary,omitempty" maxLength:"600"`
	Description  string                  `json:"description,omitempty" doc:"Markdown"`
	Lang         string                  `json:"lang,omitempty" doc:"Language of the text; the caller's Accept-Language when omitted"`
	Skills       []ProposalSkillBodyItem `json:"skills,omitempty" maxItems:"30"`
	PartnerTypes []string                `json:"partner_types,omitempty"`
	Countries    []string                `json:"countries,omitempty"`
	Regions      []string                `json:"regions,omitempty" doc:"NUTS codes"`
	S3Areas      []string                `json:"s3_areas,omitempty"`
	Themes       []string                `json:"themes,omitempty"`
	Deadline     string                  `json:"deadline,omitempty" doc:"YYYY-MM-DD, today or later"`
	CallRef      string                  `json:"call_ref,omitempty" doc:"Required to publish a research_partner_search"`
	CallURL      string                  `json:"call_url,omitempty" doc:"http or https URL"`
	OrgID        int64                   `json:"org_id,omitempty" doc:"An organisation you own or manage"`
}

// ProposalSkillBodyItem is a required skill as a client writes it.
type ProposalSkillBodyItem struct {
	URI       string `json:"uri" doc:"Concept URI"`
	Essential bool   `json:"essential,omitempty"`
	MinLevel  int    `json:"min_level" minimum:"1" maximum:"4"`
}

func (b ProposalBody) input() service.ProposalInput {
	in := service.ProposalInput{Type: b.Type, Title: b.Title, Summary: b.Summary, Description: b.Description,
		Lang: b.Lang, PartnerTypes: b.PartnerTypes, Countries: b.Countries, Regions: b.Regions,
		S3Areas: b.S3Areas, Themes: b.Themes, Deadline: b.Deadline, CallRef: b.CallRef, CallURL: b.CallURL,
		OrgID: b.OrgID}
	for i, s := range b.Skills {
		in.Skills = append(in.Skills, service.ProposalSkillInput{SkillRef: service.SkillRef{
			Field: "skills." + itoa(int64(i)), URI: s.URI}, Essential: s.Essential, MinLevel: s.MinLevel})
	}
	return in
}

func (b ProposalBody) skillURIs() []string {
	out := make([]string, len(b.Skills))
	for i, s := range b.Skills {
		out[i] = s.URI
	}
	return out
}
