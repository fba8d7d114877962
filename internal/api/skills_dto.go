package api

import (
	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
)

// SkillRefDTO names a concept another one links to.
type SkillRefDTO struct {
	ID    int64  `json:"id"`
	URI   string `json:"uri"`
	Label string `json:"label"`
	Lang  string `json:"lang"`
	Type  string `json:"type"`
}

// SkillLabelDTO is a concept's text in one language.
type SkillLabelDTO struct {
	Lang      string   `json:"lang"`
	Label     string   `json:"label"`
	AltLabels []string `json:"alt_labels"`
}

// RelatedSkillDTO is a skill relation.
type RelatedSkillDTO struct {
	SkillRefDTO
	Relation string `json:"relation" enum:"essential,optional"`
}

// SkillDetailDTO is a concept with its neighbourhood.
type SkillDetailDTO struct {
	SkillRefDTO
	Scheme          string            `json:"scheme"`
	Code            string            `json:"code"`
	SkillType       string            `json:"skill_type"`
	ReuseLevel      string            `json:"reuse_level"`
	Description     string            `json:"description"`
	AltLabels       []string          `json:"alt_labels" doc:"Alternative labels in lang"`
	Labels          []SkillLabelDTO   `json:"labels" doc:"Labels in every language the concept has"`
	Broader         []SkillRefDTO     `json:"broader" doc:"From the parent up to the top of the hierarchy"`
	Narrower        []SkillRefDTO     `json:"narrower" doc:"A page of direct children, by id"`
	NarrowerNext    int64             `json:"narrower_next,omitempty" doc:"Cursor of the next page of narrower concepts (pass as narrower_after)"`
	Related         []RelatedSkillDTO `json:"related"`
	Collections     []string          `json:"collections" doc:"ESCO collections: transversal, digital, green, language, research, digcomp"`
	InnovationAreas []SkillRefDTO     `json:"innovation_areas"`
	Attribution     string            `json:"attribution,omitempty" doc:"Notice to show with the labels"`
}

// SkillDetailOutput is the response of GET /skills/{id}.
type SkillDetailOutput struct {
	Body SkillDetailDTO
}

func skillRef(c *ponte.Concept) SkillRefDTO {
	return SkillRefDTO{ID: c.ID, URI: c.URI, Label: c.Label, Lang: c.Lang, Type: c.Kind}
}

func skillRefs(cs []*ponte.Concept) []SkillRefDTO {
	out := make([]SkillRefDTO, len(cs))
	for i, c := range cs {
		out[i] = skillRef(c)
	}
	return out
}

func skillDetailDTO(d *service.SkillDetail) SkillDetailDTO {
	c := d.Concept
	out := SkillDetailDTO{SkillRefDTO: skillRef(c), Scheme: c.Scheme, Code: c.Code, SkillType: c.SkillType,
		ReuseLevel: c.ReuseLevel, Description: c.Description, AltLabels: c.AltLabels, Broader: skillRefs(d.Broader),
		Narrower: skillRefs(d.Narrower), NarrowerNext: d.NarrowerNext, Collections: d.Collections,
		InnovationAreas: skillRefs(d.InnovationAreas), Attribution: attribution(c.Scheme),
		Labels: make([]SkillLabelDTO, len(d.Labels)), Related: make([]RelatedSkillDTO, len(d.Related))}
	if out.AltLabels == nil {
		out.AltLabels = []string{}
	}
	if out.Collections == nil {
		out.Collections = []string{}
	}
	for i, l := range d.Labels {
		out.Labels[i] = SkillLabelDTO{Lang: l.Lang, Label: l.Preferred, AltLabels: l.AltLabels}
		if out.Labels[i].AltLabels == nil {
			out.Labels[i].AltLabels = []string{}
		}
	}
	for i, r := range d.Related {
		out.Related[i] = RelatedSkillDTO{SkillRefDTO: skillRef(r.Concept), Relation: r.Type}
	}
	return out
}
