package api

import (
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
)

// LanguageDTO is a spoken language.
type LanguageDTO struct {
	Code  string `json:"code" minLength:"2" maxLength:"2" doc:"ISO 639-1 code, e.g. it"`
	Level string `json:"level" enum:"A1,A2,B1,B2,C1,C2,native" doc:"CEFR level, or native"`
}

// EvidenceDTO backs a skill.
type EvidenceDTO struct {
	Kind string `json:"kind" enum:"project,result,link,course"`
	Text string `json:"text,omitempty" maxLength:"500"`
	URL  string `json:"url,omitempty" maxLength:"500" doc:"http or https URL"`
}

// SkillDTO is a skill on a profile.
type SkillDTO struct {
	URI          string       `json:"uri" doc:"Concept URI (ESCO, EntreComp, DigComp)"`
	Label        string       `json:"label" doc:"In the Accept-Language language, English when missing"`
	Level        int          `json:"level" minimum:"1" maximum:"4" doc:"1 basic, 2 intermediate, 3 advanced, 4 expert"`
	Evidence     *EvidenceDTO `json:"evidence,omitempty"`
	Endorsements int          `json:"endorsements"`
}

// OrgDTO is an organisation a person belongs to.
type OrgDTO struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	Type string `json:"type"`
	Role string `json:"role"`
}

// AssessmentDTO is a self-assessment result: scores 0–100 by area.
type AssessmentDTO struct {
	TakenAt time.Time      `json:"taken_at"`
	Overall int            `json:"overall"`
	Scores  map[string]int `json:"scores" doc:"By area: social, open-mindedness, international, entrepreneurial, creativity, management"`
}

// PersonDTO is a profile as the caller may see it: sections the caller may
// not see are left out, and visible_sections lists those they may.
type PersonDTO struct {
	ID              int64             `json:"id"`
	DisplayName     string            `json:"display_name"`
	VisibleSections []string          `json:"visible_sections"`
	Visibility      map[string]string `json:"visibility,omitempty" doc:"Each section's visibility; only for the person themself"`
	Headline        string            `json:"headline,omitempty"`
	Bio             string            `json:"bio,omitempty" doc:"Markdown"`
	PhotoURL        string            `json:"photo_url,omitempty"`
	Skills          []SkillDTO        `json:"skills,omitempty"`
	Languages       []LanguageDTO     `json:"languages,omitempty"`
	Country         string            `json:"country,omitempty" doc:"ISO 3166-1 alpha-2"`
	Region          string            `json:"region,omitempty" doc:"NUTS 2024 code"`
	Affiliations    []string          `json:"affiliations,omitempty"`
	Organisations   []OrgDTO          `json:"organisations,omitempty"`
	Themes          []string          `json:"themes,omitempty"`
	S3Areas         []string          `json:"s3_areas,omitempty"`
	Offer           string            `json:"offer,omitempty"`
	Seek            string            `json:"seek,omitempty"`
	Email           string            `json:"email,omitempty"`
	AllowContact    *bool             `json:"allow_contact,omitempty"`
	Assessment      *AssessmentDTO    `json:"assessment,omitempty"`
	UpdatedAt       time.Time         `json:"updated_at"`
}

func skillDTO(sk *ponte.ProfileSkill) SkillDTO {
	d := SkillDTO{URI: sk.ConceptURI, Label: sk.Label, Level: sk.Level, Endorsements: sk.Endorsements}
	if sk.EvidenceKind != "" {
		d.Evidence = &EvidenceDTO{Kind: sk.EvidenceKind, Text: sk.EvidenceText, URL: sk.EvidenceURL}
	}
	return d
}

// personDTO converts a view; the view already holds only what the caller
// may see (service.viewProfile), so this copies and never decides.
func personDTO(v *service.PersonView) PersonDTO {
	d := PersonDTO{ID: v.UserID, DisplayName: v.DisplayName, VisibleSections: []string{},
		Headline: v.Headline, Bio: v.Bio, Country: v.Country, Region: v.Region,
		Affiliations: v.Affiliations, Themes: v.Themes, S3Areas: v.S3Areas, Offer: v.Offer, Seek: v.Seek,
		Email: v.Email, UpdatedAt: v.UpdatedAt}
	for _, sec := range ponte.ProfileSections {
		if v.Can[sec] {
			d.VisibleSections = append(d.VisibleSections, sec)
		}
	}
	if v.Self {
		d.Visibility = map[string]string{}
		for k, vis := range v.Visibility {
			d.Visibility[k] = string(vis)
		}
	}
	if v.PhotoID != nil {
		d.PhotoURL = "/people/" + itoa(v.UserID) + "/photo?v=" + itoa(*v.PhotoID)
	}
	for _, sk := range v.Skills {
		d.Skills = append(d.Skills, skillDTO(sk))
	}
	for _, l := range v.Languages {
		d.Languages = append(d.Languages, LanguageDTO{Code: l.Code, Level: l.Level})
	}
	for _, o := range v.Organisations {
		d.Organisations = append(d.Organisations, OrgDTO{o.OrgID, o.Name, o.Type, o.Role})
	}
	if v.Can[ponte.SectionContact] {
		d.AllowContact = &v.AllowContact
	}
	if a := v.Assessment; a != nil {
		d.Assessment = &AssessmentDTO{TakenAt: a.TakenAt, Overall: a.Overall(), Scores: map[string]int{}}
		for _, sc := range a.Scores() {
			d.Assessment.Scores[sc.Area] = sc.Score
		}
	}
	return d
}
