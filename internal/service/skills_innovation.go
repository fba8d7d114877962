package service

import (
	"context"

	"github.com/ponte-platform/ponte"
)

// maxAreaMembers bounds the members listed per innovation area; the
// curated areas have fifteen at most.
const maxAreaMembers = 200

// InnovationArea is a skills-for-innovation area with its member skills.
type InnovationArea struct {
	Area    *ponte.Concept
	Members []*ponte.Concept
}

// InnovationAreas returns the six skills-for-innovation areas with their
// members, labelled in lang: three queries in all.
func (s *Service) InnovationAreas(ctx context.Context, lang string) ([]InnovationArea, error) {
	recs, err := s.store.ScanConcepts(ctx, ponte.ConceptScan{Kinds: []string{ponte.KindInnovationArea}, Limit: 100})
	if err != nil {
		return nil, err
	}
	colls := make([]string, len(recs))
	ids := make([]int64, 0, len(recs))
	for i, r := range recs {
		colls[i] = ponte.CollectionInnovationPrefix + r.Code
		ids = append(ids, r.ID)
	}
	members, err := s.store.CollectionMembers(ctx, colls, 0, maxAreaMembers)
	if err != nil {
		return nil, err
	}
	for _, c := range colls {
		ids = append(ids, members[c]...)
	}
	cs, err := s.store.ConceptsByID(ctx, ids, lang)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]*ponte.Concept, len(cs))
	for _, c := range cs {
		byID[c.ID] = c
	}
	out := make([]InnovationArea, 0, len(recs))
	for i, r := range recs {
		a := InnovationArea{Area: byID[r.ID]}
		for _, m := range members[colls[i]] {
			if c := byID[m]; c != nil {
				a.Members = append(a.Members, c)
			}
		}
		sortByLabel(a.Members)
		out = append(out, a)
	}
	return out, nil
}
