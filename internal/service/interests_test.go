package service_test

import (
	"context"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

// publishedFor writes and publishes a complete proposal of u (for org, if not 0).
func (e *env) publishedFor(t *testing.T, u *ponte.User, org int64) *ponte.Proposal {
	t.Helper()
	in := validProposal()
	in.OrgID = org
	p := e.proposal(t, u, in)
	p, err := e.svc.ChangeProposalStatus(context.Background(), u, p.ID, ponte.ProposalPublished, "", "en")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// interestMail returns the outbox messages to addr, newest first.
func (e *env) interestMail(t *testing.T, addr string) []*ponte.Mail {
	t.Helper()
	all, err := e.store.ListMail(context.Background(), ponte.MailFilter{Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	var out []*ponte.Mail
	for _, m := range all {
		if m.To == addr {
			out = append(out, m)
		}
	}
	return out
}

// noticeKinds lists the kinds of a member's notifications, newest first.
func (e *env) noticeKinds(t *testing.T, u *ponte.User) []string {
	t.Helper()
	page, err := e.svc.Notifications(context.Background(), u, "", "en")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, n := range page.Items {
		out = append(out, n.Kind)
	}
	return out
}

func TestInterestExpressAndReveal(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		storetest.SeedConcepts(t, e.store)
		owner, ana, bob := e.member(t, "owner@example.si"), e.member(t, "ana@example.hr"), e.member(t, "bob@example.it")
		ownOrg := e.org(t, owner, "Inštitut za senzorje", "SI041")
		anaOrg := e.org(t, ana, "Zadruga Ana", "HR050")
		p := e.proposal(t, owner, func() service.ProposalInput { in := validProposal(); in.OrgID = ownOrg.ID; return in }())
		msg := service.InterestInput{Message: "  Imamo iskustva sa senzorima.  "}
		// Drafts are not there for others; visitors must sign in.
		_, _, err := e.svc.ExpressInterest(ctx, ana, p.ID, msg, "en")
		wantCode(t, err, ponte.ENotFound)
		_, _, err = e.svc.ExpressInterest(ctx, nil, p.ID, msg, "en")
		wantCode(t, err, ponte.EUnauthorized)
		if _, err := e.svc.ChangeProposalStatus(ctx, owner, p.ID, ponte.ProposalPublished, "", "en"); err != nil {
			t.Fatal(err)
		}
		// Refusals: one's own proposal, an empty message, an organisation not managed or the proposal's own.
		_, _, err = e.svc.ExpressInterest(ctx, owner, p.ID, msg, "en")
		if ae := ponte.AsError(err); ae == nil || ae.Code != ponte.EForbidden || ae.Key != "interest.error.own" {
			t.Fatalf("own proposal: %v", err)
		}
		_, _, err = e.svc.ExpressInterest(ctx, ana, p.ID, service.InterestInput{Message: "   "}, "en")
		wantField(t, err, "message", "error.required")
		_, _, err = e.svc.ExpressInterest(ctx, ana, p.ID, service.InterestInput{Message: strings.Repeat("é", 2001)}, "en")
		wantField(t, err, "message", "error.too_long")
		_, _, err = e.svc.ExpressInterest(ctx, bob, p.ID, service.InterestInput{Message: "x", OrgID: anaOrg.ID}, "en")
		wantField(t, err, "org_id", "interest.error.org")
		if _, _, err := e.svc.ExpressInterest(ctx, bob, p.ID, service.InterestInput{Message: "x", OrgID: ownOrg.ID}, "en"); ponte.AsError(err) == nil ||
			ponte.AsError(err).Fields["org_id"] != "interest.error.org" {
			t.Fatalf("another's organisation: %v", err)
		}
		if n := len(e.noticeKinds(t, owner)); n != 0 {
			t.Fatalf("refusals notified the proposer %d times", n)
		}
		// Ana expresses interest for herself, then again: the same one comes back.
		v, created, err := e.svc.ExpressInterest(ctx, ana, p.ID, msg, "en")
		if err != nil || !created || v.Status != ponte.InterestPending || v.Message != "Imamo iskustva sa senzorima." ||
			v.Contact != nil || v.Interest.Contact.Email != "" || v.OrgID != nil {
			t.Fatalf("express = %+v, %v, %v", v, created, err)
		}
		again, created, err := e.svc.ExpressInterest(ctx, ana, p.ID, service.InterestInput{Message: ""}, "en")
		if err != nil || created || again.ID != v.ID || again.Message != v.Message {
			t.Fatalf("again = %+v, %v, %v", again, created, err)
		}
		forOrg, created, err := e.svc.ExpressInterest(ctx, ana, p.ID, service.InterestInput{Message: "Za zadrugu", OrgID: anaOrg.ID}, "en")
		if err != nil || !created || forOrg.ID == v.ID || *forOrg.OrgID != anaOrg.ID || forOrg.Interest.Contact.OrgName != anaOrg.Name {
			t.Fatalf("for the organisation = %+v, %v, %v", forOrg, created, err)
		}
		// The proposer is told once per expression, in the app and by e-mail in their language.
		if k := e.noticeKinds(t, owner); strings.Join(k, " ") != "interest_received_org interest_received" {
			t.Fatalf("proposer's notifications = %v", k)
		}
		mail := e.interestMail(t, owner.Email)
		if len(mail) < 2 || !strings.Contains(mail[0].Subject, anaOrg.Name) || !strings.Contains(mail[1].Text, "Imamo iskustva") ||
			!strings.Contains(mail[1].Text, "http://ponte.test/proposals/") || !strings.Contains(mail[1].Subject, "Partner za Horizon") {
			t.Fatalf("proposer's mail = %+v", mail)
		}
		// Before acceptance no contact shows, to either side.
		page, err := e.svc.Interests(ctx, owner, p.ID, "", "en")
		if err != nil || len(page.Items) != 2 {
			t.Fatalf("editor's list = %+v, %v", page, err)
		}
		for _, it := range page.Items {
			if it.Contact != nil || it.Interest.Contact.Email != "" || it.Interest.Contact.Name != ana.DisplayName {
				t.Fatalf("contact before acceptance: %+v %+v", it.Interest.Contact, it.Contact)
			}
		}
		if mine, _ := e.svc.Interests(ctx, bob, p.ID, "", "en"); len(mine.Items) != 0 {
			t.Fatalf("bob sees others' expressions: %+v", mine.Items)
		}
		// Only editors decide; the decision is one of two; each expression once.
		_, err = e.svc.DecideInterest(ctx, ana, p.ID, v.ID, service.DecisionAccept, "en")
		wantCode(t, err, ponte.EForbidden)
		_, err = e.svc.DecideInterest(ctx, owner, p.ID, v.ID, "maybe", "en")
		wantField(t, err, "decision", "error.choose_option")
		other := e.publishedFor(t, bob, 0)
		_, err = e.svc.DecideInterest(ctx, bob, other.ID, v.ID, service.DecisionAccept, "en")
		wantCode(t, err, ponte.ENotFound)
		acc, err := e.svc.DecideInterest(ctx, owner, p.ID, v.ID, service.DecisionAccept, "en")
		if err != nil || acc.Status != ponte.InterestAccepted || acc.Contact == nil || acc.Contact.Email != ana.Email || acc.DecidedAt == nil {
			t.Fatalf("accept = %+v, %v", acc, err)
		}
		_, err = e.svc.DecideInterest(ctx, owner, p.ID, v.ID, service.DecisionDecline, "en")
		wantCode(t, err, ponte.EConflict)
		if _, err := e.svc.DecideInterest(ctx, owner, p.ID, forOrg.ID, service.DecisionDecline, "en"); err != nil {
			t.Fatal(err)
		}
		// After acceptance: the interested member sees the proposer's contact and organisation.
		view, err := e.svc.ProposalInterests(ctx, ana, p.ID, "", "en")
		if err != nil || len(view.Mine) != 2 || view.CanDecide || view.Own || !view.CanExpress {
			t.Fatalf("ana's view = %+v, %v", view, err)
		}
		for _, m := range view.Mine {
			switch m.Status {
			case ponte.InterestAccepted:
				if m.Contact == nil || m.Contact.Email != owner.Email || m.Contact.OrgName != ownOrg.Name {
					t.Fatalf("accepted, proposer's contact = %+v", m.Contact)
				}
			case ponte.InterestDeclined:
				if m.Contact != nil {
					t.Fatalf("declined shows a contact: %+v", m.Contact)
				}
			}
		}
		page, _ = e.svc.Interests(ctx, owner, p.ID, "", "en")
		if page.Items[1].Contact == nil || page.Items[1].Contact.Email != ana.Email || page.Items[0].Contact != nil {
			t.Fatalf("editor's list after decisions: %+v / %+v", page.Items[1].Contact, page.Items[0].Contact)
		}
		if k := e.noticeKinds(t, ana); strings.Join(k, " ") != "interest_declined interest_accepted" {
			t.Fatalf("ana's notifications = %v", k)
		}
		// Ana's mail is in her language (she signed up in Italian).
		if m := e.interestMail(t, ana.Email); len(m) == 0 || !strings.Contains(m[1].Subject, "accettato") {
			t.Fatalf("ana's mail = %+v", m)
		}
	})
}

func TestInterestClosedProposal(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		storetest.SeedConcepts(t, e.store)
		owner, ana, bob := e.member(t, "owner@example.si"), e.member(t, "ana@example.hr"), e.member(t, "bob@example.it")
		for _, reason := range []string{ponte.CloseReasonWithdrawn, ponte.CloseReasonPartnered} {
			p := e.publishedFor(t, owner, 0)
			v, _, err := e.svc.ExpressInterest(ctx, ana, p.ID, service.InterestInput{Message: "m"}, "en")
			if err != nil {
				t.Fatal(err)
			}
			if _, err := e.svc.ChangeProposalStatus(ctx, owner, p.ID, ponte.ProposalClosed, reason, "en"); err != nil {
				t.Fatal(err)
			}
			want := map[string]string{ponte.CloseReasonWithdrawn: "interest.error.withdrawn", ponte.CloseReasonPartnered: "interest.error.closed"}[reason]
			_, _, err = e.svc.ExpressInterest(ctx, bob, p.ID, service.InterestInput{Message: "late"}, "en")
			if ae := ponte.AsError(err); ae == nil || ae.Code != ponte.EConflict || ae.Key != want {
				t.Fatalf("%s: new interest = %v, want %s", reason, err, want)
			}
			// The existing expression is still shown, not an error.
			again, created, err := e.svc.ExpressInterest(ctx, ana, p.ID, service.InterestInput{Message: "m"}, "en")
			if err != nil || created || again.ID != v.ID {
				t.Fatalf("%s: existing = %+v, %v, %v", reason, again, created, err)
			}
			view, err := e.svc.ProposalInterests(ctx, bob, p.ID, "", "en")
			if err != nil || view.CanExpress || view.ClosedKey != want {
				t.Fatalf("%s: view = %+v, %v", reason, view, err)
			}
		}
	})
}

func TestInterestOrgManagersDecide(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		storetest.SeedConcepts(t, e.store)
		owner, manager, ana := e.member(t, "owner@example.si"), e.member(t, "manager@example.si"), e.member(t, "ana@example.hr")
		o := e.org(t, owner, "Inštitut", "SI041")
		if err := e.store.SetOrgMember(ctx, &ponte.OrgMember{OrgID: o.ID, UserID: manager.ID, Role: ponte.OrgRoleManager, CreatedAt: e.now}); err != nil {
			t.Fatal(err)
		}
		p := e.publishedFor(t, owner, o.ID)
		// The organisation's manager stands behind the proposal: no interest, but decisions.
		_, _, err := e.svc.ExpressInterest(ctx, manager, p.ID, service.InterestInput{Message: "m"}, "en")
		wantCode(t, err, ponte.EForbidden)
		v, _, err := e.svc.ExpressInterest(ctx, ana, p.ID, service.InterestInput{Message: "m"}, "en")
		if err != nil {
			t.Fatal(err)
		}
		view, err := e.svc.ProposalInterests(ctx, manager, p.ID, "", "en")
		if err != nil || !view.CanDecide || !view.Own || view.CanExpress || view.All == nil || len(view.All.Items) != 1 {
			t.Fatalf("manager's view = %+v, %v", view, err)
		}
		if _, err := e.svc.DecideInterest(ctx, manager, p.ID, v.ID, service.DecisionAccept, "en"); err != nil {
			t.Fatal(err)
		}
		// A visitor sees neither the list nor the form.
		anon, err := e.svc.ProposalInterests(ctx, nil, p.ID, "", "en")
		if err != nil || anon.CanExpress || anon.All != nil || anon.Mine != nil || anon.ClosedKey != "" {
			t.Fatalf("visitor's view = %+v, %v", anon, err)
		}
		_, err = e.svc.Interests(ctx, nil, p.ID, "", "en")
		wantCode(t, err, ponte.EUnauthorized)
	})
}
