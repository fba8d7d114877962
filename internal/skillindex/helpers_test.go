package skillindex

import (
	"context"
	"os"
	"sync"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/taxonomy"
)

// records collects taxonomy concepts as the store would return them: one
// record per URI with a label per language, numbered in arrival order.
type records struct {
	byURI map[string]*ponte.ConceptRecord
	list  []*ponte.ConceptRecord
}

func (r *records) concept(c taxonomy.Concept) error {
	if c.Kind == taxonomy.KindOccupation || c.Kind == taxonomy.KindThread {
		return nil
	}
	rec := r.byURI[c.URI]
	if rec == nil {
		rec = &ponte.ConceptRecord{Concept: ponte.Concept{ID: int64(len(r.list) + 1), URI: c.URI,
			Scheme: c.Scheme, Kind: c.Kind, SkillType: c.SkillType, ReuseLevel: c.ReuseLevel}}
		r.byURI[c.URI] = rec
		r.list = append(r.list, rec)
	}
	rec.Labels = append(rec.Labels, ponte.ConceptLabel{ConceptURI: c.URI, Lang: c.Lang,
		Preferred: c.PreferredLabel, AltLabels: c.AltLabels, HiddenLabels: c.HiddenLabels})
	return nil
}

var (
	fullOnce sync.Once
	full     *Index
	fullRecs *records
	fullErr  error
)

// fullIndex indexes the embedded taxonomy plus the Italian test fixture,
// once per test binary.
func fullIndex(tb testing.TB) (*Index, *records) {
	tb.Helper()
	fullOnce.Do(func() {
		r := &records{byURI: map[string]*ponte.ConceptRecord{}}
		ctx := context.Background()
		if fullErr = taxonomy.LoadEmbedded(ctx, taxonomy.Handler{Concept: r.concept}); fullErr != nil {
			return
		}
		fullErr = taxonomy.ReadESCO(ctx, os.DirFS("../taxonomy/testdata/esco_it"), "it",
			taxonomy.Handler{Concept: r.concept, BadRow: func(*taxonomy.RowError) error { return nil }})
		b := NewBuilder()
		b.Add(r.list...)
		full, fullRecs = b.Build(), r
	})
	if fullErr != nil {
		tb.Fatal(fullErr)
	}
	return full, fullRecs
}
