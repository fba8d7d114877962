package taxonomy

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// InnovationFile is the name of the curated innovation areas in Embedded().
const InnovationFile = "innovation_areas.json"

// innovationPrefix starts the URI of every innovation area.
const innovationPrefix = "urn:ponte:innovation:"

// ponteLanguages are the languages Ponte writes its own texts in; every
// innovation area has a label and a description in each.
var ponteLanguages = []string{"en", "it", "el", "hr", "ro", "sl"}

// InnovationArea is one of Ponte's six "skills for innovation" areas: social
// and interpersonal skills, open-mindedness, international proficiency,
// entrepreneurial mindset, creativity and management. It groups ESCO skills
// and EntreComp and DigComp competences under one concept, so a profile or
// a proposal can be summarised and matched by area.
type InnovationArea struct {
	Slug         string            // e.g. "creativity"
	URI          string            // "urn:ponte:innovation:" + Slug
	Labels       map[string]string // by language code
	Descriptions map[string]string // by language code
	Members      []string          // concept URIs, ESCO or framework
}

// InnovationCollection returns the Membership collection name of the
// innovation area with the given slug, e.g. "innovation:creativity".
func InnovationCollection(slug string) string { return "innovation:" + slug }

// Concepts returns the area as one Concept per language.
func (a InnovationArea) Concepts() []Concept {
	out := make([]Concept, 0, len(a.Labels))
	for _, lang := range ponteLanguages {
		out = append(out, Concept{
			URI: a.URI, Scheme: SchemePonte, Kind: KindInnovationArea, Code: a.Slug,
			Lang: lang, PreferredLabel: a.Labels[lang], Description: a.Descriptions[lang],
		})
	}
	return out
}

// Memberships returns one Membership per member, in the area's collection.
func (a InnovationArea) Memberships() []Membership {
	out := make([]Membership, len(a.Members))
	for i, m := range a.Members {
		out[i] = Membership{ConceptURI: m, Collection: InnovationCollection(a.Slug)}
	}
	return out
}

// innovationFile is the shape of innovation_areas.json. A member's label
// and note are for the people who review the curation; only URIs are used.
type innovationFile struct {
	Areas []struct {
		Slug        string            `json:"slug"`
		Label       map[string]string `json:"label"`
		Description map[string]string `json:"description"`
		Members     []struct {
			URI   string `json:"uri"`
			Label string `json:"label"`
			Note  string `json:"note"`
		} `json:"members"`
	} `json:"areas"`
}

// ParseInnovationAreas reads innovation_areas.json and checks it: a slug
// of lower-case letters and hyphens, a label and a description in every
// Ponte language, and at least one member, none twice.
func ParseInnovationAreas(r io.Reader) ([]InnovationArea, error) {
	var file innovationFile
	if err := json.NewDecoder(r).Decode(&file); err != nil {
		return nil, fmt.Errorf("taxonomy: %s: %w", InnovationFile, err)
	}
	var out []InnovationArea
	for _, fa := range file.Areas {
		a := InnovationArea{Slug: fa.Slug, URI: innovationPrefix + fa.Slug, Labels: fa.Label, Descriptions: fa.Description}
		for _, m := range fa.Members {
			a.Members = append(a.Members, m.URI)
		}
		if err := a.check(out); err != nil {
			return nil, fmt.Errorf("taxonomy: %s: area %q: %w", InnovationFile, a.Slug, err)
		}
		out = append(out, a)
	}
	return out, nil
}

// check validates one area against itself and the areas before it.
func (a InnovationArea) check(before []InnovationArea) error {
	if a.Slug == "" || strings.Trim(a.Slug, "abcdefghijklmnopqrstuvwxyz-") != "" {
		return fmt.Errorf("slug must be lower-case letters and hyphens")
	}
	for _, b := range before {
		if b.Slug == a.Slug {
			return fmt.Errorf("slug used twice")
		}
	}
	for _, lang := range ponteLanguages {
		if strings.TrimSpace(a.Labels[lang]) == "" || strings.TrimSpace(a.Descriptions[lang]) == "" {
			return fmt.Errorf("no label or description in %q", lang)
		}
	}
	if len(a.Members) == 0 {
		return fmt.Errorf("no members")
	}
	for i, m := range a.Members {
		if m == "" || contains(a.Members[:i], m) {
			return fmt.Errorf("member %d: empty or repeated URI %q", i+1, m)
		}
	}
	return nil
}
