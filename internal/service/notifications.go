package service

import (
	"context"

	"github.com/ponte-platform/ponte"
)

// Notice is one thing to tell a member, in the app and by e-mail, as their
// notification settings allow. Its text comes from the catalogue in the
// member's language: "notification.<Kind>" for the notification centre,
// "mail.<Kind>.subject" and "mail.<Kind>.body" for the e-mail, each given
// Params (and "Link", the absolute URL of Link).
type Notice struct {
	UserID int64
	Kind   string            // what happened, e.g. "interest_received"
	Link   string            // the site path it is about, e.g. "/proposals/7"
	Params map[string]string // message parameters
}

// notify records n for its member inside st's transaction.
func (s *Service) notify(ctx context.Context, st ponte.Store, n Notice) error {
	return nil
}
