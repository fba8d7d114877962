package service

import (
	"context"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/nuts"
)

// OrgDirectoryInput is the directory's query: filters as sent by a form or
// the API. Unknown filter values are refused with a field error rather
// than ignored, so a mistyped API call does not silently list everything.
type OrgDirectoryInput struct {
	Query      string // part of the name
	SkillURI   string // a concept; narrower concepts match too
	SkillText  string // or its name as typed, without script
	SkillField string // the form field the skill came from, for errors ("skill")
	Region     string // NUTS code at any level
	Type       string
	SizeBand   string
	Sector     string
	S3Area     string
	Order      string // ponte.OrderRelevance (default) or ponte.OrderRecent
	Cursor     string // from OrgDirectoryPage.Next
	Limit      int
}

// OrgDirectoryPage is one page of results and the cursor of the next
// ("" on the last page).
type OrgDirectoryPage struct {
	Items []*ponte.OrgListItem
	Skill *ponte.Concept // the skill filtered on, labelled
	Next  string
}

// OrgDirectoryPageSize is the default page size of the directory.
const OrgDirectoryPageSize = 20

// OrgDirectory returns a page of the organisation directory. It is public.
func (s *Service) OrgDirectory(ctx context.Context, in OrgDirectoryInput, lang string) (*OrgDirectoryPage, error) {
	f, err := orgDirFilter(in)
	if err != nil {
		return nil, err
	}
	page := &OrgDirectoryPage{}
	if in.SkillURI != "" || in.SkillText != "" {
		c, err := s.orgDirSkill(ctx, in, lang)
		if err != nil {
			return nil, err
		}
		page.Skill = c
		if f.ConceptIDs, err = s.store.NarrowerConcepts(ctx, []int64{c.ID}); err != nil {
			return nil, err
		}
	}
	if page.Items, err = s.store.ListOrganisations(ctx, f); err != nil {
		return nil, err
	}
	if n := len(page.Items); n > 0 && n == f.Limit {
		page.Next = ponte.OrgCursorAfter(page.Items[n-1]).String()
	}
	return page, nil
}

// orgDirSkill resolves the skill filter, offering candidates when the
// typed text names several concepts.
func (s *Service) orgDirSkill(ctx context.Context, in OrgDirectoryInput, lang string) (*ponte.Concept, error) {
	field := orgFieldOr(in.SkillField, "skill")
	c, cands, err := s.ResolveSkill(ctx, field, in.SkillURI, in.SkillText, lang)
	fe := ponte.FieldErrors{}
	if err := orgSkillFieldError(fe, field, c, err); err != nil {
		return nil, err
	}
	choices := map[string][]*ponte.Concept{}
	if len(cands) > 0 {
		choices[field] = cands
	}
	if err := orgChoicesError(fe, choices); err != nil {
		return nil, err
	}
	return c, nil
}

// orgDirFilter checks the simple filters and builds the store's filter.
func orgDirFilter(in OrgDirectoryInput) (ponte.OrgFilter, error) {
	f := ponte.OrgFilter{NameQuery: nuts.Fold(in.Query), Region: in.Region, Type: in.Type,
		SizeBand: in.SizeBand, Sector: in.Sector, S3Area: in.S3Area, Order: in.Order,
		Limit: min(max(in.Limit, 0), 100)}
	if f.Limit == 0 {
		f.Limit = OrgDirectoryPageSize
	}
	fe := ponte.FieldErrors{}
	if f.Region != "" && !nuts.Valid(f.Region) {
		fe.Add("region", "org.error.region_unknown")
	}
	check := func(field, v string, ok func(string) bool) {
		if v != "" && !ok(v) {
			fe.Add(field, "error.choose_option")
		}
	}
	check("type", f.Type, ponte.ValidOrgType)
	check("size_band", f.SizeBand, ponte.ValidSizeBand)
	check("sector", f.Sector, ponte.ValidSector)
	check("s3_area", f.S3Area, ponte.ValidS3Area)
	check("order", f.Order, func(o string) bool { return o == ponte.OrderRelevance || o == ponte.OrderRecent })
	if err := fe.Err(); err != nil {
		return f, err
	}
	if in.Cursor != "" {
		c, err := ponte.ParseOrgCursor(in.Cursor)
		if err != nil {
			return f, err
		}
		f.After = c
	}
	return f, nil
}

func orgFieldOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
