package sqlstore_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/sqlstore"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
)

// seedNotifications gives one heavy member 20,000 notifications (half of
// them unread) and 1,000 others 80 each, interleaved as real traffic is.
// It returns the heavy member's id and an id half-way down their list.
func seedNotifications(b *testing.B, st *sqlstore.Store) (heavy, middle int64) {
	ctx := context.Background()
	t0 := time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)
	var users []int64
	for n := range 1001 {
		u := &ponte.User{Email: fmt.Sprintf("n%d@example.org", n), DisplayName: "n", PasswordHash: "x",
			Role: ponte.RoleMember, Lang: "en", CreatedAt: t0, UpdatedAt: t0}
		if err := st.CreateUser(ctx, u); err != nil {
			b.Fatal(err)
		}
		users = append(users, u.ID)
	}
	heavy = users[0]
	var ids []int64
	for batch := range 100 {
		err := st.Tx(ctx, func(tx ponte.Store) error {
			for k := range 1000 {
				n := batch*1000 + k
				uid := users[1+n%1000]
				if n%5 == 0 {
					uid = heavy
				}
				x := &ponte.Notification{UserID: uid, Kind: "interest_received", Link: "/proposals/1",
					Params: map[string]string{"Title": "Senzori", "Name": "Ana"}, CreatedAt: t0.Add(time.Duration(n) * time.Second)}
				if uid == heavy && n%10 == 0 {
					x.ReadAt = &x.CreatedAt
				}
				if err := tx.CreateNotification(ctx, x); err != nil {
					return err
				}
				if uid == heavy {
					ids = append(ids, x.ID)
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	return heavy, ids[len(ids)/2]
}

// BenchmarkNotifications measures the header's unread count (on every page
// a member sees) and the centre's pages, on 100,000 notifications.
func BenchmarkNotifications(b *testing.B) {
	ctx := context.Background()
	for _, backend := range sqltest.Backends(b) {
		st := sqltest.Open(b, backend)
		heavy, middle := seedNotifications(b, st)
		b.Run(backend+"/unread count (capped)", func(b *testing.B) {
			for b.Loop() {
				if n, err := st.CountUnreadNotifications(ctx, heavy); err != nil || n != ponte.MaxUnreadCount {
					b.Fatal(n, err)
				}
			}
		})
		b.Run(backend+"/unread count (light member)", func(b *testing.B) {
			for b.Loop() {
				if _, err := st.CountUnreadNotifications(ctx, heavy+1); err != nil {
					b.Fatal(err)
				}
			}
		})
		for _, before := range []int64{0, middle} {
			b.Run(fmt.Sprintf("%s/page of 30 (before %d)", backend, before), func(b *testing.B) {
				for b.Loop() {
					page, err := st.ListNotifications(ctx, ponte.NotificationFilter{UserID: heavy, BeforeID: before, Limit: 30})
					if err != nil || len(page) != 30 {
						b.Fatal(len(page), err)
					}
				}
			})
		}
	}
}
