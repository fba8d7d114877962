package service_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

// matchWorld is a proposal written in Italian by marco, who seeks project
// management, budgets and Python (essential) and data analytics (nice to
// have) in the Slovenian region SI042 or in Slovenia, from SMEs; and the
// people and organisations that might fit it.
type matchWorld struct {
	ids                        map[string]int64
	p                          *ponte.Proposal
	marco, mojca, ivan, ana    *ponte.User
	hidden, low, stranger, mod *ponte.User
	own, sme, ngo              *ponte.Organisation
}

func (e *env) person(t *testing.T, u *ponte.User, region string, langs []string, hideSkills bool, skills map[string]int) {
	t.Helper()
	ctx := context.Background()
	p := ponte.NewProfile(u)
	p.Region, p.Country = region, region[:2]
	for _, l := range langs {
		p.Languages = append(p.Languages, ponte.SpokenLanguage{Code: l, Level: "C1"})
	}
	if hideSkills {
		p.Visibility[ponte.SectionSkills] = ponte.VisPrivate
	}
	p.CreatedAt, p.UpdatedAt = e.now, e.now
	if err := e.store.SaveProfile(ctx, p); err != nil {
		t.Fatal(err)
	}
	ids, err := e.store.ConceptIDs(ctx, keys(skills))
	if err != nil {
		t.Fatal(err)
	}
	for uri, level := range skills {
		sk := &ponte.ProfileSkill{UserID: u.ID, ConceptID: ids[uri], Level: level, CreatedAt: e.now, UpdatedAt: e.now}
		if uri == storetest.URIPython {
			sk.EvidenceKind, sk.EvidenceText = ponte.EvidenceProject, "Pipeline di dati"
		}
		if err := e.store.UpsertProfileSkill(ctx, sk); err != nil {
			t.Fatal(err)
		}
	}
}

func keys(m map[string]int) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func newMatchWorld(t *testing.T, e *env) *matchWorld {
	t.Helper()
	ctx := context.Background()
	w := &matchWorld{ids: storetest.SeedConcepts(t, e.store)}
	// "perform project management" needs the knowledge "project management".
	if _, err := e.store.AddLinks(ctx, ponte.LinkSkillRelation, []ponte.ConceptLink{
		{FromURI: storetest.URIProjectManagement, ToURI: storetest.URIProjectMgmtKnow, Type: "essential"}}); err != nil {
		t.Fatal(err)
	}
	w.marco, w.mojca, w.ivan = e.member(t, "marco@example.it"), e.member(t, "mojca@example.si"), e.member(t, "ivan@example.hr")
	w.ana, w.hidden, w.low = e.member(t, "ana@example.it"), e.member(t, "skrita@example.si"), e.member(t, "low@example.si")
	w.stranger, w.mod = e.member(t, "stranger@example.org"), e.moderator(t)
	exact := map[string]int{storetest.URIProjectManagement: 3, storetest.URIGroupBudgets: 3, storetest.URIPython: 4,
		storetest.URIDataAnalytics: 2}
	e.person(t, w.marco, "ITC4C", []string{"it"}, false, exact)
	e.person(t, w.mojca, "SI041", []string{"sl", "it"}, false, exact)
	e.person(t, w.hidden, "SI042", []string{"it"}, true, exact)
	e.person(t, w.ivan, "HR050", []string{"hr"}, false, map[string]int{storetest.URIProjectMgmtKnow: 4,
		storetest.URIManageBudgets: 4, storetest.URIPython: 3})
	e.person(t, w.ana, "ITC4C", []string{"it"}, false, map[string]int{storetest.URIGroupProjects: 3, storetest.URIPython: 3})
	e.person(t, w.low, "SI042", []string{"sl"}, false, map[string]int{storetest.URIProjectManagement: 1})
	w.own, w.sme, w.ngo = e.org(t, w.marco, "Consorzio Italiano", "ITC4C"), e.org(t, w.mojca, "Podjetje d.o.o.", "SI042"),
		e.org(t, w.ivan, "Udruga", "HR050")
	e.setType(t, w.sme, ponte.OrgSME)
	e.setType(t, w.ngo, ponte.OrgNGO)
	for i, o := range []*ponte.Organisation{w.own, w.sme, w.sme, w.ngo} {
		storetest.NewOrgProject(t, e.store, o, fmt.Sprint("Progetto ", i), e.now, w.ids[storetest.URIPython],
			w.ids[storetest.URIProjectManagement])
	}
	in := validProposal()
	in.Lang, in.OrgID, in.Regions, in.Countries = "it", w.own.ID, []string{"SI042"}, []string{"SI"}
	in.Skills = []service.ProposalSkillInput{
		{SkillRef: service.SkillRef{URI: storetest.URIProjectManagement}, Essential: true, MinLevel: 2},
		{SkillRef: service.SkillRef{URI: storetest.URIGroupBudgets}, Essential: true, MinLevel: 2},
		{SkillRef: service.SkillRef{URI: storetest.URIPython}, Essential: true, MinLevel: 3},
		{SkillRef: service.SkillRef{URI: storetest.URIDataAnalytics}, MinLevel: 1}}
	w.p = e.proposal(t, w.marco, in)
	return w
}

func (e *env) moderator(t *testing.T) *ponte.User {
	t.Helper()
	ctx := context.Background()
	admin, mod := e.admin(t, "admin@example.org"), e.member(t, "mod@example.org")
	if err := e.svc.SetRole(ctx, admin, mod.ID, ponte.RoleModerator); err != nil {
		t.Fatal(err)
	}
	mod, err := e.store.UserByID(ctx, mod.ID)
	if err != nil {
		t.Fatal(err)
	}
	return mod
}

func (e *env) setType(t *testing.T, o *ponte.Organisation, typ string) {
	t.Helper()
	o.Type = typ
	if err := e.store.UpdateOrganisation(context.Background(), o); err != nil {
		t.Fatal(err)
	}
}

// reasons renders a match's reasons as key(params) lines for assertions.
func reasons(m ponte.Match) string {
	var lines []string
	for _, r := range m.Reasons {
		var ps []string
		for _, k := range []string{"Covered", "Need", "Skill", "Level", "Min", "Region", "Country", "Language"} {
			if v, ok := r.Params[k]; ok {
				ps = append(ps, k+"="+v)
			}
		}
		for k, v := range r.ParamKeys {
			ps = append(ps, k+"="+v)
		}
		if r.Plural {
			ps = append(ps, fmt.Sprint("n=", r.Count))
		}
		lines = append(lines, r.Key+"("+strings.Join(ps, ",")+")")
	}
	return strings.Join(lines, "\n")
}

func TestMatchesRankPeopleAndExplain(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		w := newMatchWorld(t, e)
		page, err := e.svc.Matches(ctx, w.marco, w.p.ID, service.MatchesQuery{Lang: "it"})
		if err != nil {
			t.Fatal(err)
		}
		var order []string
		for _, m := range page.Matches {
			order = append(order, strings.TrimPrefix(m.Name, "Test "))
		}
		// Marco is the proposer; the hidden person's skills are private.
		if fmt.Sprint(order) != "[mojca@example.si ivan@example.hr ana@example.it low@example.si]" {
			t.Fatalf("order = %v", order)
		}
		first := page.Matches[0]
		if first.Covered != 3 || first.Essentials != 3 || first.Score < 90 || first.Region != "SI041" {
			t.Fatalf("first = %+v", first)
		}
		want := "match.reason.coverage(Covered=3,n=3)\nmatch.reason.nice(Covered=1,n=1)\nmatch.reason.evidence(n=1)\n" +
			"match.reason.same_nuts2(Region=Zahodna Slovenija (SI04))\nmatch.reason.speaks(Language=italiano)\n" +
			"match.reason.partner_member()"
		if got := reasons(first); got != want {
			t.Errorf("mojca's reasons:\n%s\nwant:\n%s", got, want)
		}
		// Partial credit: the related knowledge, the narrower skill; labels in Italian where there are some.
		iv := reasons(page.Matches[1])
		if strings.Contains(iv, "country") || strings.Contains(iv, "region") {
			t.Errorf("ivan is in Croatia, not in a sought place: %s", iv)
		}
		for _, w := range []string{
			"match.reason.via_related(Need=eseguire la gestione dei progetti,Skill=project management)",
			"match.reason.via_narrower(Need=managing budgets or finances,Skill=gestire i budget)"} {
			if !strings.Contains(iv, w) {
				t.Errorf("ivan's reasons lack %s:\n%s", w, iv)
			}
		}
		an := reasons(page.Matches[2])
		for _, w := range []string{"match.reason.coverage(Covered=2,n=3)", "match.reason.missing(Skill=managing budgets or finances)",
			"match.reason.via_broader(Need=eseguire la gestione dei progetti,Skill=directing, supervising and coordinating projects)",
			"match.reason.speaks(Language=italiano)"} {
			if !strings.Contains(an, w) {
				t.Errorf("ana's reasons lack %s:\n%s", w, an)
			}
		}
		lo := reasons(page.Matches[3])
		if !strings.Contains(lo, "match.reason.level_below(Skill=eseguire la gestione dei progetti,Level=1,Min=2)") ||
			!strings.Contains(lo, "match.reason.in_region(Region=Gorenjska (SI042))") {
			t.Errorf("low's reasons:\n%s", lo)
		}
		for i := 1; i < len(page.Matches); i++ {
			if page.Matches[i].Score > page.Matches[i-1].Score {
				t.Errorf("scores out of order: %+v", page.Matches)
			}
		}
		// The same request twice gives the same answer, limit honoured.
		again, err := e.svc.Matches(ctx, w.marco, w.p.ID, service.MatchesQuery{Lang: "it", Limit: 2})
		if err != nil || len(again.Matches) != 2 || again.Matches[1].ID != w.ivan.ID ||
			reasons(again.Matches[0]) != reasons(first) {
			t.Fatalf("again = %+v, %v", again, err)
		}
	})
}

func TestMatchesOrganisations(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		w := newMatchWorld(t, e)
		page, err := e.svc.Matches(ctx, w.marco, w.p.ID, service.MatchesQuery{Kind: ponte.MatchOrganisations, Lang: "en"})
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Matches) != 2 || page.Matches[0].ID != w.sme.ID || page.Matches[1].ID != w.ngo.ID {
			t.Fatalf("matches = %+v (the proposal's own organisation must be absent)", page.Matches)
		}
		got := reasons(page.Matches[0])
		for _, want := range []string{"match.reason.coverage(Covered=2,n=3)", "match.reason.projects(Skill=Python (computer programming),n=2)",
			"match.reason.in_region(Region=Gorenjska (SI042))", "match.reason.partner_type(Type=people.org_type.sme)"} {
			if !strings.Contains(got, want) {
				t.Errorf("SME's reasons lack %s:\n%s", want, got)
			}
		}
		if strings.Contains(reasons(page.Matches[1]), "partner_type") {
			t.Errorf("an NGO is not a sought type: %s", reasons(page.Matches[1]))
		}
	})
}

func TestMatchesPermissions(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		w := newMatchWorld(t, e)
		try := func(u *ponte.User) string {
			_, err := e.svc.Matches(ctx, u, w.p.ID, service.MatchesQuery{})
			return ponte.ErrorCode(err)
		}
		if fmt.Sprint(try(nil), try(w.stranger), try(w.marco), try(w.mod)) != fmt.Sprint(ponte.ENotFound, ponte.ENotFound, "", "") {
			t.Fatalf("draft: visitor %q, member %q, proposer %q, moderator %q", try(nil), try(w.stranger), try(w.marco), try(w.mod))
		}
		if _, err := e.svc.ChangeProposalStatus(ctx, w.marco, w.p.ID, ponte.ProposalPublished, "", "en"); err != nil {
			t.Fatal(err)
		}
		e.svc.ContentChanged(ctx) // as the site and the API do after every write
		if fmt.Sprint(try(nil), try(w.stranger), try(w.mojca)) != fmt.Sprint(ponte.EUnauthorized, ponte.EForbidden, ponte.EForbidden) {
			t.Fatalf("published: visitor %q, member %q, a match %q", try(nil), try(w.stranger), try(w.mojca))
		}
		// A moderator sees the same (never private skills), the proposer still left out.
		page, err := e.svc.Matches(ctx, w.mod, w.p.ID, service.MatchesQuery{})
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range page.Matches {
			if m.ID == w.hidden.ID {
				t.Fatalf("private skills matched: %+v", m)
			}
		}
		if len(page.Matches) != 4 || page.Matches[0].ID != w.mojca.ID {
			t.Fatalf("moderator's matches = %+v", page.Matches)
		}
		_, err = e.svc.Matches(ctx, w.marco, w.p.ID, service.MatchesQuery{Kind: "robots", Limit: 500})
		wantField(t, err, "kind", "error.choose_option")
		wantField(t, err, "limit", "match.error.limit")
	})
}
