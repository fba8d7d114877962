package service_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/i18n"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

// skilled signs up and verifies a member holding the skills (URI → level).
func (e *env) skilled(t *testing.T, email string, skills map[string]int) *ponte.User {
	t.Helper()
	u := e.member(t, email)
	for uri, level := range skills {
		if _, _, err := e.svc.AddSkill(context.Background(), u, service.SkillInput{URI: uri, Level: level}, "en"); err != nil {
			t.Fatal(err)
		}
	}
	return u
}

// published creates and publishes a proposal of u needing the skills
// (URI → essential).
func (e *env) published(t *testing.T, u *ponte.User, title string, skills map[string]bool) *ponte.Proposal {
	t.Helper()
	in := validProposal()
	in.Title, in.Skills, in.Regions, in.Countries = title, nil, nil, nil
	for uri, ess := range skills {
		in.Skills = append(in.Skills, service.ProposalSkillInput{SkillRef: service.SkillRef{URI: uri}, Essential: ess, MinLevel: 2})
	}
	p := e.proposal(t, u, in)
	p, err := e.svc.ChangeProposalStatus(context.Background(), u, p.ID, ponte.ProposalPublished, "", "en")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// mailsTo returns the outbox messages to addr whose subject has part.
func (e *env) mailsTo(t *testing.T, addr, part string) []*ponte.Mail {
	t.Helper()
	all, err := e.store.ListMail(context.Background(), ponte.MailFilter{Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	var out []*ponte.Mail
	for _, m := range all {
		if m.To == addr && strings.Contains(m.Subject, part) {
			out = append(out, m)
		}
	}
	return out
}

func digestSubject(t *testing.T) string {
	cat, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	s := cat.Translate("it", "mail.digest.subject", map[string]any{"Site": "Ponte"})
	if s == "mail.digest.subject" {
		t.Fatal("mail.digest.subject is not in the catalogue")
	}
	return s
}

func TestWeeklyDigest(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		storetest.SeedConcepts(t, e.store)
		subj := digestSubject(t)
		proposer := e.member(t, "proposer@example.si")
		fan := e.skilled(t, "fan@example.si", map[string]int{storetest.URIProjectManagement: 3})
		other := e.skilled(t, "other@example.si", map[string]int{storetest.URIThinkCreatively: 4})
		quiet := e.skilled(t, "quiet@example.si", map[string]int{storetest.URIProjectManagement: 3})
		if err := e.store.SetNotificationPrefs(ctx, &ponte.NotificationPrefs{UserID: quiet.ID, InApp: true,
			Email: true, Digest: false, UpdatedAt: e.now}); err != nil {
			t.Fatal(err)
		}
		// Members are enrolled with a first digest in the coming week, at a
		// moment of their own: nobody gets one the day they join.
		if n, err := e.svc.SendDigests(ctx, e.now); n != 0 || err != nil {
			t.Fatalf("SendDigests on enrolment = %d, %v", n, err)
		}
		e.now = e.now.Add(2 * 24 * time.Hour)
		p := e.published(t, proposer, "Upravljanje projektov za Horizon", map[string]bool{storetest.URIProjectManagement: true})
		e.now = e.now.Add(5*24*time.Hour + time.Hour) // everyone's first digest is due

		n, err := e.svc.SendDigests(ctx, e.now)
		if err != nil || n != 1 {
			t.Fatalf("SendDigests = %d, %v", n, err)
		}
		got := e.mailsTo(t, fan.Email, subj)
		if len(got) != 1 || !strings.Contains(got[0].Text, p.Title) ||
			!strings.Contains(got[0].Text, fmt.Sprintf("http://ponte.test/proposals/%d", p.ID)) ||
			!strings.Contains(got[0].Text, "eseguire la gestione dei progetti") {
			t.Fatalf("digest to the fan = %+v", got)
		}
		for _, u := range []*ponte.User{other, quiet, proposer} { // nothing relevant, setting off, own proposal
			if m := e.mailsTo(t, u.Email, subj); len(m) != 0 {
				t.Fatalf("digest to %s = %+v", u.Email, m)
			}
		}
		// The same week: nothing more, even with a new fitting proposal.
		e.now = e.now.Add(48 * time.Hour)
		p2 := e.published(t, proposer, "Second call", map[string]bool{storetest.URIProjectManagement: true,
			storetest.URIPython: false})
		if n, err := e.svc.SendDigests(ctx, e.now); n != 0 || err != nil {
			t.Fatalf("second run in the week = %d, %v", n, err)
		}
		// Next week two app nodes run at once: one digest, with only the
		// proposal published since the last one.
		e.now = e.now.Add(6 * 24 * time.Hour)
		cat, _ := i18n.Load()
		node2 := service.New(e.store, service.Config{BaseURL: "http://ponte.test"}, cat, nil, nil)
		node2.SetClock(func() time.Time { return e.now })
		var wg sync.WaitGroup
		var total int
		var mu sync.Mutex
		for _, svc := range []*service.Service{e.svc, node2} {
			wg.Go(func() {
				n, err := svc.SendDigests(ctx, e.now)
				if err != nil {
					t.Error(err)
				}
				mu.Lock()
				total += n
				mu.Unlock()
			})
		}
		wg.Wait()
		got = e.mailsTo(t, fan.Email, subj)
		if total != 1 || len(got) != 2 || !strings.Contains(got[0].Text, p2.Title) || strings.Contains(got[0].Text, p.Title) {
			t.Fatalf("next week: total %d, mails %+v", total, got)
		}
		// A week with nothing new: no mail.
		e.now = e.now.Add(7 * 24 * time.Hour)
		if n, err := e.svc.SendDigests(ctx, e.now); n != 0 || err != nil {
			t.Fatalf("empty week = %d, %v", n, err)
		}
	})
}

func TestRecommendedProposals(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		storetest.SeedConcepts(t, e.store)
		proposer := e.member(t, "proposer@example.it")
		me := e.skilled(t, "me@example.it", map[string]int{storetest.URIProjectManagement: 3, storetest.URIWorkInTeams: 2})
		partial := e.published(t, proposer, "Needs the group", map[string]bool{storetest.URIGroupProjects: true})
		exact := e.published(t, proposer, "Needs both", map[string]bool{storetest.URIProjectManagement: true,
			storetest.URIWorkInTeams: false})
		e.published(t, proposer, "Needs other things", map[string]bool{storetest.URIPython: true,
			storetest.URIDataAnalytics: true, storetest.URIWorkInTeams: false})
		e.published(t, me, "My own", map[string]bool{storetest.URIProjectManagement: true})
		recs, err := e.svc.RecommendedProposals(ctx, me, 5, "en")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range recs {
			var names []string
			for _, c := range r.Matched {
				names = append(names, c.Label)
			}
			got = append(got, fmt.Sprintf("%s %.2f %s", r.Proposal.Title, r.Fit, strings.Join(names, "+")))
		}
		// Both skills exactly: 1; the group through a narrower skill: 0.7;
		// one optional skill of five weights: 0.2 (at the threshold).
		want := []string{"Needs both 1.00 perform project management+work in teams",
			"Needs the group 0.70 directing, supervising and coordinating projects",
			"Needs other things 0.20 work in teams"}
		if fmt.Sprint(got) != fmt.Sprint(want) || recs[0].Proposal.ID != exact.ID || recs[1].Proposal.ID != partial.ID {
			t.Fatalf("recommendations =\n%q\nwant\n%q", got, want)
		}
		if recs, err := e.svc.RecommendedProposals(ctx, proposer, 5, "en"); err != nil || len(recs) != 0 {
			t.Fatalf("without skills = %v, %v", recs, err)
		}
		_, err = e.svc.RecommendedProposals(ctx, nil, 5, "en")
		wantCode(t, err, ponte.EUnauthorized)
	})
}
