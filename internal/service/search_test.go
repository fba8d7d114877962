package service_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

// found runs a search and returns the hits' "kind:id" keys.
func (e *env) found(t *testing.T, q string, lang string) []string {
	t.Helper()
	res, err := e.svc.Search(context.Background(), service.SearchInput{Q: q}, lang)
	if err != nil {
		t.Fatalf("search %q: %v", q, err)
	}
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.Kind+":"+itoa(h.ID))
	}
	return out
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// wantHits fails unless the search finds exactly want.
func (e *env) wantHits(t *testing.T, q, lang string, want ...string) {
	t.Helper()
	got := e.found(t, q, lang)
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("search %q: %v; want %v", q, got, want)
	}
}

func TestSearchHonoursProfileVisibility(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		storetest.SeedConcepts(t, e.store)
		u := e.member(t, "ana@example.org")
		if _, err := e.svc.UpdateProfile(ctx, u, fullInput(), allSections()...); err != nil {
			t.Fatal(err)
		}
		ana := "person:" + itoa(u.ID)
		e.wantHits(t, "cooperatives", "en", ana) // bio (public), stemmed
		e.wantHits(t, "ISTRIA", "it", ana)       // headline
		e.wantHits(t, "workshops", "en")         // offer: members only
		e.wantHits(t, "zadruga", "hr")           // affiliations: members only
		res, err := e.svc.Search(ctx, service.SearchInput{Q: "horvat"}, "en")
		if err != nil {
			t.Fatal(err)
		}
		if len(res.S3) != 0 || len(res.Regions) == 0 || res.Regions[0].Value != "HR" || res.Regions[0].Label == "" {
			t.Errorf("facets leak or miss: s3 %+v regions %+v", res.S3, res.Regions)
		}
		if err := e.svc.SetVisibility(ctx, u, ponte.SectionOfferSeek, ponte.VisPublic); err != nil {
			t.Fatal(err)
		}
		e.wantHits(t, "workshops", "en", ana)
		if err := e.svc.SetVisibility(ctx, u, ponte.SectionAbout, ponte.VisPrivate); err != nil {
			t.Fatal(err)
		}
		e.wantHits(t, "cooperative", "en")
		if _, _, err := e.svc.AddSkill(ctx, u, service.SkillInput{URI: storetest.URIPython, Level: 3}, "en"); err != nil {
			t.Fatal(err)
		}
		res, err = e.svc.Search(ctx, service.SearchInput{Q: "horvat"}, "it")
		if err != nil || len(res.Skills) != 1 || res.Skills[0].Label == "" || res.Skills[0].Count != 1 {
			t.Fatalf("skill facet %+v, %v", res, err)
		}
		e.wantHits(t, "python", "el", ana) // the skill's label is searchable
		if err := e.svc.SetVisibility(ctx, u, ponte.SectionSkills, ponte.VisMembers); err != nil {
			t.Fatal(err)
		}
		e.wantHits(t, "python", "en")
		if err := e.svc.DeleteMyAccount(ctx, u, "correct horse battery"); err != nil {
			t.Fatal(err)
		}
		e.wantHits(t, "horvat", "en")
	})
}

func TestSearchFollowsProposalLifecycle(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		storetest.SeedConcepts(t, e.store)
		u := e.member(t, "prop@example.si")
		in := validProposal()
		in.Description = "Iščemo partnerje za **raziskave** v zdravstvu."
		p := e.proposal(t, u, in)
		key := "proposal:" + itoa(p.ID)
		e.wantHits(t, "raziskava", "sl") // a draft is not public
		if _, err := e.svc.ChangeProposalStatus(ctx, u, p.ID, ponte.ProposalPublished, "", "en"); err != nil {
			t.Fatal(err)
		}
		e.wantHits(t, "raziskava", "sl", key)
		e.wantHits(t, `"partner za horizon"`, "en", key)
		in.Title = "Partner za Digital Europe"
		if _, err := e.svc.UpdateProposal(ctx, u, p.ID, in, "en"); err != nil {
			t.Fatal(err)
		}
		e.wantHits(t, `"partner za horizon"`, "en") // the old title is gone
		e.wantHits(t, "digit*", "en", key)
		if _, err := e.svc.ChangeProposalStatus(ctx, u, p.ID, ponte.ProposalClosed, ponte.CloseReasonPartnered, "en"); err != nil {
			t.Fatal(err)
		}
		e.wantHits(t, "raziskave", "sl", key) // closed proposals stay as a record
		if _, err := e.svc.ChangeProposalStatus(ctx, u, p.ID, ponte.ProposalArchived, "", "en"); err != nil {
			t.Fatal(err)
		}
		e.wantHits(t, "raziskave", "sl")
	})
}

func TestSearchOrganisationsAndRebuild(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		u := e.member(t, "owner@example.it")
		o := e.org(t, u, "Università di Bologna", "ITH55")
		key := "organisation:" + itoa(o.ID)
		e.wantHits(t, "universita bologna", "it", key)
		in := validOrg()
		in.Description = "Progettazione di impianti fotovoltaici."
		if _, err := e.svc.UpdateOrganisation(ctx, u, o.ID, service.OrgAll, in); err != nil {
			t.Fatal(err)
		}
		e.wantHits(t, "progettare", "it", key)
		e.wantHits(t, "bologna", "it") // the name changed to validOrg's
		if err := e.store.ClearSearchIndex(ctx, ""); err != nil {
			t.Fatal(err)
		}
		e.wantHits(t, "progettare", "it")
		var progress []string
		n, err := e.svc.RebuildSearchIndex(ctx, func(kind string, done int) { progress = append(progress, kind) })
		if err != nil || n != 1 || len(progress) != 1 { // the organisation (the owner saved no profile)
			t.Fatalf("rebuild: %d docs, progress %v, %v", n, progress, err)
		}
		e.wantHits(t, "progettare", "it", key)
	})
}

func TestSearchBadInput(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		for _, q := range []string{"", "the of and", " ,;:!?* \"\" ", "della di e"} {
			res, err := e.svc.Search(ctx, service.SearchInput{Q: q}, "en")
			if err != nil || !res.Empty {
				t.Errorf("%q: %+v, %v; want an empty result", q, res, err)
			}
		}
		cases := []struct {
			in         service.SearchInput
			field, key string
		}{
			{service.SearchInput{Q: "x", Type: "gift"}, "type", "error.choose_option"},
			{service.SearchInput{Q: "x", Region: "XX9"}, "region", "search.error.region"},
			{service.SearchInput{Q: "x", S3: "alchemy"}, "s3", "error.choose_option"},
			{service.SearchInput{Q: "x", Skill: "http://example.org/nope"}, "skill", "error.skill_unknown"},
			{service.SearchInput{Q: "x", Skill: "999999"}, "skill", "error.skill_unknown"},
			{service.SearchInput{Q: "x", Cursor: "abc"}, "cursor", "search.error.cursor"},
		}
		for _, c := range cases {
			_, err := e.svc.Search(ctx, c.in, "en")
			wantField(t, err, c.field, c.key)
		}
	})
}
