package service

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/skillindex"
)

// skillIndexCheck is how often a node asks the database whether the
// taxonomy changed (another node may have imported a language): one tiny
// query a minute, off the request path.
const skillIndexCheck = time.Minute

// indexedKinds are the kinds of concept a skill field offers: skills,
// knowledge, framework competences and the umbrella groups and areas
// (ranked last); not occupations, nor EntreComp's fine-grained threads.
var indexedKinds = []string{ponte.KindSkill, ponte.KindKnowledge, ponte.KindCompetence, ponte.KindSkillGroup,
	ponte.KindArea, ponte.KindInnovationArea}

// skillState holds the in-memory skill index. Its zero value is ready: the
// index is built on first use.
type skillState struct {
	mu      sync.Mutex // one build at a time
	cur     atomic.Pointer[builtIndex]
	checked atomic.Int64 // when the version was last checked (Unix ns)
}

// builtIndex is an index and the taxonomy version it was built from.
type builtIndex struct {
	x       *skillindex.Index
	version string
}

// skillIndex returns the current index, building it on first use. A
// stale check runs in the background at most once a minute; queries keep
// using the index they have until its replacement is ready.
func (s *Service) skillIndex(ctx context.Context) (*skillindex.Index, error) {
	if b := s.skills.cur.Load(); b != nil {
		s.maybeRefreshSkills(b)
		return b.x, nil
	}
	s.skills.mu.Lock()
	defer s.skills.mu.Unlock()
	if b := s.skills.cur.Load(); b != nil {
		return b.x, nil
	}
	b, err := s.buildSkillIndex(ctx)
	if err != nil {
		return nil, err
	}
	s.skills.cur.Store(b)
	s.skills.checked.Store(time.Now().UnixNano())
	return b.x, nil
}

// maybeRefreshSkills starts a background version check when the last one
// is older than skillIndexCheck; only one caller wins the swap.
func (s *Service) maybeRefreshSkills(b *builtIndex) {
	last := s.skills.checked.Load()
	now := time.Now().UnixNano()
	if now-last < int64(skillIndexCheck) || !s.skills.checked.CompareAndSwap(last, now) {
		return
	}
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		if _, err := s.RefreshSkillIndex(ctx); err != nil {
			s.log.Error("skill index refresh", "err", err)
		}
	}()
}

// RefreshSkillIndex rebuilds the skill index now if the taxonomy version
// in the database differs from the index's, and reports whether it did.
// Nodes call it by themselves every minute; tests and tools may call it
// directly.
func (s *Service) RefreshSkillIndex(ctx context.Context) (bool, error) {
	meta, err := s.store.TaxonomyMeta(ctx)
	if err != nil {
		return false, err
	}
	s.skills.checked.Store(time.Now().UnixNano())
	old := s.skills.cur.Load()
	if old != nil && old.version == meta[ponte.MetaVersion] {
		return false, nil
	}
	s.skills.mu.Lock()
	defer s.skills.mu.Unlock()
	if cur := s.skills.cur.Load(); cur != old { // another caller rebuilt meanwhile
		return false, nil
	}
	b, err := s.buildSkillIndex(ctx)
	if err != nil {
		return false, err
	}
	s.skills.cur.Store(b)
	return true, nil
}

// WarmSkillIndex builds the skill index ahead of the first query, so that
// no visitor waits for it; serve may call it in the background at start.
func (s *Service) WarmSkillIndex(ctx context.Context) error {
	_, err := s.skillIndex(ctx)
	return err
}

// dropSkillIndex forgets the index after this node changed the taxonomy,
// so the next query builds one that has the change.
func (s *Service) dropSkillIndex() { s.skills.cur.Store(nil) }

// buildSkillIndex reads every indexed concept, a page of 5,000 at a time,
// and builds an index. The version is read first: a change landing during
// the scan makes the next check rebuild again.
func (s *Service) buildSkillIndex(ctx context.Context) (*builtIndex, error) {
	start := time.Now()
	meta, err := s.store.TaxonomyMeta(ctx)
	if err != nil {
		return nil, fmt.Errorf("service: skill index: %w", err)
	}
	b := skillindex.NewBuilder()
	for after := int64(0); ; {
		page, err := s.store.ScanConcepts(ctx, ponte.ConceptScan{After: after, Limit: 5000, Kinds: indexedKinds})
		if err != nil {
			return nil, fmt.Errorf("service: skill index: %w", err)
		}
		if len(page) == 0 {
			break
		}
		b.Add(page...)
		after = page[len(page)-1].ID
	}
	x := b.Build()
	s.log.Info("skill index built", "concepts", x.Len(), "languages", x.Languages(),
		"version", meta[ponte.MetaVersion], "ms", time.Since(start).Milliseconds())
	return &builtIndex{x: x, version: meta[ponte.MetaVersion]}, nil
}
