package orgimport

import (
	"context"
	"fmt"
	"io"
)

// Parse reads r with mapping m and returns the organisations and projects
// found, every rejected row with its line and reason, and warnings. It
// streams: memory grows with the organisations, not the file. Its errors
// are for the file as a whole: an invalid mapping (*MappingError), mapped
// columns the file lacks (*MissingColumnsError, before any row is read),
// unreadable input or broken JSON.
func Parse(m Mapping, r io.Reader) (*Result, error) {
	return ParseContext(context.Background(), m, r)
}

// ParseContext is Parse that stops, with ctx's error, when ctx is done.
func ParseContext(ctx context.Context, m Mapping, r io.Reader) (*Result, error) {
	p, err := compile(m)
	if err != nil {
		return nil, err
	}
	src, err := p.open(r)
	if err != nil {
		return nil, err
	}
	res := &Result{}
	x := newExtractor(p)
	g := newGrouper(x.fold)
	last := 0 // line of the last record read, for error messages
	for {
		rec, err := src.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("orgimport: %s: after line %d: %w", m.Name, last, err)
		}
		res.Rows, last = res.Rows+1, rec.line
		if res.Rows%1024 == 0 && ctx.Err() != nil {
			return nil, fmt.Errorf("orgimport: %s: %w", m.Name, ctx.Err())
		}
		x.consume(rec, g, res)
	}
	res.Organisations = g.finish()
	res.Stats = stats(res)
	return res, nil
}

// consume turns one record into a project of the grouper, or a rejection.
func (x *extractor) consume(rec record, g *grouper, res *Result) {
	if rec.reject != "" {
		res.Rejected = append(res.Rejected, Rejection{Line: rec.line, Reason: rec.reject, Raw: rec.raw()})
		return
	}
	var warns []Warning
	r, rerr := x.extract(rec, &warns)
	if rerr != nil {
		res.Rejected = append(res.Rejected, Rejection{Line: rec.line, Reason: rerr.reason, Raw: rec.raw()})
		return
	}
	res.Warnings = append(res.Warnings, warns...)
	g.add(r)
}

func stats(res *Result) Stats {
	s := Stats{
		Organisations: len(res.Organisations), Rejected: len(res.Rejected),
		Warnings: len(res.Warnings), RejectedByReason: map[string]int{}, WarningsByReason: map[string]int{},
	}
	for _, r := range res.Rejected {
		s.RejectedByReason[r.Code()]++
	}
	for _, w := range res.Warnings {
		s.WarningsByReason[w.Code()]++
	}
	for _, o := range res.Organisations {
		if o.RegistryID != "" {
			s.WithRegistryID++
		}
		for _, p := range o.Projects {
			s.Projects++
			s.MergedRows += len(p.OtherLines)
			if p.Region != "" {
				s.WithRegion++
			}
			s.countAmount(p.TotalBudget)
			s.countAmount(p.EUContribution)
		}
	}
	return s
}

func (s *Stats) countAmount(a *Amount) {
	switch {
	case a == nil || a.Original.Currency == "EUR":
	case a.EUR != nil:
		s.ConvertedToEUR++
	default:
		s.NotConverted++
	}
}
