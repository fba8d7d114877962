// Package seed fills a database with realistic demonstration data at a
// chosen scale: people with profiles, languages, ESCO skills and
// endorsements, organisations (the real ones of the bundled transparency
// lists, then generated ones) with projects, competences and members, and
// collaboration proposals that need skills the people hold. One unit of
// scale is the size the Lombardy region's open innovation platform
// published: 20,200 people, 2,403 organisations, 7,354 proposals.
//
// A run is deterministic for a given seed and reference day (same rows,
// same order, same timestamps), all or nothing (Store.SeedSession: one
// transaction, or a SQLite build file renamed into place on success),
// streams people, proposals and organisations in batches (memory stays
// flat as the scale grows), and writes in bulk (COPY on PostgreSQL). New
// kinds of data (communities…) are new phases: see Run.
package seed

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
)

// Per unit of scale.
const (
	PeoplePerUnit = 20200
	OrgsPerUnit   = 2403
)

// Password is the password of every generated account. Hashing it per
// person (argon2id, ~50 ms) would take longer than the whole seed, so all
// accounts share passwordHash, computed once from it with
// service.DefaultPasswordParams (a test checks that they match).
const Password = "ponte-seed-password"

const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$EiVpjaN2pD7+hWlpS64GtA$giACyQBPW1DyyvhPl1Y/AxUYhQc3HB0fw50/FdmRG5s"

// Source names generated organisations and projects in the database.
const Source = "seed"

// ErrNotEmpty is returned when the database already has people in it.
var ErrNotEmpty = errors.New("seed: the database already has members (accounts other than administrators); use --force to add more")

// Store is what the seeder writes with: the platform's store and its bulk
// seeding methods, which *sqlstore.Store has (they are not part of
// ponte.Store because no request path writes in bulk).
type Store interface {
	ponte.Store
	SeedUsers(ctx context.Context, us []*ponte.User) error
	SeedProfiles(ctx context.Context, ps []*ponte.Profile) error
	SeedProfileSkills(ctx context.Context, sks []*ponte.ProfileSkill, region map[int64]string) error
	SeedEndorsements(ctx context.Context, es []*ponte.Endorsement) error
	SeedOrgMembers(ctx context.Context, ms []*ponte.OrgMember) error
	SeedOrgCompetences(ctx context.Context, pairs [][2]int64, at time.Time) error
	SeedProjectSkills(ctx context.Context, ps []*ponte.OrgProject) error
	SeedRefreshOrgConcepts(ctx context.Context, ids []int64) error
	SeedCountMembers(ctx context.Context) (int, error)
	SeedOccupations(ctx context.Context) (occs []ponte.Concept, essential, optional map[int64][]int64, err error)
	SeedReserveIDs(ctx context.Context, table string, n int) ([]int64, error)
	SeedProposals(ctx context.Context, ps []*ponte.Proposal, events []*ponte.ProposalEvent) error
	// SeedSession runs fn, then last (if not nil) once the deferred
	// indexes are built, all or nothing, with commit ending a batch where
	// the store commits in batches (a SQLite build file, atomic because it
	// is renamed into place only when complete).
	SeedSession(ctx context.Context, fn func(tx ponte.Store, commit func() error) error, last func(tx ponte.Store) error) error
}

// Options tune Run.
type Options struct {
	Scale float64 // multiple of one unit (PeoplePerUnit, OrgsPerUnit); decimals allowed
	Seed  uint64  // the random seed: the same seed gives the same data
	Force bool    // seed even if the database has members already
	// Progress, when set, is told how far each phase has come.
	Progress func(Progress)
	// Log receives the import's messages; nil discards them.
	Log *slog.Logger
	// Now is the reference day proposals are dated around (open ones have
	// deadlines after it, closed ones were closed before it). Zero means
	// 2026-06-01, so that a seed is reproducible without it.
	Now time.Time
	// InSession, when set, runs in the seed session once every row and
	// index is written, before the session commits (on PostgreSQL, in the
	// seed's one transaction): derived data built there (the search
	// index) is all or nothing with the rows.
	InSession func(ctx context.Context, tx ponte.Store) error
}

// Progress is a report of one phase's advance.
type Progress struct {
	Phase       string
	Done, Total int
	Elapsed     time.Duration
}

// Rate is people or organisations per second so far.
func (p Progress) Rate() float64 {
	if p.Elapsed <= 0 {
		return 0
	}
	return float64(p.Done) / p.Elapsed.Seconds()
}

// Report counts what a run wrote. RealOrgs counts the organisations of the
// lists that were imported (or, with Force, matched to ones already there).
type Report struct {
	Scale                     float64
	Seed                      uint64
	People, Skills, Languages int
	Endorsements, Memberships int
	RealOrgs, GeneratedOrgs   int
	RealProjects, GenProjects int
	Competences               int
	Proposals, ProposalSkills int
	PhaseTimes                []PhaseTime
	Took                      time.Duration
}

// PhaseTime is how long one phase took.
type PhaseTime struct {
	Phase string
	Took  time.Duration
}

// Targets returns how many people and organisations a scale asks for
// (proposals: ProposalsPerUnit per unit).
func Targets(scale float64) (people, orgs int) {
	return int(math.Round(scale * PeoplePerUnit)), int(math.Round(scale * OrgsPerUnit))
}

// phase is one kind of data. Phases run in order in the one transaction
// and share the run's state, so a later kind (proposals, communities) can
// draw on the people and organisations of earlier ones.
type phase struct {
	name string
	run  func(ctx context.Context, r *run) error
}

var phases = []phase{
	{"organisations (real lists)", realOrgs},
	{"organisations (generated)", generatedOrgs},
	{"people", people},
}

// Run seeds the database behind svc and st (the same database): it makes
// sure the taxonomy is loaded (svc.EnsureTaxonomy, in its own transaction:
// it is reference data, not seed data), refuses a database with members
// unless opt.Force, then writes every phase in one seed session
// (Store.SeedSession: one transaction, or batches into a build file),
// ending with opt.InSession.
func Run(ctx context.Context, svc *service.Service, st Store, opt Options) (*Report, error) {
	start := time.Now()
	if opt.Scale <= 0 || math.IsNaN(opt.Scale) || math.IsInf(opt.Scale, 0) {
		return nil, fmt.Errorf("seed: scale must be positive, got %v", opt.Scale)
	}
	if opt.Progress == nil {
		opt.Progress = func(Progress) {}
	}
	if opt.Log == nil {
		opt.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if _, err := svc.EnsureTaxonomy(ctx, service.TaxonomyOptions{}); err != nil {
		return nil, fmt.Errorf("seed: taxonomy: %w", err)
	}
	if n, err := st.SeedCountMembers(ctx); err != nil {
		return nil, err
	} else if n > 0 && !opt.Force {
		return nil, ErrNotEmpty
	}
	r, err := newRun(ctx, st, opt)
	if err != nil {
		return nil, err
	}
	err = st.SeedSession(ctx, func(tx ponte.Store, commit func() error) error {
		w, ok := tx.(Store)
		if !ok {
			return errors.New("seed: the store's transaction has no bulk seeding methods")
		}
		r.st, r.commit = w, commit
		return r.runPhases(ctx)
	}, r.inSession(ctx))
	if err != nil && ctx.Err() != nil { // the store's error may not wrap it
		return nil, fmt.Errorf("seed: interrupted, nothing was written: %w", ctx.Err())
	}
	if err != nil {
		return nil, err
	}
	r.rep.Took = time.Since(start)
	return r.rep, nil
}

// inSession returns the last step of the seed session: opt.InSession,
// timed, or nil.
func (r *run) inSession(ctx context.Context) func(tx ponte.Store) error {
	if r.opt.InSession == nil {
		return nil
	}
	return func(tx ponte.Store) error {
		t := time.Now()
		if err := r.opt.InSession(ctx, tx); err != nil {
			return fmt.Errorf("seed: in session: %w", err)
		}
		r.rep.PhaseTimes = append(r.rep.PhaseTimes, PhaseTime{Phase: "search index", Took: time.Since(t)})
		return nil
	}
}

// runPhases runs every phase, timing each.
func (r *run) runPhases(ctx context.Context) error {
	for _, p := range phases {
		t := time.Now()
		r.phase, r.phaseStart = p.name, t
		if err := p.run(ctx, r); err != nil {
			return fmt.Errorf("seed: %s: %w", p.name, err)
		}
		r.rep.PhaseTimes = append(r.rep.PhaseTimes, PhaseTime{Phase: p.name, Took: time.Since(t)})
	}
	return nil
}
