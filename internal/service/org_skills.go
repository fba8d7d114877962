package service

import (
	"context"
	"sort"
	"strings"

	"github.com/ponte-platform/ponte"
)

// SkillRef is one skill field as sent: the URI a script (or an API client)
// chose, or the text typed without script. Field is the form field, which
// error messages point at.
type SkillRef struct {
	Field string
	URI   string
	Text  string
}

// SkillChoices is the error returned when typed skill text named no single
// concept: it wraps the EInvalid error (so ponte.AsError finds the field
// errors) and carries the candidates per field for the form to offer.
type SkillChoices struct {
	Err        *ponte.Error
	Candidates map[string][]*ponte.Concept
}

// Error implements error.
func (e *SkillChoices) Error() string { return e.Err.Error() }

// Unwrap returns the field errors.
func (e *SkillChoices) Unwrap() error { return e.Err }

// resolveSkills turns skill fields into distinct concept ids. URIs are
// resolved together in one query; typed text goes through ResolveSkill
// field by field (a form has a few). Every failing field is reported, not
// only the first. Empty fields are skipped.
func (s *Service) resolveSkills(ctx context.Context, refs []SkillRef, lang string) ([]int64, error) {
	fe := ponte.FieldErrors{}
	choices := map[string][]*ponte.Concept{}
	var ids []int64
	var uris []string
	for _, r := range refs {
		if r.URI = strings.TrimSpace(r.URI); r.URI != "" {
			uris = append(uris, r.URI)
		}
	}
	known, err := s.store.ConceptIDs(ctx, uris)
	if err != nil {
		return nil, err
	}
	for _, r := range refs {
		r.URI, r.Text = strings.TrimSpace(r.URI), strings.TrimSpace(r.Text)
		switch {
		case r.URI != "" && known[r.URI] != 0:
			ids = append(ids, known[r.URI])
		case r.URI != "":
			fe.Add(r.Field, "error.skill_unknown")
		case r.Text != "":
			c, cands, err := s.ResolveSkill(ctx, r.Field, "", r.Text, lang)
			if err := orgSkillFieldError(fe, r.Field, c, err); err != nil {
				return nil, err
			}
			if c != nil {
				ids = append(ids, c.ID)
			}
			if len(cands) > 0 {
				choices[r.Field] = cands
			}
		}
	}
	return orgDedupeIDs(ids), orgChoicesError(fe, choices)
}

// orgSkillFieldError records ResolveSkill's verdict on a field; it returns
// only failures that are not about the input (a database outage).
func orgSkillFieldError(fe ponte.FieldErrors, field string, c *ponte.Concept, err error) error {
	if e := ponte.AsError(err); e != nil && e.Code == ponte.EInvalid {
		for f, k := range e.Fields {
			fe.Add(f, k)
		}
		return nil
	}
	if err != nil {
		return err
	}
	if c == nil {
		fe.Add(field, "error.skill_choose")
	}
	return nil
}

func orgChoicesError(fe ponte.FieldErrors, choices map[string][]*ponte.Concept) error {
	err := fe.Err()
	if err == nil {
		return nil
	}
	if len(choices) == 0 {
		return err
	}
	return &SkillChoices{Err: ponte.AsError(err), Candidates: choices}
}

func orgDedupeIDs(ids []int64) []int64 {
	seen := map[int64]bool{}
	out := ids[:0]
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
