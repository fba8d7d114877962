package service

import (
	"context"

	"github.com/ponte-platform/ponte"
)

// SkillHolder is someone who has a skill: a person or an organisation.
type SkillHolder struct {
	Kind   string // "person" or "organisation"
	ID     int64
	Name   string
	Path   string // their page, e.g. "/people/12"
	Region string // NUTS code, if public
	// Detail is a message key to show beside the name (a proficiency
	// level, "declared", "derived from projects"…), or "".
	Detail string
}

// SkillHolders is one page of the holders of a concept.
type SkillHolders struct {
	People        []SkillHolder
	Organisations []SkillHolder
	// PeopleNext and OrganisationsNext are keyset cursors of the next
	// pages (0: none).
	PeopleNext, OrganisationsNext int64
}

// HolderPage asks for a page of holders.
type HolderPage struct {
	PeopleAfter, OrganisationsAfter int64
	Limit                           int // per kind; 0 for the default (20)
}

// SkillHolders lists who holds the concept with id ("who has it" on the
// skill's page): people whose public profile declares it and
// organisations that declare it or derived it from their projects, only
// what the viewer (nil for a visitor) may see.
//
// EXTENSION POINT: the taxonomy area returns no one. The people and
// organisation areas fill this method from their stores — each kind in one
// keyset-paginated query, with narrower concepts counted as the concept
// itself (ponte.TaxonomyStore.NarrowerConcepts) — and the skill page and
// GET /api/v1/skills/{id} show the result without further change.
func (s *Service) SkillHolders(ctx context.Context, viewer *ponte.User, id int64, lang string, page HolderPage) (*SkillHolders, error) {
	return &SkillHolders{}, nil
}
