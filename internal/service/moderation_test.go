package service_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/i18n"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

// moderated returns a service on e's database with moderation on and e's
// clock.
func (e *env) moderated(t *testing.T) *service.Service {
	t.Helper()
	cat, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	svc := service.New(e.store, service.Config{BaseURL: "http://ponte.test", PasswordCost: service.TestPasswordParams,
		Moderation: true}, cat, nil, nil)
	svc.SetClock(func() time.Time { return e.now })
	return svc
}

func TestModerationLifecycle(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		storetest.SeedConcepts(t, e.store)
		svc := e.moderated(t)
		u, other, mod := e.member(t, "prop@example.it"), e.member(t, "other@example.it"), e.moderator(t)
		p := e.proposal(t, u, validProposal())
		// Publishing submits it: pending, still private.
		got, err := svc.ChangeProposalStatus(ctx, u, p.ID, ponte.ProposalPublished, "", "en")
		if err != nil || got.Status != ponte.ProposalPending || got.PublishedAt != nil {
			t.Fatalf("submit = %+v, %v", got, err)
		}
		for _, viewer := range []*ponte.User{nil, other} {
			_, _, err := svc.Proposal(ctx, viewer, p.ID, "en")
			wantCode(t, err, ponte.ENotFound)
		}
		if _, canEdit, err := svc.Proposal(ctx, mod, p.ID, "en"); err != nil || !canEdit {
			t.Fatalf("the moderator cannot see it: %v", err)
		}
		// Only moderators publish it or list the queue.
		_, err = svc.ChangeProposalStatus(ctx, u, p.ID, ponte.ProposalPublished, "", "en")
		wantCode(t, err, ponte.EForbidden)
		_, err = svc.ApproveProposal(ctx, u, p.ID, "en")
		wantCode(t, err, ponte.EForbidden)
		_, err = svc.RejectProposal(ctx, other, p.ID, "no", "en")
		wantCode(t, err, ponte.EForbidden)
		_, err = svc.ModerationQueue(ctx, other, "", 0, "en")
		wantCode(t, err, ponte.EForbidden)
		_, err = svc.ModerationQueue(ctx, nil, "", 0, "en")
		wantCode(t, err, ponte.EUnauthorized)
		q, err := svc.ModerationQueue(ctx, mod, "", 0, "en")
		if err != nil || len(q.Items) != 1 || q.Items[0].ID != p.ID {
			t.Fatalf("queue = %+v, %v", q, err)
		}
		// A rejection needs a reason, goes back to draft and tells the proposer.
		_, err = svc.RejectProposal(ctx, mod, p.ID, "  ", "en")
		wantField(t, err, "reason", "error.required")
		_, err = svc.RejectProposal(ctx, mod, p.ID, strings.Repeat("ž", ponte.MaxModerationReasonLen+1), "en")
		wantField(t, err, "reason", "proposal.error.reason_long")
		reason := "Manca il riferimento al bando: aggiungilo."
		got, err = svc.RejectProposal(ctx, mod, p.ID, reason, "en")
		if err != nil || got.Status != ponte.ProposalDraft {
			t.Fatalf("reject = %+v, %v", got, err)
		}
		evs, _ := svc.ProposalHistory(ctx, u, p.ID)
		last := evs[len(evs)-1]
		if last.From != ponte.ProposalPending || last.To != ponte.ProposalDraft || last.Reason != reason || *last.ActorID != mod.ID {
			t.Fatalf("history = %+v", last)
		}
		e.wantNotice(t, u, "proposal_rejected", reason)
		_, err = svc.ApproveProposal(ctx, mod, p.ID, "en")
		wantCode(t, err, ponte.EConflict)
		// Submitted again and approved: published, with its date.
		if _, err := svc.ChangeProposalStatus(ctx, u, p.ID, ponte.ProposalPublished, "", "en"); err != nil {
			t.Fatal(err)
		}
		got, err = svc.ApproveProposal(ctx, mod, p.ID, "en")
		if err != nil || got.Status != ponte.ProposalPublished || got.PublishedAt == nil || !got.PublishedAt.Equal(e.now) {
			t.Fatalf("approve = %+v, %v", got, err)
		}
		e.wantNotice(t, u, "proposal_approved", "")
		if _, _, err := svc.Proposal(ctx, nil, p.ID, "en"); err != nil {
			t.Fatalf("the approved proposal is not public: %v", err)
		}
		if q, _ := svc.ModerationQueue(ctx, mod, "", 0, "en"); len(q.Items) != 0 {
			t.Fatalf("queue after approval = %d", len(q.Items))
		}
	})
}

// wantNotice checks u's newest notification and newest e-mail: of kind,
// in u's language, mentioning text.
func (e *env) wantNotice(t *testing.T, u *ponte.User, kind, text string) {
	t.Helper()
	ns, err := e.store.ListNotifications(context.Background(), ponte.NotificationFilter{UserID: u.ID, Limit: 1})
	if err != nil || len(ns) == 0 || ns[0].Kind != kind || ns[0].Link == "" || ns[0].Params["Reason"] != text {
		t.Fatalf("notification = %+v, %v", ns, err)
	}
	cat, _ := i18n.Load()
	subject := cat.Translate(u.Lang, "mail."+kind+".subject", nil)
	mail, _ := e.store.ListMail(context.Background(), ponte.MailFilter{Limit: 1})
	if len(mail) == 0 || mail[0].To != u.Email || mail[0].Subject != subject || !strings.Contains(mail[0].Text, text) ||
		!strings.Contains(mail[0].Text, "http://ponte.test/proposals/") {
		t.Fatalf("mail = %+v, want subject %q", mail, subject)
	}
}

func TestModerationRules(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		storetest.SeedConcepts(t, e.store)
		svc := e.moderated(t)
		u, mod := e.member(t, "prop@example.hr"), e.moderator(t)
		// A moderator's own proposal publishes directly.
		own := e.proposal(t, mod, validProposal())
		if got, err := svc.ChangeProposalStatus(ctx, mod, own.ID, ponte.ProposalPublished, "", "en"); err != nil ||
			got.Status != ponte.ProposalPublished {
			t.Fatalf("moderator's own = %+v, %v", got, err)
		}
		// Without moderation a member publishes directly too.
		direct := e.proposal(t, u, validProposal())
		if got, err := e.svc.ChangeProposalStatus(ctx, u, direct.ID, ponte.ProposalPublished, "", "en"); err != nil ||
			got.Status != ponte.ProposalPublished {
			t.Fatalf("unmoderated = %+v, %v", got, err)
		}
		// An incomplete draft is not submitted.
		empty := e.proposal(t, u, service.ProposalInput{Type: ponte.ProposalChallenge, Lang: "hr"})
		_, err := svc.ChangeProposalStatus(ctx, u, empty.ID, ponte.ProposalPublished, "", "en")
		wantField(t, err, "skills", "proposal.error.skills_required")
		// Its editors may take a pending proposal back, without a reason,
		// and cannot edit it meanwhile.
		var ids []int64
		for range 3 {
			p := e.proposal(t, u, validProposal())
			if _, err := svc.ChangeProposalStatus(ctx, u, p.ID, ponte.ProposalPublished, "", "en"); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, p.ID)
		}
		_, err = svc.UpdateProposal(ctx, u, ids[0], validProposal(), "en")
		wantCode(t, err, ponte.EConflict)
		_, err = svc.ChangeProposalStatus(ctx, u, ids[0], ponte.ProposalDraft, ponte.CloseReasonWithdrawn, "en")
		wantCode(t, err, ponte.EConflict)
		_, err = svc.ChangeProposalStatus(ctx, u, ids[0], ponte.ProposalClosed, ponte.CloseReasonWithdrawn, "en")
		wantCode(t, err, ponte.EConflict)
		if got, err := svc.ChangeProposalStatus(ctx, u, ids[0], ponte.ProposalDraft, "", "en"); err != nil || got.Status != ponte.ProposalDraft {
			t.Fatalf("take back = %+v, %v", got, err)
		}
		if ns, _ := e.store.ListNotifications(ctx, ponte.NotificationFilter{UserID: u.ID, Limit: 5}); len(ns) != 0 {
			t.Fatalf("taking back notified: %+v", ns[0])
		}
		// The queue: oldest first, in pages.
		page, err := svc.ModerationQueue(ctx, mod, "", 1, "en")
		if err != nil || len(page.Items) != 1 || page.Items[0].ID != ids[1] || page.Next == "" {
			t.Fatalf("page 1 = %+v, %v", page, err)
		}
		page, err = svc.ModerationQueue(ctx, mod, page.Next, 1, "en")
		if err != nil || len(page.Items) != 1 || page.Items[0].ID != ids[2] {
			t.Fatalf("page 2 = %+v, %v", page, err)
		}
		_, err = svc.ModerationQueue(ctx, mod, "x", 1, "en")
		wantCode(t, err, ponte.EBadRequest)
		// Members list their own pending proposals; moderators everyone's.
		mine, err := svc.Proposals(ctx, u, service.ProposalListInput{Status: ponte.ProposalPending}, "en")
		if err != nil || len(mine.Items) != 2 {
			t.Fatalf("own pending = %v", err)
		}
		other := e.member(t, "x@example.hr")
		theirs, err := svc.Proposals(ctx, other, service.ProposalListInput{Status: ponte.ProposalPending}, "en")
		if err != nil || len(theirs.Items) != 0 {
			t.Fatalf("someone else's pending listed: %v", err)
		}
	})
}
