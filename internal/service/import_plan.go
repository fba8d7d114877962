package service

import (
	"context"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/nuts"
	"github.com/ponte-platform/ponte/internal/orgimport"
)

// importPlan is what an import will write, worked out with reads only.
type importPlan struct {
	report     *ImportReport
	newOrgs    []*ponte.Organisation
	changed    []*ponte.Organisation // existing, with blanks filled
	orgOf      []*ponte.Organisation // per parsed organisation, the row it goes to
	newProj    []*ponte.OrgProject   // OrgID set when its organisation gets one
	newProjOrg []int                 // index in orgOf of each new project's organisation
	changedPrj []*ponte.OrgProject
	touched    map[int64]bool // existing organisations whose projects change
}

// planImport matches the parsed organisations and projects against the
// database (one batch of reads per kind) and decides each row's fate.
func (s *Service) planImport(ctx context.Context, st ponte.Store, res *orgimport.Result, opt ImportOptions) (*importPlan, error) {
	p := &importPlan{report: &ImportReport{Source: opt.Source, DryRun: opt.DryRun}, touched: map[int64]bool{}}
	opt.Progress("match organisations", 0, len(res.Organisations))
	cands, err := st.OrgImportCandidates(ctx, importKeys(res, opt.Source))
	if err != nil {
		return nil, err
	}
	m := newOrgMatcher(cands, opt.Source)
	now := s.now()
	var existing []int64
	for i := range res.Organisations {
		o := &res.Organisations[i]
		org := m.match(o)
		if org == nil {
			org = importedOrg(o, opt.Source, now)
			p.newOrgs = append(p.newOrgs, org)
			p.count(opt, "organisation", "create", org.Name, o.FirstLine)
		} else {
			existing = append(existing, org.ID)
			p.fillBlanks(opt, org, o, now)
		}
		p.orgOf = append(p.orgOf, org)
	}
	opt.Progress("match projects", 0, res.Stats.Projects)
	held, err := st.ImportedOrgProjects(ctx, opt.Source, existing)
	if err != nil {
		return nil, err
	}
	p.planProjects(res, opt, held, now)
	return p, nil
}

// importKeys collects every key the parsed organisations may be known by.
func importKeys(res *orgimport.Result, source string) ponte.OrgImportKeys {
	k := ponte.OrgImportKeys{Source: source}
	for _, o := range res.Organisations {
		k.SourceKeys = append(k.SourceKeys, o.Key)
		if o.RegistryID != "" {
			k.RegistryIDs = append(k.RegistryIDs, ponte.CountryKey{Country: o.Country, Key: o.RegistryID})
		}
		k.NameKeys = append(k.NameKeys, ponte.CountryKey{Country: o.Country, Key: nuts.Fold(o.Name)})
	}
	return k
}

// fillBlanks completes an existing organisation with what the list knows
// and it lacks; it never overwrites.
func (p *importPlan) fillBlanks(opt ImportOptions, org *ponte.Organisation, o *orgimport.Organisation, now time.Time) {
	changed := false
	fill := func(dst *string, v string) {
		if *dst == "" && v != "" {
			*dst, changed = v, true
		}
	}
	fill(&org.RegistryID, o.RegistryID)
	fill(&org.Type, importTypes[o.Type])
	if org.Region == "" && o.Region != "" && (org.Country == "" || orgRegionInCountry(o.Region, org.Country)) {
		org.Region, changed = o.Region, true
		defaultOrgPoint(org)
	}
	if !changed {
		p.report.Organisations.Unchanged++
		return
	}
	org.UpdatedAt = now
	p.changed = append(p.changed, org)
	p.count(opt, "organisation", "update", org.Name, o.FirstLine)
}

// planProjects sorts each parsed project into create, update or unchanged.
func (p *importPlan) planProjects(res *orgimport.Result, opt ImportOptions, held map[ponte.OrgProjectKey]ponte.ImportedProject, now time.Time) {
	for i := range res.Organisations {
		org := p.orgOf[i]
		for j := range res.Organisations[i].Projects {
			src := &res.Organisations[i].Projects[j]
			pr := importedProject(src, org.ID, opt.Source, now)
			old, ok := held[ponte.OrgProjectKey{OrgID: org.ID, SourceKey: pr.SourceKey}]
			switch {
			case org.ID != 0 && ok && old.SourceHash == pr.SourceHash:
				p.report.Projects.Unchanged++
			case org.ID != 0 && ok:
				pr.ID = old.ID
				p.changedPrj = append(p.changedPrj, pr)
				p.touched[org.ID] = true
				p.count(opt, "project", "update", pr.Title, src.Line)
			default:
				p.newProj = append(p.newProj, pr)
				p.newProjOrg = append(p.newProjOrg, i)
				if org.ID != 0 {
					p.touched[org.ID] = true
				}
				p.count(opt, "project", "create", pr.Title, src.Line)
			}
		}
	}
}

// count adds a change to the report's counts and, while there is room, to
// its sample.
func (p *importPlan) count(opt ImportOptions, kind, action, name string, line int) {
	c := &p.report.Organisations
	if kind == "project" {
		c = &p.report.Projects
	}
	if action == "create" {
		c.Created++
	} else {
		c.Updated++
	}
	if len(p.report.Sample) < opt.Sample {
		p.report.Sample = append(p.report.Sample, ImportChange{Kind: kind, Action: action, Name: name, Line: line})
	}
}
