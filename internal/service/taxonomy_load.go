package service

import (
	"context"
	"fmt"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/taxonomy"
)

// loadBatch is how many concepts the loader gathers before it writes them,
// and linkBatch how many links: the store splits a batch into statements
// of at most a thousand rows, so a batch costs a few round trips instead of
// thousands. Links come in larger batches because the store sorts each
// batch by key, and sorted inserts fill index pages in order.
const (
	loadBatch = 5000
	linkBatch = 25000
)

// loader writes the records of a taxonomy read to a store in batches. It
// runs inside one transaction; concepts are written before any link, so
// that links find the concepts they name.
type loader struct {
	ctx      context.Context
	st       ponte.Store
	concepts []ponte.Concept
	labels   []ponte.ConceptLabel
	links    map[string][]ponte.ConceptLink // by link table
	members  map[string][]string            // by collection
	pending  int                            // links and members not yet written
	ids      map[string]int64               // concept ids by URI, as learnt
	missing  map[string]bool                // URIs the store lacks
	rep      *TaxonomyReport
}

func newLoader(ctx context.Context, st ponte.Store, rep *TaxonomyReport) *loader {
	return &loader{ctx: ctx, st: st, rep: rep, links: map[string][]ponte.ConceptLink{}, members: map[string][]string{},
		ids: map[string]int64{}, missing: map[string]bool{}}
}

// handler returns the taxonomy.Handler that feeds the loader.
func (l *loader) handler() taxonomy.Handler {
	return taxonomy.Handler{
		Concept:    l.concept,
		Occupation: func(o taxonomy.Occupation) error { return l.concept(o.Concept) },
		Broader: func(b taxonomy.Broader) error {
			return l.link(ponte.LinkBroader, ponte.ConceptLink{FromURI: b.ChildURI, ToURI: b.ParentURI})
		},
		Relation: func(r taxonomy.Relation) error {
			return l.link(ponte.LinkSkillRelation, ponte.ConceptLink{FromURI: r.SkillURI, ToURI: r.RelatedURI, Type: r.Type})
		},
		OccupationSkill: func(o taxonomy.OccupationSkill) error {
			return l.link(ponte.LinkOccupationSkill, ponte.ConceptLink{FromURI: o.OccupationURI, ToURI: o.SkillURI, Type: o.Type})
		},
		Membership: l.member,
	}
}

// concept queues a concept and its labels.
func (l *loader) concept(c taxonomy.Concept) error {
	l.concepts = append(l.concepts, ponte.Concept{URI: c.URI, Scheme: c.Scheme, Kind: c.Kind, Code: c.Code,
		SkillType: c.SkillType, ReuseLevel: c.ReuseLevel})
	if c.PreferredLabel != "" {
		l.labels = append(l.labels, ponte.ConceptLabel{ConceptURI: c.URI, Lang: c.Lang, Preferred: c.PreferredLabel,
			AltLabels: c.AltLabels, HiddenLabels: c.HiddenLabels, Description: c.Description})
	}
	if len(l.concepts) >= loadBatch {
		return l.flushConcepts()
	}
	return nil
}

// link queues a link, after writing the concepts it may name.
func (l *loader) link(table string, k ponte.ConceptLink) error {
	if err := l.flushConcepts(); err != nil {
		return err
	}
	l.links[table] = append(l.links[table], k)
	return l.countPending()
}

// member queues a collection membership.
func (l *loader) member(m taxonomy.Membership) error {
	if err := l.flushConcepts(); err != nil {
		return err
	}
	l.members[m.Collection] = append(l.members[m.Collection], m.ConceptURI)
	return l.countPending()
}

// countPending writes the queued links once a batch is full.
func (l *loader) countPending() error {
	if l.pending++; l.pending >= linkBatch {
		return l.flushLinks()
	}
	return nil
}

// flushConcepts writes the queued concepts, then their labels.
func (l *loader) flushConcepts() error {
	if len(l.concepts) == 0 {
		return nil
	}
	ids, err := l.st.UpsertConcepts(l.ctx, l.concepts)
	if err != nil {
		return fmt.Errorf("service: load concepts: %w", err)
	}
	for u, id := range ids {
		l.ids[u] = id
		delete(l.missing, u)
	}
	skipped, err := l.st.UpsertLabels(l.ctx, l.labels)
	if err != nil {
		return fmt.Errorf("service: load labels: %w", err)
	}
	l.rep.Concepts += len(l.concepts)
	l.rep.Labels += len(l.labels) - skipped
	l.concepts, l.labels = l.concepts[:0], l.labels[:0]
	return nil
}

// flushLinks writes the queued links and memberships; those naming a
// concept the store lacks are skipped and counted.
func (l *loader) flushLinks() error {
	for table, ls := range l.links {
		if err := l.flushTable(table, ls); err != nil {
			return err
		}
		delete(l.links, table)
	}
	for coll, uris := range l.members {
		skipped, err := l.st.AddToCollection(l.ctx, coll, uris)
		if err != nil {
			return fmt.Errorf("service: load collection %s: %w", coll, err)
		}
		l.rep.Memberships += len(uris) - skipped
		l.rep.Skipped += skipped
		delete(l.members, coll)
	}
	l.pending = 0
	return nil
}

// flushTable writes one table's links by id. The ids of the concepts this
// load wrote are known already, which saves a lookup per link end (on
// PostgreSQL a third of the load's time); others are looked up once.
func (l *loader) flushTable(table string, ls []ponte.ConceptLink) error {
	if err := l.resolve(ls); err != nil {
		return err
	}
	es := make([]ponte.ConceptEdge, 0, len(ls))
	for _, k := range ls {
		from, ok1 := l.ids[k.FromURI]
		to, ok2 := l.ids[k.ToURI]
		if ok1 && ok2 {
			es = append(es, ponte.ConceptEdge{FromID: from, ToID: to, Type: k.Type})
		}
	}
	if err := l.st.AddEdges(l.ctx, table, es); err != nil {
		return fmt.Errorf("service: load %s links: %w", table, err)
	}
	l.rep.Links += len(es)
	l.rep.Skipped += len(ls) - len(es)
	return nil
}

// resolve looks up the link ends the loader has not seen yet.
func (l *loader) resolve(ls []ponte.ConceptLink) error {
	var unknown []string
	for _, k := range ls {
		for _, u := range []string{k.FromURI, k.ToURI} {
			if _, ok := l.ids[u]; !ok && !l.missing[u] {
				l.missing[u] = true // until found below; also keeps unknown free of repeats
				unknown = append(unknown, u)
			}
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	found, err := l.st.ConceptIDs(l.ctx, unknown)
	if err != nil {
		return fmt.Errorf("service: load links: %w", err)
	}
	for u, id := range found {
		l.ids[u] = id
		delete(l.missing, u)
	}
	return nil
}

// finish writes whatever is still queued.
func (l *loader) finish() error {
	if err := l.flushConcepts(); err != nil {
		return err
	}
	return l.flushLinks()
}
