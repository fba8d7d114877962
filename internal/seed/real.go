package seed

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"time"

	"github.com/ponte-platform/ponte/internal/orgimport"
	"github.com/ponte-platform/ponte/internal/service"
)

// listFiles are the public transparency lists Ponte ships (orgimport.Samples).
var listFiles = orgimport.Samples

// realSources pairs each bundled list with its built-in mapping; the
// mapping's name is the source name, as `ponte import organisations`
// gives it, so a later import of the same list matches what the seed wrote.
var realSources = []struct{ mapping, file string }{
	{"hr-esif-2007-2020", orgimport.SampleFiles["hr-esif-2007-2020"]},
	{"ro-erdf-rop-2007-2013", orgimport.SampleFiles["ro-erdf-rop-2007-2013"]},
	{"si-beneficiaries-2007-2013", orgimport.SampleFiles["si-beneficiaries-2007-2013"]},
}

// realShare is the part of the organisation target that real organisations
// fill at most: the other half are generated, with the declared
// competences, skill-tagged projects and members that the public lists
// lack. The three lists hold 6,643 organisations, so they are all imported
// from a scale of about 5.5 up; below, a spread of each list is.
const realShare = 0.5

func realQuota(orgs int) int { return int(float64(orgs) * realShare) }

// realList is one parsed list and how many of its organisations to import.
type realList struct {
	source string
	res    *orgimport.Result
	take   int
}

// readRealLists parses the bundled lists when quota > 0 and shares the
// quota among them in proportion to their size.
func readRealLists(ctx context.Context, quota int) ([]realList, error) {
	if quota <= 0 {
		return nil, nil
	}
	var lists []realList
	total := 0
	for _, src := range realSources {
		res, err := parseList(ctx, src.mapping, src.file)
		if err != nil {
			return nil, err
		}
		lists = append(lists, realList{source: src.mapping, res: res})
		total += len(res.Organisations)
	}
	quota = min(quota, total)
	given := 0
	for i := range lists {
		lists[i].take = quota * len(lists[i].res.Organisations) / total
		given += lists[i].take
	}
	for i := 0; given < quota; i = (i + 1) % len(lists) { // the rounding remainder, one each
		if lists[i].take < len(lists[i].res.Organisations) {
			lists[i].take++
			given++
		}
	}
	return lists, nil
}

func parseList(ctx context.Context, mapping, file string) (*orgimport.Result, error) {
	m, err := orgimport.BuiltinMapping(mapping)
	if err != nil {
		return nil, err
	}
	gz, err := listFiles.ReadFile(file)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("seed: %s: %w", file, err)
	}
	defer zr.Close()
	res, err := orgimport.ParseContext(ctx, m, zr)
	if err != nil {
		return nil, fmt.Errorf("seed: %s: %w", file, err)
	}
	return res, nil
}

// spread returns take organisations spread evenly over the list (every
// n-th), so a small scale still gets beneficiaries from all over it.
func spread(res *orgimport.Result, take int) *orgimport.Result {
	out := &orgimport.Result{Rows: res.Rows}
	n := len(res.Organisations)
	for i := range take {
		o := res.Organisations[i*n/take]
		out.Organisations = append(out.Organisations, o)
		out.Stats.Projects += len(o.Projects)
	}
	out.Stats.Organisations = len(out.Organisations)
	return out
}

// realOrgs imports the real organisations and their projects through the
// service's import (matching, type guessing, money conversion and all),
// on the run's transaction and with the run's fixed clock.
func realOrgs(ctx context.Context, r *run) error {
	svc := service.New(r.st, service.Config{}, nil, nil, r.opt.Log)
	svc.SetClock(func() time.Time { return base })
	quota, done := 0, 0
	for _, l := range r.lists {
		quota += l.take
	}
	for _, l := range r.lists {
		if err := check(ctx); err != nil {
			return err
		}
		if l.take == 0 {
			continue
		}
		sub := spread(l.res, l.take)
		rep, err := svc.ImportOrganisations(ctx, sub, service.ImportOptions{Source: l.source})
		if err != nil {
			return err
		}
		if err := r.commit(); err != nil {
			return err
		}
		done += l.take
		r.rep.RealOrgs += l.take
		r.rep.RealProjects += rep.Projects.Created + rep.Projects.Updated + rep.Projects.Unchanged
		r.progress(done, quota)
	}
	return nil
}
