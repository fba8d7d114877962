package service

import (
	"context"
	"net/url"
	"strconv"

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

// SkillHolders is the first holders of a concept of each kind; the
// directories, filtered by the concept, list the rest.
type SkillHolders struct {
	People        []SkillHolder
	Organisations []SkillHolder
	// MorePeople and MoreOrganisations are the filtered directories' paths
	// when there are more holders than shown ("" otherwise).
	MorePeople, MoreOrganisations string
}

// HolderPage says how many holders of each kind to show.
type HolderPage struct {
	Limit int // per kind; 0 for the default (10)
}

// SkillHolders lists who holds the concept with id ("who has it" on the
// skill's page): people whose profile shows it to the viewer (nil for a
// visitor) and organisations that declare it or derived it from projects
// or members — through the two directories, so visibility and the
// narrower-skill rule are exactly theirs.
func (s *Service) SkillHolders(ctx context.Context, viewer *ponte.User, id int64, lang string, page HolderPage) (*SkillHolders, error) {
	limit := page.Limit
	if limit <= 0 {
		limit = 10
	}
	cs, err := s.store.ConceptsByID(ctx, []int64{id}, lang)
	if err != nil || len(cs) == 0 {
		return &SkillHolders{}, err
	}
	uri := cs[0].URI
	h := &SkillHolders{}
	people, err := s.Directory(ctx, viewer, DirectoryQuery{SkillURI: uri, Limit: limit, Lang: lang})
	if err != nil {
		return nil, err
	}
	for _, p := range people.Items {
		h.People = append(h.People, SkillHolder{Kind: "person", ID: p.UserID, Name: p.DisplayName,
			Path: "/people/" + strconv.FormatInt(p.UserID, 10), Region: p.Region})
	}
	if people.Next != "" {
		h.MorePeople = "/people?skill_uri=" + url.QueryEscape(uri)
	}
	orgs, err := s.OrgDirectory(ctx, OrgDirectoryInput{SkillURI: uri, Limit: limit}, lang)
	if err != nil {
		return nil, err
	}
	for _, o := range orgs.Items {
		h.Organisations = append(h.Organisations, SkillHolder{Kind: "organisation", ID: o.ID, Name: o.Name,
			Path: "/organisations/" + strconv.FormatInt(o.ID, 10), Region: o.Region})
	}
	if orgs.Next != "" {
		h.MoreOrganisations = "/organisations?skill_uri=" + url.QueryEscape(uri)
	}
	return h, nil
}
