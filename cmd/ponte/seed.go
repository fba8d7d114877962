package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/seed"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore"
)

// The seeder writes with the store's bulk methods.
var _ seed.Store = (*sqlstore.Store)(nil)

const seedUsage = `usage: ponte seed --scale N [--seed S] [--date YYYY-MM-DD] [--force] [--database URL]

Fills the database with demonstration data: N times the size of the Lombardy
region's open innovation platform, i.e. N × 20,200 people, N × 2,403
organisations and N × 7,354 collaboration proposals (N may be a decimal:
0.01 gives 202 people, 24 organisations and 74 proposals).
Half of the organisations (at most 6,643) are real: beneficiaries of the
Croatian, Romanian and Slovenian structural-funds lists with their projects;
the others are generated, with projects, competences and members.
Proposals are dated around --date (default: today, UTC).

Every generated account has the password %q (one shared hash) and an
address at s<SEED>.example.org. The same --seed and --date give the same data.
The skills taxonomy is loaded first if missing. The rest is all or nothing:
on SQLite it is built in a copy beside the database (FILE.seeding) that is
renamed into place only when complete (stop the server first); on PostgreSQL
it is one transaction fed with COPY. An error or Ctrl-C leaves the database
as it was. A database that already has members (accounts other than
administrators) is refused unless --force.`

// seedArgs are the parsed arguments of ponte seed.
type seedArgs struct {
	cfg   *config
	scale float64
	seed  uint64
	force bool
	date  time.Time
}

func parseSeedArgs(args []string) (*seedArgs, error) {
	fs := flag.NewFlagSet("seed", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	a := &seedArgs{cfg: loadConfig(fs)}
	fs.Float64Var(&a.scale, "scale", 0, "multiple of 20,200 people and 2,403 organisations (required)")
	fs.Uint64Var(&a.seed, "seed", 1, "random seed")
	fs.BoolVar(&a.force, "force", false, "seed even if the database has members")
	date := fs.String("date", time.Now().UTC().Format(time.DateOnly), "reference day of proposals")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 || a.scale <= 0 {
		return nil, errors.New("seed: give --scale N (a positive number)")
	}
	d, err := time.Parse(time.DateOnly, *date)
	if err != nil {
		return nil, errors.New("seed: --date must be YYYY-MM-DD")
	}
	a.date = d
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
	people, orgs := seed.Targets(a.scale)
	fmt.Fprintf(stderr, "seeding %s: %d people, %d organisations, %d proposals (scale %g, seed %d)\n",
		describe(app.db, a.cfg.DatabaseURL), people, orgs, int(a.scale*seed.ProposalsPerUnit+0.5), a.scale, a.seed)
	opt := seed.Options{Scale: a.scale, Seed: a.seed, Force: a.force, Log: log, Now: a.date,
		Progress: func(p seed.Progress) {
			fmt.Fprintf(stderr, "%s: %d/%d (%.0f/s)\n", p.Phase, p.Done, p.Total, p.Rate())
		}}
	var rep *seed.Report
	if path := sqlstore.SQLiteFile(a.cfg.DatabaseURL); path != "" {
		rep, err = seedSQLiteFile(ctx, app, path, opt, stderr)
	} else {
		// The index is built in the seed's transaction: all or nothing.
		opt.InSession = func(ctx context.Context, tx ponte.Store) error {
			_, err := app.svc.RebuildSearchIndexIn(ctx, tx, indexProgress(stderr))
			return err
		}
		rep, err = seed.Run(ctx, app.svc, sqlstore.New(app.db), opt)
		app.close()
	}
	if err != nil {
		return err // an interruption says that nothing was written
	}
	printSeedReport(stdout, rep)
	return nil
}

// seedBuildCacheMiB is the page cache of the SQLite build file: enough for
// the hot index pages of a 100× seed.
const seedBuildCacheMiB = 512

// seedIndexCacheMiB is the writer's page cache while the search index is
// built (FTS5 merges its segments through it).
const seedIndexCacheMiB = 256

// seedSQLiteFile seeds a SQLite database by building into a copy beside
// it: a snapshot of the database (migrated, with its taxonomy) is written
// to path+".seeding", seeded there in committed batches with journalling
// off, then flushed and renamed over path. A failure or an interruption
// removes the build file, so the database is never half seeded. app is
// closed on return.
func seedSQLiteFile(ctx context.Context, app *app, path string, opt seed.Options, stderr io.Writer) (*seed.Report, error) {
	if n, err := sqlstore.New(app.db).SeedCountMembers(ctx); err != nil {
		app.close()
		return nil, err
	} else if n > 0 && !opt.Force {
		app.close()
		return nil, seed.ErrNotEmpty
	}
	if busy, err := sqlstore.InUse(path); err != nil {
		app.close()
		return nil, err
	} else if busy {
		app.close()
		return nil, errors.New("seed: another process (a server?) has the database open; stop it first")
	}
	build := path + ".seeding"
	removeBuild(build) // left by a killed run
	err := app.db.SnapshotTo(ctx, build)
	app.close() // the rename needs every connection to path closed
	if err != nil {
		removeBuild(build)
		return nil, err
	}
	rep, err := seedBuild(ctx, app, build, opt, stderr)
	if err != nil {
		removeBuild(build)
		return nil, err
	}
	if err := sqlstore.SyncFile(build); err != nil {
		removeBuild(build)
		return nil, err
	}
	if err := sqlstore.ReplaceFile(build, path); err != nil {
		removeBuild(build)
		return nil, fmt.Errorf("seed: move %s into place: %w", build, err)
	}
	return rep, nil
}

// removeBuild removes a build file and what SQLite keeps beside it.
func removeBuild(build string) {
	for _, f := range []string{build, build + "-journal", build + "-wal", build + "-shm"} {
		os.Remove(f)
	}
}

// seedBuild seeds the build file and closes it. The rows are loaded on
// one connection with journalling off; the search index is then built on
// the file reopened as usual (WAL, a pool of readers beside the writer),
// so that reading the content and writing the index run on both cores.
func seedBuild(ctx context.Context, app *app, build string, opt seed.Options, stderr io.Writer) (*seed.Report, error) {
	db, err := sqlstore.OpenSeedFile(ctx, build, seedBuildCacheMiB)
	if err != nil {
		return nil, err
	}
	st := sqlstore.New(db)
	svc := service.New(st, service.Config{}, app.cat, nil, app.log)
	rep, err := seed.Run(ctx, svc, st, opt)
	if err = errors.Join(err, db.Close()); err != nil {
		return nil, err
	}
	start := time.Now()
	idx, err := sqlstore.OpenSeedIndexFile(ctx, build, seedIndexCacheMiB)
	if err != nil {
		return nil, err
	}
	svc = service.New(sqlstore.New(idx), service.Config{}, app.cat, nil, app.log)
	// The seed writes rows directly, past the services that index as they
	// go: the search index is built over the build file, before the rename,
	// so a failure here too leaves nothing.
	_, err = svc.RebuildSearchIndex(ctx, indexProgress(stderr))
	if err == nil {
		err = sqlstore.AnalyzeSeedFile(ctx, idx)
	}
	if err = errors.Join(err, idx.Close()); err != nil {
		return nil, fmt.Errorf("seed: search index: %w", err)
	}
	rep.PhaseTimes = append(rep.PhaseTimes, seed.PhaseTime{Phase: "search index", Took: time.Since(start)})
	rep.Took += time.Since(start)
	return rep, nil
}

// indexProgress reports a search index rebuild on stderr every 50,000
// documents of a kind.
func indexProgress(stderr io.Writer) service.RebuildProgress {
	start, last, current := time.Now(), 0, ""
	return func(kind string, done int) {
		if kind != current {
			start, last, current = time.Now(), 0, kind
		}
		if done-last >= 50000 {
			fmt.Fprintf(stderr, "search index (%s): %d (%.0f/s)\n", kind, done, float64(done)/time.Since(start).Seconds())
			last = done
		}
	}
}

func printSeedReport(out io.Writer, rep *seed.Report) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Fprintf(out, "seeded scale %g (seed %d) in %s:\n", rep.Scale, rep.Seed, rep.Took.Round(time.Millisecond))
	fmt.Fprintf(out, "  people: %d (%d skills, %d languages, %d endorsements, %d memberships)\n",
		rep.People, rep.Skills, rep.Languages, rep.Endorsements, rep.Memberships)
	fmt.Fprintf(out, "  organisations: %d real (%d projects), %d generated (%d projects, %d declared competences)\n",
		rep.RealOrgs, rep.RealProjects, rep.GeneratedOrgs, rep.GenProjects, rep.Competences)
	fmt.Fprintf(out, "  proposals: %d (%d required skills)\n", rep.Proposals, rep.ProposalSkills)
	for _, p := range rep.PhaseTimes {
		fmt.Fprintf(out, "  %s: %s\n", p.Phase, p.Took.Round(time.Millisecond))
	}
	fmt.Fprintf(out, "  memory: %d MiB from the system; password of every account: %q\n", ms.Sys>>20, seed.Password)
}
