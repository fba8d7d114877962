package service

import (
	"context"
	"encoding/base64"
	"fmt"
	"strings"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/nuts"
)

// DirectoryQuery is what the directory's filter form or API sends.
type DirectoryQuery struct {
	SkillURI  string // a concept URI chosen from the autocomplete…
	SkillText string // …or typed text
	Region    string // NUTS code of any level
	Language  string // ISO 639-1
	OrgType   string
	Interest  string // "theme:<code>" or "s3:<code>"
	Order     string // ponte.OrderRelevance (default with a skill) or ponte.OrderRecent
	Cursor    string
	Limit     int
	Lang      string // labels' language
}

// DirectoryPage is one page of people.
type DirectoryPage struct {
	Items      []*PersonView
	Next       string         // cursor of the next page, "" on the last
	Skill      *ponte.Concept // the skill filtered on, resolved
	Matched    map[int64]bool // concept ids that the skill filter matches (with narrower ones)
	Candidates []*ponte.Concept
}

// Directory finds people. Every filter only matches sections the viewer
// may see (ponte.PeopleFilter), and each card shows only what the viewer may
// see (viewProfile). A skill matches narrower skills too.
func (s *Service) Directory(ctx context.Context, viewer *ponte.User, q DirectoryQuery) (*DirectoryPage, error) {
	f, fe := directoryFilter(q)
	f.Audience = ponte.AudienceOf(viewer)
	page := &DirectoryPage{Matched: map[int64]bool{}}
	if q.SkillURI != "" || strings.TrimSpace(q.SkillText) != "" {
		c, cands, err := s.ResolveSkill(ctx, "skill", q.SkillURI, strings.TrimSpace(q.SkillText), q.Lang)
		page.Skill, page.Candidates = c, cands
		if err := mergeFieldErrors(fe, err); err != nil {
			return page, err
		}
		if c != nil {
			if f.ConceptIDs, err = s.store.NarrowerConcepts(ctx, []int64{c.ID}); err != nil {
				return page, err
			}
		}
	}
	if err := fe.Err(); err != nil {
		return page, err
	}
	for _, id := range f.ConceptIDs {
		page.Matched[id] = true
	}
	return page, s.directoryPage(ctx, f, q.Lang, page)
}

// mergeFieldErrors adds the field errors of err to fe; other errors are
// returned.
func mergeFieldErrors(fe ponte.FieldErrors, err error) error {
	if err == nil {
		return nil
	}
	e := ponte.AsError(err)
	if e == nil || e.Code != ponte.EInvalid || len(e.Fields) == 0 {
		return err
	}
	for k, v := range e.Fields {
		fe.Add(k, v)
	}
	return nil
}

// directoryFilter checks the query's filters.
func directoryFilter(q DirectoryQuery) (ponte.PeopleFilter, ponte.FieldErrors) {
	fe := ponte.FieldErrors{}
	f := ponte.PeopleFilter{Region: strings.ToUpper(strings.TrimSpace(q.Region)),
		Language: strings.ToLower(strings.TrimSpace(q.Language)), OrgType: q.OrgType,
		Interest: q.Interest, Order: q.Order, Limit: min(max(q.Limit, 1), 100)}
	if q.Limit == 0 {
		f.Limit = 20
	}
	if f.Region != "" && !nuts.Valid(f.Region) {
		fe.Add("region", "error.profile.region_unknown")
	}
	if f.Language != "" && !ponte.ValidLanguageCode(f.Language) {
		fe.Add("language", "error.profile.language_unknown")
	}
	if f.OrgType != "" && !ponte.ValidOrgType(f.OrgType) {
		fe.Add("org_type", "error.choose_option")
	}
	if kind, code, _ := strings.Cut(f.Interest, ":"); f.Interest != "" && !ponte.ValidInterest(kind, code) {
		fe.Add("interest", "error.choose_option")
	}
	if f.Order != "" && f.Order != ponte.OrderRelevance && f.Order != ponte.OrderRecent {
		fe.Add("order", "error.choose_option")
	}
	if q.Cursor != "" {
		c, err := decodeCursor(q.Cursor)
		if err != nil {
			fe.Add("cursor", "error.profile.cursor_invalid")
		}
		f.After = c
	}
	return f, fe
}

// directoryPage runs the query and builds the cards: one query for the
// page's ids, one for their profiles, one for all their skills.
func (s *Service) directoryPage(ctx context.Context, f ponte.PeopleFilter, lang string, page *DirectoryPage) error {
	hits, err := s.store.FindPeople(ctx, f)
	if err != nil || len(hits) == 0 {
		return err
	}
	ids := make([]int64, len(hits))
	for i, h := range hits {
		ids[i] = h.UserID
	}
	profiles, err := s.store.ProfilesByUsers(ctx, ids)
	if err != nil {
		return err
	}
	skills, err := s.store.ProfileSkills(ctx, ids, lang)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if p, ok := profiles[id]; ok {
			v := viewProfile(f.Audience, p)
			v.attachSkills(skills[id])
			page.Items = append(page.Items, v)
		}
	}
	if len(hits) == f.Limit {
		page.Next = encodeCursor(ponte.CursorOf(hits[len(hits)-1]))
	}
	return nil
}

// encodeCursor makes an opaque, URL-safe cursor.
func encodeCursor(c *ponte.PeopleCursor) string {
	raw := fmt.Sprintf("%d.%d.%d", c.Score, c.UpdatedAt.UnixMicro(), c.UserID)
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

func decodeCursor(s string) (*ponte.PeopleCursor, error) {
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("service: cursor: %w", err)
	}
	var c ponte.PeopleCursor
	var micros int64
	if _, err := fmt.Sscanf(string(raw), "%d.%d.%d", &c.Score, &micros, &c.UserID); err != nil {
		return nil, fmt.Errorf("service: cursor: %w", err)
	}
	c.UpdatedAt = time.UnixMicro(micros).UTC()
	return &c, nil
}
