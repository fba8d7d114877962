package service

import (
	"context"
	"slices"
	"strings"

	"github.com/ponte-platform/ponte"
)

// Page sizes of a concept's narrower concepts and related skills.
const (
	narrowerPage = 50
	relatedPage  = 50
)

// SkillDetail is everything a concept's page shows.
type SkillDetail struct {
	Concept *ponte.Concept
	// Labels are the concept's labels in every language it has, by
	// language code (preferred and alternative; never hidden ones).
	Labels []ponte.ConceptLabel
	// Broader is the chain from the concept's parent up to the top of its
	// hierarchy (the pillar), nearest first. ESCO is a polyhierarchy: where
	// a concept has several parents the chain follows the first by id.
	Broader []*ponte.Concept
	// Narrower is a page of direct children; NarrowerNext is the cursor
	// of the next page (0: none).
	Narrower     []*ponte.Concept
	NarrowerNext int64
	Related      []RelatedSkill
	RelatedNext  int64
	// Collections are the ESCO collections the concept is in (transversal,
	// digital, green, language, research, digcomp), and InnovationAreas
	// the skills-for-innovation areas that list it.
	Collections     []string
	InnovationAreas []*ponte.Concept
	// Members are the skills an innovation area lists (empty for other
	// kinds of concept).
	Members []*ponte.Concept
}

// RelatedSkill is a skill relation: Type is "essential" or "optional".
type RelatedSkill struct {
	Concept *ponte.Concept
	Type    string
}

// SkillCursor pages a concept's lists; zero values start at the top.
type SkillCursor struct {
	NarrowerAfter, RelatedAfter int64
}

// SkillByID returns a concept's page in lang (labels fall back to
// English). It runs a fixed number of queries whatever the concept's
// size: every concept it shows is read with one ConceptsByID.
func (s *Service) SkillByID(ctx context.Context, id int64, lang string, cur SkillCursor) (*SkillDetail, error) {
	recs, err := s.store.ScanConcepts(ctx, ponte.ConceptScan{After: id - 1, Limit: 1})
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 || recs[0].ID != id {
		return nil, ponte.Errorf(ponte.ENotFound, "error.not_found")
	}
	d := &SkillDetail{Labels: recs[0].Labels}
	for i := range d.Labels {
		d.Labels[i].HiddenLabels = nil
	}
	g, err := s.skillGraph(ctx, id, cur)
	if err != nil {
		return nil, err
	}
	if recs[0].Kind == ponte.KindInnovationArea {
		coll := ponte.CollectionInnovationPrefix + recs[0].Code
		m, err := s.store.CollectionMembers(ctx, []string{coll}, 0, maxAreaMembers)
		if err != nil {
			return nil, err
		}
		g.members = m[coll]
	}
	return d, s.fillSkillDetail(ctx, d, id, g, lang)
}

// skillGraph is the ids around a concept, before they get labels.
type skillGraph struct {
	chain, narrower, areas []int64
	members                []int64
	related                []ponte.ConceptEdge
	collections            []string
	narrowerNext           int64
	relatedNext            int64
}

// skillGraph reads the ids of the concept's neighbours.
func (s *Service) skillGraph(ctx context.Context, id int64, cur SkillCursor) (*skillGraph, error) {
	up, err := s.store.BroaderEdges(ctx, id)
	if err != nil {
		return nil, err
	}
	g := &skillGraph{chain: broaderChain(id, up)}
	if g.narrower, err = s.store.NarrowerIDs(ctx, id, cur.NarrowerAfter, narrowerPage+1); err != nil {
		return nil, err
	}
	if len(g.narrower) > narrowerPage {
		g.narrower = g.narrower[:narrowerPage]
		g.narrowerNext = g.narrower[narrowerPage-1]
	}
	if g.related, err = s.store.RelatedSkills(ctx, id, cur.RelatedAfter, relatedPage+1); err != nil {
		return nil, err
	}
	if len(g.related) > relatedPage {
		g.related = g.related[:relatedPage]
		g.relatedNext = g.related[relatedPage-1].ToID
	}
	return g, s.collectionsOf(ctx, id, g)
}

// collectionsOf splits the concept's collections into ESCO collections
// and innovation areas, whose concept ids it looks up.
func (s *Service) collectionsOf(ctx context.Context, id int64, g *skillGraph) error {
	cols, err := s.store.ConceptCollections(ctx, []int64{id})
	if err != nil {
		return err
	}
	var areaURIs []string
	for _, c := range cols[id] {
		if slug, ok := strings.CutPrefix(c, ponte.CollectionInnovationPrefix); ok {
			areaURIs = append(areaURIs, innovationURI(slug))
		} else {
			g.collections = append(g.collections, c)
		}
	}
	if len(areaURIs) == 0 {
		return nil
	}
	ids, err := s.store.ConceptIDs(ctx, areaURIs)
	for _, u := range areaURIs {
		if id, ok := ids[u]; ok {
			g.areas = append(g.areas, id)
		}
	}
	return err
}

// fillSkillDetail labels every concept of the graph with one query.
func (s *Service) fillSkillDetail(ctx context.Context, d *SkillDetail, id int64, g *skillGraph, lang string) error {
	all := append([]int64{id}, g.chain...)
	all = append(all, g.narrower...)
	all = append(all, g.areas...)
	all = append(all, g.members...)
	for _, r := range g.related {
		all = append(all, r.ToID)
	}
	cs, err := s.store.ConceptsByID(ctx, all, lang)
	if err != nil {
		return err
	}
	byID := make(map[int64]*ponte.Concept, len(cs))
	for _, c := range cs {
		byID[c.ID] = c
	}
	pick := func(ids []int64) []*ponte.Concept {
		out := make([]*ponte.Concept, 0, len(ids))
		for _, i := range ids {
			if c := byID[i]; c != nil {
				out = append(out, c)
			}
		}
		return out
	}
	d.Concept, d.Broader, d.Narrower, d.InnovationAreas = byID[id], pick(g.chain), pick(g.narrower), pick(g.areas)
	d.NarrowerNext, d.RelatedNext, d.Collections = g.narrowerNext, g.relatedNext, g.collections
	for _, r := range g.related {
		if c := byID[r.ToID]; c != nil {
			d.Related = append(d.Related, RelatedSkill{Concept: c, Type: r.Type})
		}
	}
	d.Members = pick(g.members)
	sortByLabel(d.Narrower)
	sortByLabel(d.Members)
	return nil
}

// broaderChain follows the first parent (lowest id) from id to the top,
// stopping at a cycle.
func broaderChain(id int64, up []ponte.ConceptEdge) []int64 {
	parent := map[int64]int64{}
	for _, e := range up {
		if p, ok := parent[e.FromID]; !ok || e.ToID < p {
			parent[e.FromID] = e.ToID
		}
	}
	seen := map[int64]bool{id: true}
	var chain []int64
	for p, ok := parent[id]; ok && !seen[p]; p, ok = parent[p] {
		seen[p] = true
		chain = append(chain, p)
	}
	return chain
}

// sortByLabel orders concepts by label, as a reader scans a list.
func sortByLabel(cs []*ponte.Concept) {
	slices.SortStableFunc(cs, func(a, b *ponte.Concept) int {
		return strings.Compare(strings.ToLower(a.Label), strings.ToLower(b.Label))
	})
}

// SkillIDByURI returns the id of the concept with uri; ENotFound if none.
func (s *Service) SkillIDByURI(ctx context.Context, uri string) (int64, error) {
	ids, err := s.store.ConceptIDs(ctx, []string{uri})
	if err != nil {
		return 0, err
	}
	id, ok := ids[uri]
	if !ok {
		return 0, ponte.Errorf(ponte.ENotFound, "error.not_found")
	}
	return id, nil
}

// innovationURI is the URI of the innovation area with slug.
func innovationURI(slug string) string { return "urn:ponte:innovation:" + slug }
