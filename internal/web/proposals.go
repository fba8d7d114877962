package web

import (
	"html/template"
	"time"

	"github.com/ponte-platform/ponte"
)

// proposalRoutes are the collaboration proposals: the directory, a
// proposal's page, writing and editing one, and changing its state.
func (s *Server) proposalRoutes() []Route {
	return []Route{
		{"GET", "/proposals", s.proposalDirectory, "public", 0},
		{"GET", "/proposals/new", s.proposalNewForm, "member", 0},
		{"POST", "/proposals", s.proposalCreate, "member", 0},
		{"POST", "/proposals/suggest-skills", s.proposalSuggestJSON, "member", 0},
		{"GET", "/proposals/{id}", s.proposalPage, "public", 0},
		{"GET", "/proposals/{id}/edit", s.proposalEditForm, "member", 0},
		{"POST", "/proposals/{id}", s.proposalUpdate, "member", 0},
		{"POST", "/proposals/{id}/status", s.proposalStatus, "member", 0},
	}
}

// proposalView is a proposal as the pages show it: message keys for the
// coded values, labels for the places.
type proposalView struct {
	ID                             int64
	Title, Summary                 string
	Description                    template.HTML
	TypeKey, StatusKey, ReasonKey  string
	Status                         string
	Lang, LangName                 string
	Deadline                       time.Time
	CallRef, CallURL               string
	Proposer                       string
	OrgID                          int64
	OrgName                        string
	Skills                         []proposalSkillView
	PartnerKeys, S3Keys, ThemeKeys []string
	Countries, Regions             []string
	PublishedAt                    *time.Time
}

// proposalSkillView is a required skill with its level's message key.
type proposalSkillView struct {
	ID               int64
	URI, Label, Lang string
	Essential        bool
	LevelKey         string
}

// Lists show no description: the proposal page renders it (withDescription).
func newProposalView(p *ponte.Proposal) proposalView {
	v := proposalView{ID: p.ID, Title: p.Title, Summary: p.Summary,
		TypeKey: "proposal.type." + p.Type, StatusKey: "proposal.status." + p.Status, Status: p.Status,
		Lang: p.Lang, LangName: languageNames[p.Lang], Deadline: p.Deadline, CallRef: p.CallRef,
		CallURL: p.CallURL, Proposer: p.ProposerName, OrgName: p.OrgName, Countries: p.Countries,
		PublishedAt: p.PublishedAt}
	if p.CloseReason != "" {
		v.ReasonKey = "proposal.reason." + p.CloseReason
	}
	if p.OrgID != nil {
		v.OrgID = *p.OrgID
	}
	for _, s := range p.Skills {
		sv := proposalSkillView{ID: s.ConceptID, Essential: s.Essential, LevelKey: "people.level." + orgItoa(int64(s.MinLevel))}
		if s.Concept != nil {
			sv.URI, sv.Label, sv.Lang = s.Concept.URI, s.Concept.Label, s.Concept.Lang
		}
		v.Skills = append(v.Skills, sv)
	}
	v.PartnerKeys = prefixed("org.type.", p.PartnerTypes)
	v.S3Keys = prefixed("people.s3.", p.S3Areas)
	v.ThemeKeys = prefixed("people.theme.", p.Themes)
	for _, r := range p.Regions {
		v.Regions = append(v.Regions, orgRegionLabel(r))
	}
	return v
}

// withDescription adds the rendered description, for the proposal's page.
func (v proposalView) withDescription(p *ponte.Proposal) proposalView {
	v.Description = orgMarkdown(p.Description)
	return v
}

func prefixed(prefix string, codes []string) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = prefix + c
	}
	return out
}
