package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"time"

	"github.com/ponte-platform/ponte/internal/seed"
	"github.com/ponte-platform/ponte/internal/sqlstore"
)

// The seeder writes with the store's bulk methods.
var _ seed.Store = (*sqlstore.Store)(nil)

const seedUsage = `usage: ponte seed --scale N [--seed S] [--force] [--database URL]

Fills the database with demonstration data: N times the size of the Lombardy
region's open innovation platform, i.e. N × 20,200 people and N × 2,403
organisations (N may be a decimal: 0.01 gives 202 people and 24 organisations).
Half of the organisations (at most 6,643) are real: beneficiaries of the
Croatian, Romanian and Slovenian structural-funds lists with their projects;
the others are generated, with projects, competences and members.

Every generated account has the password %q (one shared hash) and an
address at s<SEED>.example.org. The same --seed gives the same data.
The skills taxonomy is loaded first if missing. Everything else is written
in one transaction: an error or Ctrl-C leaves the database as it was.
A database that already has members (accounts other than administrators) is
refused unless --force.`

// seedArgs are the parsed arguments of ponte seed.
type seedArgs struct {
	cfg   *config
	scale float64
	seed  uint64
	force bool
}

func parseSeedArgs(args []string) (*seedArgs, error) {
	fs := flag.NewFlagSet("seed", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	a := &seedArgs{cfg: loadConfig(fs)}
	fs.Float64Var(&a.scale, "scale", 0, "multiple of 20,200 people and 2,403 organisations (required)")
	fs.Uint64Var(&a.seed, "seed", 1, "random seed")
	fs.BoolVar(&a.force, "force", false, "seed even if the database has members")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 || a.scale <= 0 {
		return nil, errors.New("seed: give --scale N (a positive number)")
	}
	return a, nil
}

// cmdSeed runs ponte seed, with progress on stderr and a summary on stdout.
func cmdSeed(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	a, err := parseSeedArgs(args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(stdout, seedUsage+"\n", seed.Password)
			return nil
		}
		return errors.Join(err, fmt.Errorf(seedUsage, seed.Password))
	}
	log := a.cfg.logger(stderr)
	app, err := open(ctx, a.cfg, log)
	if err != nil {
		return err
	}
	defer app.close()
	people, orgs := seed.Targets(a.scale)
	fmt.Fprintf(stderr, "seeding %s: %d people, %d organisations (scale %g, seed %d)\n",
		describe(app.db, a.cfg.DatabaseURL), people, orgs, a.scale, a.seed)
	rep, err := seed.Run(ctx, app.svc, sqlstore.New(app.db), seed.Options{Scale: a.scale, Seed: a.seed,
		Force: a.force, Log: log, Progress: func(p seed.Progress) {
			fmt.Fprintf(stderr, "%s: %d/%d (%.0f/s)\n", p.Phase, p.Done, p.Total, p.Rate())
		}})
	if err != nil {
		return err // an interruption says that nothing was written
	}
	printSeedReport(stdout, rep)
	return nil
}

func printSeedReport(out io.Writer, rep *seed.Report) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Fprintf(out, "seeded scale %g (seed %d) in %s:\n", rep.Scale, rep.Seed, rep.Took.Round(time.Millisecond))
	fmt.Fprintf(out, "  people: %d (%d skills, %d languages, %d endorsements, %d memberships)\n",
		rep.People, rep.Skills, rep.Languages, rep.Endorsements, rep.Memberships)
	fmt.Fprintf(out, "  organisations: %d real (%d projects), %d generated (%d projects, %d declared competences)\n",
		rep.RealOrgs, rep.RealProjects, rep.GeneratedOrgs, rep.GenProjects, rep.Competences)
	for _, p := range rep.PhaseTimes {
		fmt.Fprintf(out, "  %s: %s\n", p.Phase, p.Took.Round(time.Millisecond))
	}
	fmt.Fprintf(out, "  memory: %d MiB from the system; password of every account: %q\n", ms.Sys>>20, seed.Password)
}
