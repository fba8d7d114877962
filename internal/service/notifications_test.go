package service_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

func TestNotificationSettingsRouteNotices(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		storetest.SeedConcepts(t, e.store)
		owner, ana, bob := e.member(t, "owner@example.si"), e.member(t, "ana@example.hr"), e.member(t, "bob@example.it")
		got, err := e.svc.NotificationSettings(ctx, owner)
		if err != nil || !got.InApp || !got.Email || !got.Digest {
			t.Fatalf("defaults = %+v, %v", got, err)
		}
		_, err = e.svc.NotificationSettings(ctx, nil)
		wantCode(t, err, ponte.EUnauthorized)
		// E-mail only: no notification in the centre, a message in the outbox.
		if _, err := e.svc.SetNotificationSettings(ctx, owner, service.NotificationSettingsInput{Email: true}); err != nil {
			t.Fatal(err)
		}
		before := len(e.interestMail(t, owner.Email))
		p := e.publishedFor(t, owner, 0)
		if _, _, err := e.svc.ExpressInterest(ctx, ana, p.ID, service.InterestInput{Message: "m"}, "en"); err != nil {
			t.Fatal(err)
		}
		if k := e.noticeKinds(t, owner); len(k) != 0 || len(e.interestMail(t, owner.Email)) != before+1 {
			t.Fatalf("e-mail only: notifications %v, mail %d → %d", k, before, len(e.interestMail(t, owner.Email)))
		}
		// In the app only: a notification, no e-mail.
		if _, err := e.svc.SetNotificationSettings(ctx, owner, service.NotificationSettingsInput{InApp: true, Digest: true}); err != nil {
			t.Fatal(err)
		}
		if _, _, err := e.svc.ExpressInterest(ctx, bob, p.ID, service.InterestInput{Message: "m"}, "en"); err != nil {
			t.Fatal(err)
		}
		if k := e.noticeKinds(t, owner); len(k) != 1 || len(e.interestMail(t, owner.Email)) != before+1 {
			t.Fatalf("in-app only: notifications %v, mail %d", k, len(e.interestMail(t, owner.Email)))
		}
		got, _ = e.svc.NotificationSettings(ctx, owner)
		if !got.InApp || got.Email || !got.Digest {
			t.Fatalf("saved = %+v", got)
		}
	})
}

func TestNotificationCentre(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		storetest.SeedConcepts(t, e.store)
		owner := e.member(t, "owner@example.si")
		p := e.publishedFor(t, owner, 0)
		var first int64
		for n := range 35 {
			u := e.member(t, "m"+strings.Repeat("x", n)+"@example.org")
			if _, _, err := e.svc.ExpressInterest(ctx, u, p.ID, service.InterestInput{Message: "m"}, "en"); err != nil {
				t.Fatal(err)
			}
		}
		if n, err := e.svc.UnreadNotifications(ctx, owner); err != nil || n != 35 {
			t.Fatalf("unread = %d, %v", n, err)
		}
		if n, _ := e.svc.UnreadNotifications(ctx, nil); n != 0 {
			t.Fatalf("a visitor has %d unread", n)
		}
		page, err := e.svc.Notifications(ctx, owner, "", "sl")
		if err != nil || len(page.Items) != 30 || page.Next == "" || !strings.Contains(page.Items[0].Text, "Partner za Horizon") ||
			!strings.Contains(page.Items[0].Text, "izraža interes") {
			t.Fatalf("page 1 = %d items, next %q, %v", len(page.Items), page.Next, err)
		}
		rest, err := e.svc.Notifications(ctx, owner, page.Next, "en")
		if err != nil || len(rest.Items) != 5 || rest.Next != "" || rest.Items[0].ID >= page.Items[29].ID {
			t.Fatalf("page 2 = %+v, %v", rest, err)
		}
		first = rest.Items[4].ID
		_, err = e.svc.Notifications(ctx, owner, "x", "en")
		wantCode(t, err, ponte.EBadRequest)
		// Reading: one's own only.
		other := e.member(t, "other@example.org")
		_, err = e.svc.ReadNotification(ctx, other, first)
		wantCode(t, err, ponte.ENotFound)
		n, err := e.svc.ReadNotification(ctx, owner, first)
		if err != nil || n.ReadAt == nil || n.Link != fmt.Sprintf("/proposals/%d", p.ID) {
			t.Fatalf("read = %+v, %v", n, err)
		}
		if c, _ := e.svc.UnreadNotifications(ctx, owner); c != 34 {
			t.Fatalf("unread after one = %d", c)
		}
		if c, err := e.svc.ReadAllNotifications(ctx, owner); err != nil || c != 34 {
			t.Fatalf("read all = %d, %v", c, err)
		}
		if c, _ := e.svc.UnreadNotifications(ctx, owner); c != 0 {
			t.Fatalf("unread after all = %d", c)
		}
	})
}

func TestInterestsInDataExport(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		storetest.SeedConcepts(t, e.store)
		owner, ana := e.member(t, "owner@example.si"), e.member(t, "ana@example.hr")
		p := e.publishedFor(t, owner, 0)
		v, _, err := e.svc.ExpressInterest(ctx, ana, p.ID, service.InterestInput{Message: "Naša poruka"}, "en")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.svc.DecideInterest(ctx, owner, p.ID, v.ID, service.DecisionAccept, "en"); err != nil {
			t.Fatal(err)
		}
		if _, err := e.svc.SetNotificationSettings(ctx, ana, service.NotificationSettingsInput{InApp: true}); err != nil {
			t.Fatal(err)
		}
		x, err := e.svc.ExportMyData(ctx, ana)
		if err != nil {
			t.Fatal(err)
		}
		if len(x.Interests) != 1 || x.Interests[0].Message != "Naša poruka" || x.Interests[0].Status != ponte.InterestAccepted ||
			len(x.Notifications) != 1 || x.Notifications[0].Kind != "interest_accepted" ||
			x.NotificationSettings == nil || !x.NotificationSettings.InApp || x.NotificationSettings.Email {
			t.Fatalf("export = %+v %+v %+v", x.Interests, x.Notifications, x.NotificationSettings)
		}
		b, _ := json.Marshal(x)
		for _, key := range []string{`"interests":`, `"notifications":`, `"notification_settings":`, `"weekly_digest":false`} {
			if !strings.Contains(string(b), key) {
				t.Fatalf("export JSON lacks %s", key)
			}
		}
		// Deleting either account leaves the other side's data consistent.
		if err := e.svc.DeleteMyAccount(ctx, ana, "correct horse battery"); err != nil {
			t.Fatal(err)
		}
		page, err := e.svc.Interests(ctx, owner, p.ID, "", "en")
		if err != nil || len(page.Items) != 0 {
			t.Fatalf("after deletion = %+v, %v", page, err)
		}
	})
}
