package seed

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"time"

	"github.com/ponte-platform/ponte"
)

// base is the moment seeded data is dated from: fixed, not the clock, so
// that two runs with one seed write the same timestamps.
var base = time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)

// defaultNow is the reference day of proposals when Options.Now is zero.
var defaultNow = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

// run is the state of one seed run, shared by its phases.
type run struct {
	opt                 Options
	st                  Store
	geo                 *geo
	occs                []ponte.Concept
	essential, optional map[int64][]int64
	people, orgs        int              // targets
	proposals           int              // target
	now                 time.Time        // the reference day proposals are dated around
	batchOrg            map[int64]genOrg // the current people batch's organisations, by person
	commit              func() error     // ends a batch (see sqlstore.Store.SeedSession)
	lists               []realList
	genOrgs             []genOrg // generated organisations, in creation order
	rep                 *Report
	phase               string
	phaseStart          time.Time
}

// genOrg is what later phases need of a generated organisation.
type genOrg struct {
	id   int64
	typ  string
	occ  int // index in run.occs: what it does
	name string
}

// newRun reads what every phase needs before the transaction starts: the
// occupations and their skills (from the database), and the real lists.
func newRun(ctx context.Context, st Store, opt Options) (*run, error) {
	r := &run{opt: opt, geo: newGeo(), rep: &Report{Scale: opt.Scale, Seed: opt.Seed}}
	r.people, r.orgs = Targets(opt.Scale)
	r.proposals = int(math.Round(opt.Scale * ProposalsPerUnit))
	r.now = opt.Now.UTC().Truncate(day)
	if opt.Now.IsZero() {
		r.now = defaultNow
	}
	r.commit = func() error { return nil }
	var err error
	r.occs, r.essential, r.optional, err = st.SeedOccupations(ctx)
	if err != nil {
		return nil, err
	}
	if len(r.occs) == 0 {
		return nil, errors.New("seed: the taxonomy has no occupations with skills")
	}
	if r.lists, err = readRealLists(ctx, realQuota(r.orgs)); err != nil {
		return nil, err
	}
	return r, nil
}

// rng returns the random source of a phase: each phase has its own stream,
// so adding a phase or changing one leaves the others' data as it was.
func (r *run) rng(stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(r.opt.Seed, 0x5eed0000+stream))
}

// progress reports the current phase's advance.
func (r *run) progress(done, total int) {
	r.opt.Progress(Progress{Phase: r.phase, Done: done, Total: total, Elapsed: time.Since(r.phaseStart)})
}

// check returns the context's error between batches, so an interruption
// stops at once even between statements.
func check(ctx context.Context) error { return ctx.Err() }
