package seed

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"

	"github.com/ponte-platform/ponte"
)

// base is the moment seeded data is dated from: fixed, not the clock, so
// that two runs with one seed write the same timestamps.
var base = time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)

// run is the state of one seed run, shared by its phases.
type run struct {
	opt                 Options
	st                  Store
	geo                 *geo
	occs                []ponte.Concept
	essential, optional map[int64][]int64
	people, orgs        int // targets
	lists               []realList
	genOrgs             []genOrg // generated organisations, in creation order
	rep                 *Report
	phase               string
	phaseStart          time.Time
}

// genOrg is what later phases need of a generated organisation.
type genOrg struct {
	id  int64
	typ string
	occ int // index in run.occs: what it does
}

// newRun reads what every phase needs before the transaction starts: the
// occupations and their skills (from the database), and the real lists.
func newRun(ctx context.Context, st Store, opt Options) (*run, error) {
	r := &run{opt: opt, geo: newGeo(), rep: &Report{Scale: opt.Scale, Seed: opt.Seed}}
	r.people, r.orgs = Targets(opt.Scale)
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
