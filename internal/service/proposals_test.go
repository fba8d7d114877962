package service_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

// validProposal is a complete proposal; cases change one field. The env's
// clock is 2026-05-09.
func validProposal() service.ProposalInput {
	return service.ProposalInput{Type: ponte.ProposalResearch, Title: "  Partner  za Horizon ", Summary: "Iščemo partnerja",
		Description: "**Opis**", Lang: "sl", Deadline: "2026-09-30", CallRef: "HORIZON-CL5-2026-D3-01",
		CallURL: "https://ec.europa.eu/info/funding", PartnerTypes: []string{ponte.OrgSME, ponte.OrgSME},
		Countries: []string{"hr", "SI"}, Regions: []string{"hr050"}, S3Areas: []string{"mobility"}, Themes: []string{"climate"},
		Skills: []service.ProposalSkillInput{
			{SkillRef: service.SkillRef{URI: storetest.URIPython}, Essential: true, MinLevel: 3},
			{SkillRef: service.SkillRef{URI: storetest.URIDataAnalytics}, MinLevel: 1},
			{}}}
}

// proposal creates a draft by u from in, failing the test on error.
func (e *env) proposal(t *testing.T, u *ponte.User, in service.ProposalInput) *ponte.Proposal {
	t.Helper()
	p, err := e.svc.CreateProposal(context.Background(), u, in, "en")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestProposalValidation(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		storetest.SeedConcepts(t, e.store)
		u, other := e.member(t, "prop@example.si"), e.member(t, "other@example.si")
		theirs := e.org(t, other, "Tuja d.o.o.", "SI041")
		change := func(f func(*service.ProposalInput)) service.ProposalInput { in := validProposal(); f(&in); return in }
		cases := []struct {
			name, field, key string
			in               service.ProposalInput
		}{
			{"type", "type", "error.choose_option", change(func(in *service.ProposalInput) { in.Type = "gift" })},
			{"lang", "lang", "error.choose_option", change(func(in *service.ProposalInput) { in.Lang = "de" })},
			{"title", "title", "error.too_long", change(func(in *service.ProposalInput) { in.Title = strings.Repeat("a", 201) })},
			{"summary", "summary", "error.too_long", change(func(in *service.ProposalInput) { in.Summary = strings.Repeat("č", 601) })},
			{"link", "call_url", "proposal.error.url", change(func(in *service.ProposalInput) { in.CallURL = "javascript:alert(1)" })},
			{"partner type", "partner_types", "error.choose_option", change(func(in *service.ProposalInput) { in.PartnerTypes = []string{"pirates"} })},
			{"country", "countries", "error.choose_option", change(func(in *service.ProposalInput) { in.Countries = []string{"US"} })},
			{"region", "regions", "org.error.region_unknown", change(func(in *service.ProposalInput) { in.Regions = []string{"XX9"} })},
			{"s3", "s3_areas", "error.choose_option", change(func(in *service.ProposalInput) { in.S3Areas = []string{"alchemy"} })},
			{"theme", "themes", "error.choose_option", change(func(in *service.ProposalInput) { in.Themes = []string{"alchemy"} })},
			{"date", "deadline", "org.error.date", change(func(in *service.ProposalInput) { in.Deadline = "30.9.2026" })},
			{"past deadline", "deadline", "proposal.error.deadline_past", change(func(in *service.ProposalInput) { in.Deadline = "2026-05-08" })},
			{"unknown skill", "skills.1", "error.skill_unknown", change(func(in *service.ProposalInput) {
				in.Skills[1].URI = "http://data.europa.eu/esco/skill/no-such-skill"
			})},
			{"level", "skills", "proposal.error.level", change(func(in *service.ProposalInput) { in.Skills[0].MinLevel = 5 })},
			{"org not managed", "org_id", "proposal.error.org", change(func(in *service.ProposalInput) { in.OrgID = theirs.ID })},
			{"org unknown", "org_id", "proposal.error.org", change(func(in *service.ProposalInput) { in.OrgID = 999999 })},
		}
		for _, c := range cases {
			_, err := e.svc.CreateProposal(ctx, u, c.in, "en")
			if got := ponte.AsError(err); got == nil || got.Fields[c.field] != c.key {
				t.Errorf("%s: %v, want %s = %s", c.name, err, c.field, c.key)
			}
		}
		drafts, _ := e.svc.Proposals(ctx, u, service.ProposalListInput{Status: ponte.ProposalDraft}, "en")
		if len(drafts.Items) != 0 {
			t.Fatalf("%d proposals saved by refused inputs", len(drafts.Items))
		}
		_, err := e.svc.CreateProposal(ctx, nil, validProposal(), "en")
		wantCode(t, err, ponte.EUnauthorized)
		// Today's date is still fine; the text and lists are normalised.
		in := validProposal()
		in.Deadline = "2026-05-09"
		p := e.proposal(t, u, in)
		if p.Title != "Partner za Horizon" || p.Status != ponte.ProposalDraft || len(p.PartnerTypes) != 1 ||
			fmt.Sprint(p.Countries, p.Regions) != "[HR SI] [HR050]" || len(p.Skills) != 2 || !p.Skills[0].Essential ||
			p.Skills[0].MinLevel != 3 || p.ProposerID != u.ID {
			t.Fatalf("created = %+v", p)
		}
	})
}

func TestProposalPublishNeedsTheEssentials(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		storetest.SeedConcepts(t, e.store)
		u := e.member(t, "drafter@example.hr")
		p := e.proposal(t, u, service.ProposalInput{Type: ponte.ProposalResearch}) // a draft may be almost empty
		_, err := e.svc.ChangeProposalStatus(ctx, u, p.ID, ponte.ProposalPublished, "", "en")
		for field, key := range map[string]string{"title": "error.required", "summary": "error.required",
			"skills": "proposal.error.skills_required", "call_ref": "error.required"} {
			wantField(t, err, field, key)
		}
		if _, err := e.svc.UpdateProposal(ctx, u, p.ID, validProposal(), "en"); err != nil {
			t.Fatal(err)
		}
		pub, err := e.svc.ChangeProposalStatus(ctx, u, p.ID, ponte.ProposalPublished, "", "en")
		if err != nil || pub.Status != ponte.ProposalPublished || pub.PublishedAt == nil {
			t.Fatalf("publish = %+v, %v", pub, err)
		}
		// A published proposal must stay complete.
		in := validProposal()
		in.Skills = nil
		_, err = e.svc.UpdateProposal(ctx, u, p.ID, in, "en")
		wantField(t, err, "skills", "proposal.error.skills_required")
		// A deadline that passed while it was a draft blocks publishing.
		d := e.proposal(t, u, validProposal())
		e.now = time.Date(2026, 10, 1, 8, 0, 0, 0, time.UTC)
		_, err = e.svc.ChangeProposalStatus(ctx, u, d.ID, ponte.ProposalPublished, "", "en")
		wantField(t, err, "deadline", "proposal.error.deadline_past")
	})
}

func TestProposalPermissions(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		storetest.SeedConcepts(t, e.store)
		proposer, manager, member, stranger := e.member(t, "p@example.it"), e.member(t, "m@example.it"),
			e.member(t, "mm@example.it"), e.member(t, "s@example.it")
		mod := e.member(t, "mod@example.it")
		admin := e.admin(t, "admin@example.it")
		if err := e.svc.SetRole(ctx, admin, mod.ID, ponte.RoleModerator); err != nil {
			t.Fatal(err)
		}
		mod, _ = e.store.UserByID(ctx, mod.ID)
		o := e.org(t, proposer, "Consorzio", "ITC4C")
		for u, role := range map[*ponte.User]string{manager: ponte.OrgRoleManager, member: ponte.OrgRoleMember} {
			if err := e.store.SetOrgMember(ctx, &ponte.OrgMember{OrgID: o.ID, UserID: u.ID, Role: role, CreatedAt: e.now}); err != nil {
				t.Fatal(err)
			}
		}
		in := validProposal()
		in.OrgID = o.ID
		p := e.proposal(t, proposer, in)
		who := []struct {
			name     string
			u        *ponte.User
			sees     bool // the draft
			edits    bool
			editCode string
		}{
			{"visitor", nil, false, false, ponte.ENotFound},
			{"member", stranger, false, false, ponte.ENotFound},
			{"org member", member, false, false, ponte.ENotFound},
			{"proposer", proposer, true, true, ""},
			{"org manager", manager, true, true, ""},
			{"moderator", mod, true, true, ""},
			{"admin", admin, true, true, ""},
		}
		for _, w := range who {
			_, canEdit, err := e.svc.Proposal(ctx, w.u, p.ID, "en")
			if (err == nil) != w.sees || canEdit != w.edits {
				t.Errorf("%s: sees draft = %v (%v), edits = %v", w.name, err == nil, err, canEdit)
			}
		}
		// Drafts are hidden as if absent; once published everyone sees it,
		// and only editors may change it.
		if _, err := e.svc.ChangeProposalStatus(ctx, manager, p.ID, ponte.ProposalPublished, "", "en"); err != nil {
			t.Fatal(err)
		}
		for _, w := range who {
			_, canEdit, err := e.svc.Proposal(ctx, w.u, p.ID, "en")
			if err != nil || canEdit != w.edits {
				t.Errorf("%s on published: %v, edits = %v", w.name, err, canEdit)
			}
			_, err = e.svc.UpdateProposal(ctx, w.u, p.ID, in, "en")
			want := w.editCode
			if want == ponte.ENotFound { // visible now: a refusal, not absence
				want = ponte.EForbidden
				if w.u == nil {
					want = ponte.EUnauthorized
				}
			}
			if w.edits {
				want = ""
			}
			if got := ponte.ErrorCode(err); got != want {
				t.Errorf("%s updates: %q (%v), want %q", w.name, got, err, want)
			}
		}
		_, err := e.svc.ChangeProposalStatus(ctx, stranger, p.ID, ponte.ProposalClosed, ponte.CloseReasonWithdrawn, "en")
		wantCode(t, err, ponte.EForbidden)
		list, err := e.svc.Proposals(ctx, stranger, service.ProposalListInput{Status: ponte.ProposalDraft}, "en")
		if err != nil || len(list.Items) != 0 {
			t.Fatalf("stranger lists drafts: %v, %v", list, err)
		}
		_, err = e.svc.Proposals(ctx, nil, service.ProposalListInput{Status: ponte.ProposalDraft}, "en")
		wantField(t, err, "status", "proposal.error.sign_in_status")
	})
}

func TestProposalLifecycleAndHistory(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		storetest.SeedConcepts(t, e.store)
		u := e.member(t, "life@example.ro")
		p := e.proposal(t, u, validProposal())
		step := func(to, reason, wantCode string) {
			t.Helper()
			_, err := e.svc.ChangeProposalStatus(ctx, u, p.ID, to, reason, "en")
			if got := ponte.ErrorCode(err); got != wantCode {
				t.Fatalf("%s (%s): %v, want %q", to, reason, err, wantCode)
			}
		}
		step(ponte.ProposalClosed, ponte.CloseReasonWithdrawn, ponte.EConflict) // a draft is not closed
		step(ponte.ProposalArchived, "", ponte.EConflict)
		step(ponte.ProposalPublished, "x", ponte.EConflict)
		step(ponte.ProposalPublished, "", "")
		step(ponte.ProposalPublished, "", ponte.EConflict)
		step(ponte.ProposalDraft, "", ponte.EConflict)
		step(ponte.ProposalClosed, ponte.CloseReasonExpired, ponte.EConflict) // only the platform expires
		step(ponte.ProposalClosed, "", ponte.EConflict)
		e.now = e.now.Add(time.Hour)
		step(ponte.ProposalClosed, ponte.CloseReasonPartnered, "")
		_, err := e.svc.UpdateProposal(ctx, u, p.ID, validProposal(), "en")
		wantCode(t, err, ponte.EConflict) // closed proposals are a record
		step(ponte.ProposalPublished, "", ponte.EConflict)
		step(ponte.ProposalArchived, "", "")
		// Archived: gone from everyone else's view, kept for its proposer.
		if _, _, err := e.svc.Proposal(ctx, nil, p.ID, "en"); ponte.ErrorCode(err) != ponte.ENotFound {
			t.Fatalf("visitor sees an archived proposal: %v", err)
		}
		evs, err := e.svc.ProposalHistory(ctx, u, p.ID)
		if err != nil || len(evs) != 3 {
			t.Fatalf("history = %+v, %v", evs, err)
		}
		got := fmt.Sprintf("%s>%s %s>%s:%s %s>%s", evs[0].From, evs[0].To, evs[1].From, evs[1].To, evs[1].Reason, evs[2].From, evs[2].To)
		if got != "draft>published published>closed:partnered closed>archived" || *evs[0].ActorID != u.ID ||
			evs[0].ActorName != u.DisplayName || !evs[1].At.Equal(e.now) {
			t.Fatalf("history = %s %+v", got, evs[0])
		}
	})
}

func TestProposalExpiry(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		storetest.SeedConcepts(t, e.store)
		u := e.member(t, "exp@example.gr")
		soon, later, open := validProposal(), validProposal(), validProposal()
		soon.Deadline, later.Deadline, open.Deadline = "2026-05-20", "2026-06-30", ""
		var ids []int64
		for _, in := range []service.ProposalInput{soon, later, open} {
			p := e.proposal(t, u, in)
			if _, err := e.svc.ChangeProposalStatus(ctx, u, p.ID, ponte.ProposalPublished, "", "en"); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, p.ID)
		}
		draft := e.proposal(t, u, soon) // drafts do not expire
		for at, want := range map[string]int{"2026-05-20T23:00:00Z": 0, "2026-05-21T00:00:00Z": 1} {
			now, _ := time.Parse(time.RFC3339, at)
			e.now = now
			if n, err := e.svc.ExpireProposals(ctx, now); err != nil || n != want {
				t.Fatalf("ExpireProposals(%s) = %d, %v; want %d", at, n, err, want)
			}
		}
		e.now = time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
		if n, err := e.svc.ExpireProposals(ctx, e.now); err != nil || n != 1 {
			t.Fatalf("second run = %d, %v", n, err)
		}
		for i, want := range []string{ponte.ProposalClosed, ponte.ProposalClosed, ponte.ProposalPublished} {
			p, _, _ := e.svc.Proposal(ctx, nil, ids[i], "en")
			if p.Status != want || (want == ponte.ProposalClosed && p.CloseReason != ponte.CloseReasonExpired) {
				t.Errorf("proposal %d: %s/%s, want %s", i, p.Status, p.CloseReason, want)
			}
		}
		if d, _, _ := e.svc.Proposal(ctx, u, draft.ID, "en"); d.Status != ponte.ProposalDraft {
			t.Errorf("draft became %s", d.Status)
		}
		evs, _ := e.svc.ProposalHistory(ctx, nil, ids[0])
		if last := evs[len(evs)-1]; last.ActorID != nil || last.Reason != ponte.CloseReasonExpired {
			t.Fatalf("expiry event = %+v", last)
		}
	})
}

func TestProposalDirectory(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		ids := storetest.SeedConcepts(t, e.store)
		u := e.member(t, "dir@example.hr")
		in := validProposal()
		in.Skills = []service.ProposalSkillInput{{SkillRef: service.SkillRef{URI: storetest.URIManageBudgets}, MinLevel: 2}}
		for range 3 {
			p := e.proposal(t, u, in)
			if _, err := e.svc.ChangeProposalStatus(ctx, u, p.ID, ponte.ProposalPublished, "", "en"); err != nil {
				t.Fatal(err)
			}
		}
		e.proposal(t, u, in) // a draft
		// The group "managing budgets" finds its narrower skill.
		page, err := e.svc.Proposals(ctx, nil, service.ProposalListInput{SkillURI: storetest.URIGroupBudgets, Region: "hr0",
			Limit: 2}, "en")
		if err != nil || len(page.Items) != 2 || page.Next == "" || page.Skill.ID != ids[storetest.URIGroupBudgets] {
			t.Fatalf("page 1 = %+v, %v", page, err)
		}
		next, err := e.svc.Proposals(ctx, nil, service.ProposalListInput{SkillURI: storetest.URIGroupBudgets, Cursor: page.Next, Limit: 2}, "en")
		if err != nil || len(next.Items) != 1 || next.Next != "" {
			t.Fatalf("page 2 = %+v, %v", next, err)
		}
		mine, _ := e.svc.Proposals(ctx, u, service.ProposalListInput{Status: ponte.ProposalDraft}, "en")
		if len(mine.Items) != 1 {
			t.Fatalf("own drafts = %d", len(mine.Items))
		}
		for field, q := range map[string]service.ProposalListInput{"type": {Type: "x"}, "region": {Region: "ZZ"},
			"s3_area": {S3Area: "x"}, "status": {Status: "x"}, "deadline_before": {DeadlineBefore: "soon"}} {
			_, err := e.svc.Proposals(ctx, nil, q, "en")
			if ponte.AsError(err) == nil || ponte.AsError(err).Fields[field] == "" {
				t.Errorf("%s: %v", field, err)
			}
		}
		_, err = e.svc.Proposals(ctx, nil, service.ProposalListInput{Cursor: "abc"}, "en")
		wantCode(t, err, ponte.EBadRequest)
	})
}
