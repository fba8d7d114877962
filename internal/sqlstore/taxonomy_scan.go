package sqlstore

import (
	"context"
	"database/sql"
	"strings"

	"github.com/ponte-platform/ponte"
)

// ScanConcepts reads a page of concepts, then their labels with one range
// query over the page's ids: two statements per page whatever its size.
func (s *Store) ScanConcepts(ctx context.Context, f ponte.ConceptScan) ([]*ponte.ConceptRecord, error) {
	page, err := s.scanConceptPage(ctx, f)
	if err != nil || len(page) == 0 {
		return page, err
	}
	byID := make(map[int64]*ponte.ConceptRecord, len(page))
	for _, c := range page {
		byID[c.ID] = c
	}
	desc := "''"
	if f.Descriptions {
		desc = "description"
	}
	err = s.queryEach(ctx, s.r, "ScanConcepts.labels", `SELECT concept_id, lang, preferred, alt, hidden, `+desc+`
		FROM concept_labels WHERE concept_id > ? AND concept_id <= ? ORDER BY concept_id, lang`,
		[]any{f.After, page[len(page)-1].ID}, func(r *sql.Rows) error {
			var id int64
			var l ponte.ConceptLabel
			var alt, hidden string
			if err := r.Scan(&id, &l.Lang, &l.Preferred, &alt, &hidden, &l.Description); err != nil {
				return err
			}
			c, ok := byID[id]
			if !ok { // a concept of a kind the scan left out
				return nil
			}
			l.ConceptURI, l.AltLabels, l.HiddenLabels = c.URI, splitLines(alt), splitLines(hidden)
			c.Labels = append(c.Labels, l)
			return nil
		})
	return page, err
}

// scanConceptPage reads the concepts of one page, without labels.
func (s *Store) scanConceptPage(ctx context.Context, f ponte.ConceptScan) ([]*ponte.ConceptRecord, error) {
	args := []any{f.After}
	q := `SELECT id, uri, scheme, kind, code, skill_type, reuse_level FROM concepts WHERE id > ?`
	if len(f.Kinds) > 0 {
		q += ` AND kind IN (` + inList(len(f.Kinds)) + `)`
		for _, k := range f.Kinds {
			args = append(args, k)
		}
	}
	args = append(args, limit(f.Limit, 1000, 5000))
	var out []*ponte.ConceptRecord
	err := s.queryEach(ctx, s.r, "ScanConcepts", q+` ORDER BY id LIMIT ?`, args, func(r *sql.Rows) error {
		var c ponte.ConceptRecord
		if err := r.Scan(&c.ID, &c.URI, &c.Scheme, &c.Kind, &c.Code, &c.SkillType, &c.ReuseLevel); err != nil {
			return err
		}
		out = append(out, &c)
		return nil
	})
	return out, err
}

// splitLines splits a stored label list (one label a line).
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}
