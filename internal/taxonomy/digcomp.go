package taxonomy

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
)

// DigComp file names, as the JRC and PiAir/digcomp3-l10n publish them.
const (
	DigCompItemsFile      = "digcomp3.0_items.csv"
	DigCompSupplementFile = "digcomp3.0_data_supplement_2025-11-24.jsonld"
)

// DigComp URN prefixes; see the package documentation.
const (
	digCompArea       = "urn:digcomp:3.0:area:"
	digCompCompetence = "urn:digcomp:3.0:competence:"
)

// ParseDigComp reads DigComp 3.0: its 5 competence areas and 21
// competences from the items CSV (one row per competence statement or
// learning outcome, each naming its area and competence). The statements
// and outcomes themselves are not concepts.
//
// supplement, the JRC's JSON-LD data supplement, is optional (nil): when
// given, it adds the areas' and competences' descriptions and the eight
// proficiency levels, which the items CSV does not carry.
func ParseDigComp(items, supplement io.Reader) (*Framework, error) {
	f := &Framework{Scheme: SchemeDigComp}
	if err := f.digCompItems(items); err != nil {
		return nil, err
	}
	if supplement == nil {
		return f, nil
	}
	if err := f.digCompSupplement(supplement); err != nil {
		return nil, err
	}
	return f, nil
}

// digCompItems collects the distinct areas and competences, areas first.
func (f *Framework) digCompItems(r io.Reader) error {
	t, err := newTable(DigCompItemsFile, r, Handler{})
	if err != nil {
		return err
	}
	c, err := t.columns([]string{"competence_area_id", "competence_area", "competence_id", "competence"})
	if err != nil {
		return err
	}
	var areas, comps []Concept
	err = t.each(context.Background(), func(row []string) error {
		aid, cid := field(row, c["competence_area_id"]), field(row, c["competence_id"])
		if aid == "" || cid == "" {
			return malformed{fmt.Errorf("no competence area or competence id")}
		}
		if !slices.ContainsFunc(areas, func(x Concept) bool { return x.Code == aid }) {
			areas = append(areas, digCompConcept(digCompArea, KindArea, aid, field(row, c["competence_area"])))
		}
		if !slices.ContainsFunc(comps, func(x Concept) bool { return x.Code == cid }) {
			comps = append(comps, digCompConcept(digCompCompetence, KindCompetence, cid, field(row, c["competence"])))
			f.Broader = append(f.Broader, Broader{ChildURI: digCompCompetence + cid, ParentURI: digCompArea + aid})
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(areas) == 0 {
		return fmt.Errorf("taxonomy: %s: no competences", DigCompItemsFile)
	}
	f.Concepts = append(areas, comps...)
	return nil
}

// digCompConcept builds an English DigComp concept.
func digCompConcept(prefix, kind, id, name string) Concept {
	return Concept{URI: prefix + id, Scheme: SchemeDigComp, Kind: kind, Code: id, Lang: "en", PreferredLabel: name}
}

// digCompNode is one node of the JSON-LD supplement's @graph; only the
// fields of areas, competences and proficiency levels are kept.
type digCompNode struct {
	Type            string `json:"@type"`
	ID              string `json:"@id"`
	Description     string `json:"description"`
	Band            string `json:"four_levels_name"`
	Number          int    `json:"eight_levels_mapping"`
	BandDescription string `json:"four_levels_description"`
	LevelDesc       string `json:"eight_levels_description"`
}

// digCompSupplement adds descriptions and levels from the JSON-LD.
func (f *Framework) digCompSupplement(r io.Reader) error {
	var doc struct {
		Graph []digCompNode `json:"@graph"`
	}
	if err := json.NewDecoder(r).Decode(&doc); err != nil {
		return fmt.Errorf("taxonomy: %s: %w", DigCompSupplementFile, err)
	}
	for _, n := range doc.Graph {
		f.digCompNode(n)
	}
	slices.SortFunc(f.Levels, func(a, b Level) int { return a.Number - b.Number })
	return nil
}

// digCompNode applies one node of the supplement.
func (f *Framework) digCompNode(n digCompNode) {
	kind, id, _ := strings.Cut(n.ID, "/")
	switch {
	case n.Type == "CompetenceArea" && kind == "CompetenceArea":
		f.describe(digCompArea+id, n.Description)
	case n.Type == "Competence" && kind == "Competence":
		f.describe(digCompCompetence+id, n.Description)
	case n.Type == "ProficiencyLevel" && n.Number > 0:
		f.Levels = append(f.Levels, Level{
			Number:          n.Number,
			Name:            fmt.Sprintf("%s %d", n.Band, n.Number),
			Band:            n.Band,
			BandDescription: n.BandDescription,
			Description:     n.LevelDesc,
		})
	}
}

// describe sets the description of the concept with the given URI.
func (f *Framework) describe(uri, desc string) {
	for i := range f.Concepts {
		if f.Concepts[i].URI == uri {
			f.Concepts[i].Description = strings.TrimSpace(desc)
		}
	}
}
