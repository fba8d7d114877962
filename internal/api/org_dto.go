package api

import (
	"strconv"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
)

// OrganisationDTO is an organisation's profile.
type OrganisationDTO struct {
	ID           int64           `json:"id"`
	Name         string          `json:"name"`
	Type         string          `json:"type" doc:"One of university, research_infrastructure, research_centre, large_company, sme, startup, social_enterprise, public_administration, ngo, citizens_group, cluster, competence_centre; empty when an import could not tell"`
	RegistryID   string          `json:"registry_id" doc:"National business or tax id, normalised"`
	SizeBand     string          `json:"size_band" doc:"micro (1-9), small (10-49), medium (50-249), large (250+), or empty"`
	Country      string          `json:"country" doc:"ISO 3166-1 alpha-2"`
	Region       string          `json:"region" doc:"NUTS 2024 code"`
	Address      string          `json:"address"`
	Lat          *float64        `json:"lat"`
	Lon          *float64        `json:"lon"`
	Website      string          `json:"website"`
	Description  string          `json:"description" doc:"Markdown"`
	Sectors      []string        `json:"sectors" doc:"NACE Rev. 2 sections, A to U"`
	S3Areas      []string        `json:"s3_areas" doc:"Smart-specialisation area codes"`
	LogoURL      string          `json:"logo_url,omitempty"`
	ProjectCount int             `json:"project_count"`
	Imported     bool            `json:"imported" doc:"Imported from a public list; the source is kept"`
	Source       string          `json:"source,omitempty"`
	Competences  []CompetenceDTO `json:"distinctive_competences,omitempty"`
	CreatedAt    time.Time       `json:"created_at"`
	UpdatedAt    time.Time       `json:"updated_at"`
}

// CompetenceDTO is a distinctive competence and its evidence.
type CompetenceDTO struct {
	URI      string  `json:"uri"`
	Label    string  `json:"label"`
	Score    float64 `json:"score" doc:"Evidence weight × ln(organisations / organisations with this concept)"`
	Declared bool    `json:"declared"`
	Projects int     `json:"projects" doc:"Projects of the organisation tagged with it"`
	Members  int     `json:"members" doc:"Members who list it on a public profile"`
}

func orgDTO(o *ponte.Organisation, comps []ponte.Competence) OrganisationDTO {
	d := OrganisationDTO{ID: o.ID, Name: o.Name, Type: o.Type, RegistryID: o.RegistryID, SizeBand: o.SizeBand,
		Country: o.Country, Region: o.Region, Address: o.Address, Lat: o.Lat, Lon: o.Lon,
		Website: o.Website, Description: o.Description, Sectors: nonNil(o.Sectors), S3Areas: nonNil(o.S3Areas),
		ProjectCount: o.ProjectCount, Imported: o.Imported(), Source: o.Source,
		CreatedAt: o.CreatedAt, UpdatedAt: o.UpdatedAt}
	if o.LogoID != nil {
		d.LogoURL = "/organisations/" + itoa(o.ID) + "/logo?v=" + itoa(*o.LogoID)
	}
	for _, c := range comps {
		d.Competences = append(d.Competences, CompetenceDTO{URI: c.Concept.URI, Label: c.Concept.Label,
			Score: c.Score, Declared: c.Declared, Projects: c.CompetenceEvidence.Projects, Members: c.Members})
	}
	return d
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// OrgBody is an organisation as a client writes it: the whole profile.
type OrgBody struct {
	Name        string   `json:"name" maxLength:"200"`
	Type        string   `json:"type" doc:"See OrganisationDTO.type"`
	Country     string   `json:"country" doc:"ISO 3166-1 alpha-2 of a NUTS country"`
	RegistryID  string   `json:"registry_id,omitempty" doc:"Checked against the country's rules: format, then check digit"`
	SizeBand    string   `json:"size_band,omitempty"`
	Website     string   `json:"website,omitempty" doc:"http or https URL"`
	Description string   `json:"description,omitempty" doc:"Markdown"`
	Sectors     []string `json:"sectors,omitempty"`
	S3Areas     []string `json:"s3_areas,omitempty"`
	Region      string   `json:"region,omitempty" doc:"NUTS code inside the country"`
	Address     string   `json:"address,omitempty"`
	Lat         *float64 `json:"lat,omitempty" doc:"With lon; both absent: the region's label point"`
	Lon         *float64 `json:"lon,omitempty"`
}

func (b OrgBody) input() service.OrgInput {
	in := service.OrgInput{Name: b.Name, Type: b.Type, Country: b.Country, RegistryID: b.RegistryID,
		SizeBand: b.SizeBand, Website: b.Website, Description: b.Description, Sectors: b.Sectors,
		S3Areas: b.S3Areas, Region: b.Region, Address: b.Address}
	if b.Lat != nil {
		in.Lat = strconv.FormatFloat(*b.Lat, 'f', -1, 64)
	}
	if b.Lon != nil {
		in.Lon = strconv.FormatFloat(*b.Lon, 'f', -1, 64)
	}
	return in
}

// OrgListItemDTO is one directory result.
type OrgListItemDTO struct {
	ID           int64     `json:"id"`
	Name         string    `json:"name"`
	Type         string    `json:"type"`
	SizeBand     string    `json:"size_band"`
	Country      string    `json:"country"`
	Region       string    `json:"region"`
	ProjectCount int       `json:"project_count"`
	MemberCount  int       `json:"member_count"`
	Score        int64     `json:"score" doc:"Relevance: evidence of the filtered skill, else the number of projects"`
	UpdatedAt    time.Time `json:"updated_at"`
}
