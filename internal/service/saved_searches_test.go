package service_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

func TestSavedSearchRules(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		storetest.SeedConcepts(t, e.store)
		me, other := e.member(t, "me@example.hr"), e.member(t, "other@example.hr")
		// A typed skill is saved as its concept; state and paging are dropped.
		ss, err := e.svc.SaveSearch(ctx, me, "  Project   managers ", url.Values{"skill_q": {"perform project management"},
			"status": {"closed"}, "after": {"5"}, "region": {"hr05"}, "type": {""}}, "en")
		if err != nil {
			t.Fatal(err)
		}
		want := url.Values{"skill_uri": {storetest.URIProjectManagement}, "region": {"hr05"}}.Encode()
		if ss.Name != "Project managers" || ss.Query != want || !ss.Alert {
			t.Fatalf("saved = %+v, want query %s", ss, want)
		}
		_, err = e.svc.SaveSearch(ctx, me, " ", url.Values{"region": {"ZZ9"}, "type": {"bogus"}}, "en")
		wantField(t, err, "name", "saved_search.error.name_required")
		wantField(t, err, "region", "org.error.region_unknown")
		wantField(t, err, "type", "error.choose_option")
		_, err = e.svc.SaveSearch(ctx, me, strings.Repeat("ž", ponte.MaxSavedSearchNameLen+1), nil, "en")
		wantField(t, err, "name", "saved_search.error.name_long")
		_, err = e.svc.SaveSearch(ctx, nil, "x", nil, "en")
		wantCode(t, err, ponte.EUnauthorized)
		for i := 1; i < ponte.MaxSavedSearches; i++ {
			if _, err := e.svc.SaveSearch(ctx, me, fmt.Sprint("search ", i), url.Values{"s3_area": {"mobility"}}, "en"); err != nil {
				t.Fatal(err)
			}
		}
		_, err = e.svc.SaveSearch(ctx, me, "one too many", nil, "en")
		wantField(t, err, "name", "saved_search.error.limit")
		list, err := e.svc.MySavedSearches(ctx, me)
		if err != nil || len(list) != ponte.MaxSavedSearches || list[0].ID != ss.ID {
			t.Fatalf("MySavedSearches = %d, %v", len(list), err)
		}
		// Only the owner changes or deletes a search.
		wantCode(t, e.svc.DeleteSavedSearch(ctx, other, ss.ID), ponte.ENotFound)
		wantCode(t, e.svc.SetSavedSearchAlert(ctx, other, ss.ID, false), ponte.ENotFound)
		if err := e.svc.SetSavedSearchAlert(ctx, me, ss.ID, false); err != nil {
			t.Fatal(err)
		}
		if err := e.svc.DeleteSavedSearch(ctx, me, ss.ID); err != nil {
			t.Fatal(err)
		}
		if list, _ := e.svc.MySavedSearches(ctx, me); len(list) != ponte.MaxSavedSearches-1 {
			t.Fatalf("after delete: %d", len(list))
		}
		// The data export holds the searches and the digest state (the
		// first run enrols the member, the first digest is due within a week).
		for _, at := range []time.Time{e.now, e.now.Add(7*24*time.Hour + time.Minute)} {
			if _, err := e.svc.SendDigests(ctx, at); err != nil {
				t.Fatal(err)
			}
		}
		x, err := e.svc.ExportMyData(ctx, me)
		if err != nil || len(x.SavedSearches) != ponte.MaxSavedSearches-1 || x.SavedSearches[0].Query != "s3_area=mobility" ||
			x.Digest == nil || x.Digest.CheckedAt == nil || x.Digest.SentAt != nil {
			t.Fatalf("export = %+v, %+v, %v", x.SavedSearches, x.Digest, err)
		}
	})
}

func TestSavedSearchAlerts(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		storetest.SeedConcepts(t, e.store)
		proposer, me := e.member(t, "proposer@example.ro"), e.member(t, "me@example.ro")
		old := e.published(t, proposer, "Published before saving", map[string]bool{storetest.URIManageBudgets: true})
		e.now = e.now.Add(time.Minute)
		ss, err := e.svc.SaveSearch(ctx, me, "Budgets", url.Values{"skill_uri": {storetest.URIGroupBudgets}}, "en")
		if err != nil {
			t.Fatal(err)
		}
		quiet, err := e.svc.SaveSearch(ctx, me, "Quiet", url.Values{"skill_uri": {storetest.URIGroupBudgets}}, "en")
		if err != nil || e.svc.SetSavedSearchAlert(ctx, me, quiet.ID, false) != nil {
			t.Fatal(err)
		}
		e.now = e.now.Add(time.Hour)
		a := e.published(t, proposer, "Budget partner", map[string]bool{storetest.URIManageBudgets: true}) // narrower: matches
		b := e.published(t, proposer, "Second budget partner", map[string]bool{storetest.URIManageBudgets: true})
		e.published(t, proposer, "Python only", map[string]bool{storetest.URIPython: true})
		e.published(t, me, "My own budget", map[string]bool{storetest.URIManageBudgets: true})
		e.now = e.now.Add(time.Hour)
		n, err := e.svc.CheckSavedSearches(ctx, e.now)
		if err != nil || n != 1 {
			t.Fatalf("CheckSavedSearches = %d, %v", n, err)
		}
		notes, err := e.store.ListNotifications(ctx, ponte.NotificationFilter{UserID: me.ID, Limit: 10})
		if err != nil || len(notes) != 1 || notes[0].Kind != "saved_search_match" || notes[0].Params["Name"] != ss.Name ||
			notes[0].Params["Count"] != "2" || notes[0].Params["Titles"] != b.Title+"; "+a.Title ||
			notes[0].Link != "/proposals?"+ss.Query {
			t.Fatalf("notifications = %+v, %v", notes, err)
		}
		if strings.Contains(notes[0].Params["Titles"], old.Title) {
			t.Fatal("announced a proposal published before the search was saved")
		}
		mails := e.mailsTo(t, me.Email, "")
		if last := mails[0]; !strings.Contains(last.Text, a.Title) || !strings.Contains(last.Text, "http://ponte.test/proposals?") {
			t.Fatalf("alert mail = %+v", last)
		}
		// Nothing new: no second alert, however often the janitor runs.
		for range 3 {
			e.now = e.now.Add(time.Hour)
			if n, err := e.svc.CheckSavedSearches(ctx, e.now); n != 0 || err != nil {
				t.Fatalf("rerun = %d, %v", n, err)
			}
		}
		e.published(t, proposer, "Third", map[string]bool{storetest.URIManageBudgets: false, storetest.URIPython: true})
		e.now = e.now.Add(time.Hour)
		if n, err := e.svc.CheckSavedSearches(ctx, e.now); n != 1 || err != nil {
			t.Fatalf("after a new one = %d, %v", n, err)
		}
	})
}
