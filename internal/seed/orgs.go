package seed

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/nuts"
)

// orgBatch is how many generated organisations go to the store at once.
const orgBatch = 1000

// orgTypeWeights: mostly small businesses, as on a regional platform.
var orgTypeWeights = newPicker([]weighted[string]{
	{ponte.OrgSME, 300}, {ponte.OrgStartup, 110}, {ponte.OrgLargeCompany, 50}, {ponte.OrgUniversity, 45},
	{ponte.OrgResearchCentre, 55}, {ponte.OrgResearchInfra, 15}, {ponte.OrgSocialEnt, 80},
	{ponte.OrgPublicAdmin, 80}, {ponte.OrgNGO, 100}, {ponte.OrgCitizens, 40}, {ponte.OrgCluster, 40},
	{ponte.OrgCompetence, 45},
})

// typePhrase describes a type in a sentence of a generated description.
var typePhrase = map[string]string{
	ponte.OrgUniversity: "a university", ponte.OrgResearchInfra: "a research infrastructure",
	ponte.OrgResearchCentre: "a research centre", ponte.OrgLargeCompany: "a large company",
	ponte.OrgSME: "a small business", ponte.OrgStartup: "a start-up", ponte.OrgSocialEnt: "a social enterprise",
	ponte.OrgPublicAdmin: "a public administration", ponte.OrgNGO: "a non-profit association",
	ponte.OrgCitizens: "a citizens' group", ponte.OrgCluster: "a business cluster",
	ponte.OrgCompetence: "a competence centre",
}

// generatedOrgs creates organisations up to the target, in batches: each
// with declared competences and one to five projects tagged with skills of
// the occupation it is built around, then its competence summary.
func generatedOrgs(ctx context.Context, r *run) error {
	n := max(0, r.orgs-r.rep.RealOrgs)
	rng := r.rng(2)
	for start := 0; start < n; start += orgBatch {
		if err := check(ctx); err != nil {
			return err
		}
		if err := r.orgBatch(ctx, rng, start, min(n, start+orgBatch)); err != nil {
			return err
		}
		if err := r.commit(); err != nil {
			return err
		}
		r.progress(min(n, start+orgBatch), n)
	}
	// The competence summary and the organisation count of each concept
	// are rebuilt once for all: per batch, every batch would recount the
	// concepts of all earlier ones.
	ids := make([]int64, len(r.genOrgs))
	for i, g := range r.genOrgs {
		ids[i] = g.id
	}
	return r.st.SeedRefreshOrgConcepts(ctx, ids)
}

// orgBatch generates and writes organisations [from, to).
func (r *run) orgBatch(ctx context.Context, rng *rand.Rand, from, to int) error {
	var orgs []*ponte.Organisation
	var occs []int
	for i := from; i < to; i++ {
		o, occ := r.newOrg(rng, i)
		orgs, occs = append(orgs, o), append(occs, occ)
	}
	if err := r.st.CreateOrganisations(ctx, orgs); err != nil {
		return err
	}
	var projects []*ponte.OrgProject
	var declared [][2]int64
	for i, o := range orgs {
		r.genOrgs = append(r.genOrgs, genOrg{id: o.ID, typ: o.Type, occ: occs[i], name: o.Name})
		projects = append(projects, r.newProjects(rng, o, occs[i])...)
		for _, c := range sample(rng, r.skillsOf(occs[i], true), 3+rng.IntN(4)) {
			declared = append(declared, [2]int64{o.ID, c})
		}
	}
	if err := r.st.CreateOrgProjects(ctx, projects); err != nil {
		return err
	}
	if err := r.st.SeedProjectSkills(ctx, projects); err != nil {
		return err
	}
	if err := r.st.SeedOrgCompetences(ctx, declared, base); err != nil {
		return err
	}
	r.rep.GeneratedOrgs += len(orgs)
	r.rep.GenProjects += len(projects)
	r.rep.Competences += len(declared)
	return nil
}

// skillsOf returns an occupation's essential skills (all its skills when
// it has no essential ones, or when all is set).
func (r *run) skillsOf(occ int, essentialOnly bool) []int64 {
	id := r.occs[occ].ID
	ess := r.essential[id]
	if essentialOnly && len(ess) > 0 {
		return ess
	}
	return append(append([]int64(nil), ess...), r.optional[id]...)
}

// newOrg generates organisation number i and the occupation it is built
// around.
func (r *run) newOrg(rng *rand.Rand, i int) (*ponte.Organisation, int) {
	country, reg := r.geo.pick(rng)
	typ := orgTypeWeights.pick(rng)
	name := orgName(rng, typ, country, reg)
	created := base.Add(-time.Duration(rng.Int64N(6*365*24)) * time.Hour)
	o := &ponte.Organisation{
		Name: name, Type: typ, SizeBand: sizeOf(rng, typ), Country: country, Region: reg.Code,
		Description: fmt.Sprintf("%s is %s based in %s.", name, typePhrase[typ], reg.Name),
		Sectors:     sample(rng, ponte.Sectors, 1+rng.IntN(2)),
		S3Areas:     sample(rng, ponte.S3Areas, 1+rng.IntN(2)),
		Source:      Source, SourceKey: fmt.Sprintf("s%d-o%d", r.opt.Seed, i), NameKey: nuts.Fold(name),
		CreatedAt: created, UpdatedAt: created.Add(time.Duration(rng.Int64N(90*24)) * time.Hour),
	}
	if reg.Code != "" && !reg.PointApprox {
		lat, lon := reg.Lat+(rng.Float64()-0.5)/10, reg.Lon+(rng.Float64()-0.5)/10
		o.Lat, o.Lon = &lat, &lon
	}
	if rng.IntN(3) > 0 {
		o.Website = "https://" + slug(name) + ".example.org"
	}
	return o, rng.IntN(len(r.occs))
}

// newProjects generates one to five projects of o.
func (r *run) newProjects(rng *rand.Rand, o *ponte.Organisation, occ int) []*ponte.OrgProject {
	skills := r.skillsOf(occ, false)
	n := 1 + rng.IntN(5)
	out := make([]*ponte.OrgProject, 0, n)
	for j := range n {
		start := time.Date(2014+rng.IntN(11), time.Month(1+rng.IntN(12)), 1, 0, 0, 0, 0, time.UTC)
		budget := int64(50_000+rng.IntN(2_950_000)) * 100
		eu := budget * int64(50+rng.IntN(36)) / 100
		out = append(out, &ponte.OrgProject{
			OrgID: o.ID, Title: projectTitle(rng, o.Region), Year: start.Year(),
			Description: "Generated demonstration project.",
			StartDate:   start, EndDate: start.AddDate(0, 12+rng.IntN(25), -1),
			Programme: programmes[rng.IntN(len(programmes))], Fund: funds[rng.IntN(len(funds))],
			Budget: &budget, EUFunding: &eu, Region: o.Region, SkillIDs: sample(rng, skills, 2+rng.IntN(4)),
			Source: Source, SourceKey: fmt.Sprintf("p%d", j), CreatedAt: o.CreatedAt, UpdatedAt: o.UpdatedAt,
		})
	}
	return out
}

// sizeOf draws a size band that fits the type.
func sizeOf(rng *rand.Rand, typ string) string {
	switch typ {
	case ponte.OrgLargeCompany:
		return ponte.SizeLarge
	case ponte.OrgUniversity:
		return []string{ponte.SizeMedium, ponte.SizeLarge, ponte.SizeLarge}[rng.IntN(3)]
	case ponte.OrgStartup, ponte.OrgCitizens:
		return []string{ponte.SizeMicro, ponte.SizeMicro, ponte.SizeSmall}[rng.IntN(3)]
	case ponte.OrgSME:
		return []string{ponte.SizeMicro, ponte.SizeSmall, ponte.SizeSmall, ponte.SizeMedium}[rng.IntN(4)]
	}
	return ponte.SizeBands[rng.IntN(3)]
}

// slug is a name folded to letters, digits and hyphens.
func slug(name string) string {
	f := strings.Fields(strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return ' '
	}, nuts.Fold(name)))
	if len(f) > 4 {
		f = f[:4]
	}
	if len(f) == 0 {
		return "org"
	}
	return strings.Join(f, "-")
}
