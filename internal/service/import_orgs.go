package service

import (
	"context"
	"errors"
	"strings"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/orgimport"
)

// ImportOptions tune ImportOrganisations.
type ImportOptions struct {
	Source string // names the source in the database; required, stable across reruns
	DryRun bool   // plan and report, write nothing
	Sample int    // how many changes the report lists (default 10)
	// Progress, when set, is told how far each stage has come.
	Progress func(stage string, done, total int)
}

// ImportCounts counts what an import did (or would do) to one kind of row.
type ImportCounts struct {
	Created, Updated, Unchanged int
}

// ImportChange is one created or updated row, for the report's sample.
type ImportChange struct {
	Kind   string // "organisation" or "project"
	Action string // "create" or "update"
	Name   string
	Line   int // line of the file it comes from
}

// ImportReport says what an import changed (or, in a dry run, would).
type ImportReport struct {
	Source        string
	DryRun        bool
	Organisations ImportCounts
	Projects      ImportCounts
	Sample        []ImportChange
}

// ImportOrganisations applies a parsed transparency list: the same
// beneficiary on many rows is one organisation with many projects;
// organisations already on Ponte are matched by source key, then by
// registry id, then by folded name within the country; projects are keyed
// by (organisation, source, project ref or content digest), so running an
// import twice changes nothing the second time. Existing organisations only
// get blanks filled (registry id, type, region), never a name or anything a
// person entered. Imported organisations have no owner: people claim them
// by asking to join, and an administrator accepts the request as owner.
//
// Everything is written in one transaction: an interruption (ctx) or error
// leaves the database as it was, and the import can simply be run again.
// It is an operator's command, so it takes no actor.
func (s *Service) ImportOrganisations(ctx context.Context, res *orgimport.Result, opt ImportOptions) (*ImportReport, error) {
	if strings.TrimSpace(opt.Source) == "" {
		return nil, errors.New("service.ImportOrganisations: a source name is required")
	}
	if opt.Sample == 0 {
		opt.Sample = 10
	}
	if opt.Progress == nil {
		opt.Progress = func(string, int, int) {}
	}
	if opt.DryRun {
		p, err := s.planImport(ctx, s.store, res, opt)
		if err != nil {
			return nil, err
		}
		return p.report, nil
	}
	var rep *ImportReport
	err := s.store.Tx(ctx, func(tx ponte.Store) error {
		p, err := s.planImport(ctx, tx, res, opt)
		if err != nil {
			return err
		}
		rep = p.report
		if err := p.apply(ctx, tx, opt); err != nil {
			return err
		}
		_, err = rebuildKind(ctx, tx, ponte.SearchOrganisation, nil) // the import writes rows directly
		return err
	})
	return rep, err
}
