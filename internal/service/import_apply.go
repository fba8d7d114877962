package service

import (
	"context"
	"sort"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/nuts"
	"github.com/ponte-platform/ponte/internal/orgimport"
)

// importBatch is how many rows go to the store per call: each call is a few
// multi-row statements, and between calls the import reports progress and
// notices an interruption.
const importBatch = 1000

// orgMatcher finds the existing organisation a parsed one is, in the order
// of trust: the same source key, the same registry id in the country, the
// same folded name in the country (when the ids do not disagree). Each
// existing organisation is matched once.
type orgMatcher struct {
	bySource, byID, byName map[string]*ponte.Organisation
	used                   map[int64]bool
}

func newOrgMatcher(cands []*ponte.Organisation, source string) *orgMatcher {
	m := &orgMatcher{bySource: map[string]*ponte.Organisation{}, byID: map[string]*ponte.Organisation{},
		byName: map[string]*ponte.Organisation{}, used: map[int64]bool{}}
	sort.Slice(cands, func(i, j int) bool { return cands[i].ID < cands[j].ID }) // the oldest wins a tie
	for _, o := range cands {
		if o.Source == source && o.SourceKey != "" {
			m.bySource[o.SourceKey] = o
		}
		if k := o.Country + "\x00" + o.RegistryID; o.RegistryID != "" && m.byID[k] == nil {
			m.byID[k] = o
		}
		if k := o.Country + "\x00" + o.NameKey; o.NameKey != "" && m.byName[k] == nil {
			m.byName[k] = o
		}
	}
	return m
}

func (m *orgMatcher) match(o *orgimport.Organisation) *ponte.Organisation {
	found := m.bySource[o.Key]
	if found == nil && o.RegistryID != "" {
		found = m.byID[o.Country+"\x00"+o.RegistryID]
	}
	if found == nil {
		n := m.byName[o.Country+"\x00"+nuts.Fold(o.Name)]
		if n != nil && (n.RegistryID == "" || o.RegistryID == "" || n.RegistryID == o.RegistryID) {
			found = n
		}
	}
	if found == nil || m.used[found.ID] {
		return nil
	}
	m.used[found.ID] = true
	return found
}

// apply writes the plan in batches inside the caller's transaction.
func (p *importPlan) apply(ctx context.Context, tx ponte.Store, opt ImportOptions) error {
	steps := []struct {
		stage string
		n     int
		write func(lo, hi int) error
	}{
		{"create organisations", len(p.newOrgs), func(lo, hi int) error { return tx.CreateOrganisations(ctx, p.newOrgs[lo:hi]) }},
		{"update organisations", len(p.changed), func(lo, hi int) error { return tx.UpdateOrganisations(ctx, p.changed[lo:hi]) }},
		{"create projects", len(p.newProj), func(lo, hi int) error {
			for i := lo; i < hi; i++ {
				p.newProj[i].OrgID = p.orgOf[p.newProjOrg[i]].ID // known now its organisation exists
			}
			return tx.CreateOrgProjects(ctx, p.newProj[lo:hi])
		}},
		{"update projects", len(p.changedPrj), func(lo, hi int) error { return tx.UpdateImportedOrgProjects(ctx, p.changedPrj[lo:hi]) }},
	}
	for _, st := range steps {
		if err := inBatches(ctx, st.n, opt, st.stage, st.write); err != nil {
			return err
		}
	}
	ids := make([]int64, 0, len(p.touched)+len(p.newOrgs))
	for id := range p.touched {
		ids = append(ids, id)
	}
	for _, o := range p.newOrgs {
		ids = append(ids, o.ID)
	}
	return tx.RecountOrgProjects(ctx, ids)
}

// inBatches calls write on [lo, hi) ranges of n rows, stopping when ctx is
// done (the transaction then rolls back).
func inBatches(ctx context.Context, n int, opt ImportOptions, stage string, write func(lo, hi int) error) error {
	for lo := 0; lo < n; lo += importBatch {
		if err := ctx.Err(); err != nil {
			return err
		}
		hi := min(n, lo+importBatch)
		if err := write(lo, hi); err != nil {
			return err
		}
		opt.Progress(stage, hi, n)
	}
	return nil
}
