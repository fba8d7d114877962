package taxonomy

import (
	"context"
	"errors"
	"strings"
)

// errNoURI is the malformed-row error for a row without its concept URI.
var errNoURI = errors.New("empty concept URI")

// field returns row[i], trimmed, or "" for a column the file lacks (i < 0).
func field(row []string, i int) string {
	if i < 0 {
		return ""
	}
	return strings.TrimSpace(row[i])
}

// conceptCols holds the column indexes of a concept file (skills, skill
// groups, occupations); a column the file lacks is -1.
type conceptCols struct {
	uri, label, alt, hidden, desc, def, code, skillType, reuse int
}

// conceptColumns finds the concept columns of t by name.
func conceptColumns(t *table) (conceptCols, error) {
	c, err := t.columns([]string{"conceptUri", "preferredLabel"},
		"altLabels", "hiddenLabels", "description", "definition", "code", "skillType", "reuseLevel")
	if err != nil {
		return conceptCols{}, err
	}
	return conceptCols{
		uri: c["conceptUri"], label: c["preferredLabel"], alt: c["altLabels"],
		hidden: c["hiddenLabels"], desc: c["description"], def: c["definition"],
		code: c["code"], skillType: c["skillType"], reuse: c["reuseLevel"],
	}, nil
}

// concept builds an ESCO Concept from a row. The description falls back on
// the definition, which a few concepts fill instead.
func (cc conceptCols) concept(row []string, lang string) (Concept, error) {
	c := Concept{
		URI:            field(row, cc.uri),
		Scheme:         SchemeESCO,
		Code:           field(row, cc.code),
		SkillType:      field(row, cc.skillType),
		ReuseLevel:     field(row, cc.reuse),
		Lang:           lang,
		PreferredLabel: field(row, cc.label),
		Description:    field(row, cc.desc),
	}
	if c.URI == "" {
		return c, malformed{errNoURI}
	}
	if c.Description == "" {
		c.Description = field(row, cc.def)
	}
	c.AltLabels = splitLabels(field(row, cc.alt), c.PreferredLabel)
	c.HiddenLabels = splitLabels(field(row, cc.hidden), c.PreferredLabel)
	return c, nil
}

// groupKind and skillKind give the Kind of a concept from its skillType.
func groupKind(string) string { return KindSkillGroup }

func skillKind(skillType string) string {
	// Some releases write the type as a URI ending in ".../knowledge".
	if strings.HasSuffix(skillType, "knowledge") {
		return KindKnowledge
	}
	return KindSkill
}

// readConcepts reads skills or skill groups.
func readConcepts(lang string, kind func(skillType string) string) readFunc {
	return func(ctx context.Context, t *table) error {
		cc, err := conceptColumns(t)
		if err != nil {
			return err
		}
		return t.each(ctx, func(row []string) error {
			c, err := cc.concept(row, lang)
			if err != nil {
				return err
			}
			c.Kind = kind(c.SkillType)
			return t.h.Concept(c)
		})
	}
}

// readOccupations reads occupations_<lang>.csv.
func readOccupations(lang string) readFunc {
	return func(ctx context.Context, t *table) error {
		cc, err := conceptColumns(t)
		if err != nil {
			return err
		}
		isco := t.column("iscoGroup")
		return t.each(ctx, func(row []string) error {
			c, err := cc.concept(row, lang)
			if err != nil {
				return err
			}
			c.Kind = KindOccupation
			return t.h.Occupation(Occupation{Concept: c, ISCOGroup: field(row, isco)})
		})
	}
}

// readLinks reads a file of links between two URI columns and calls emit
// with the two URIs and the value of the optional typ column.
func readLinks(ctx context.Context, t *table, from, to, typ string, emit func(from, to, typ string) error) error {
	c, err := t.columns([]string{from, to}, typ)
	if err != nil {
		return err
	}
	fi, ti, yi := c[from], c[to], c[typ]
	return t.each(ctx, func(row []string) error {
		f, u := field(row, fi), field(row, ti)
		if f == "" || u == "" {
			return malformed{errNoURI}
		}
		return emit(f, u, strings.ToLower(field(row, yi)))
	})
}

// readBroader reads broaderRelationsSkillPillar.csv.
func readBroader(ctx context.Context, t *table) error {
	return readLinks(ctx, t, "conceptUri", "broaderUri", "", func(child, parent, _ string) error {
		return t.h.Broader(Broader{ChildURI: child, ParentURI: parent})
	})
}

// readRelations reads skillSkillRelations.csv.
func readRelations(ctx context.Context, t *table) error {
	return readLinks(ctx, t, "originalSkillUri", "relatedSkillUri", "relationType", func(s, r, typ string) error {
		return t.h.Relation(Relation{SkillURI: s, RelatedURI: r, Type: typ})
	})
}

// readOccupationSkills reads occupationSkillRelations.csv.
func readOccupationSkills(ctx context.Context, t *table) error {
	return readLinks(ctx, t, "occupationUri", "skillUri", "relationType", func(o, s, typ string) error {
		return t.h.OccupationSkill(OccupationSkill{OccupationURI: o, SkillURI: s, Type: typ})
	})
}

// readMembers reads an ESCO collection file: only its concept URIs matter,
// since the concepts themselves come from the skills file.
func readMembers(collection string) readFunc {
	return func(ctx context.Context, t *table) error {
		c, err := t.columns([]string{"conceptUri"})
		if err != nil {
			return err
		}
		ui := c["conceptUri"]
		return t.each(ctx, func(row []string) error {
			u := field(row, ui)
			if u == "" {
				return malformed{errNoURI}
			}
			return t.h.Membership(Membership{ConceptURI: u, Collection: collection})
		})
	}
}
