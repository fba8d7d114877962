package service

import (
	"context"
	"time"

	"github.com/ponte-platform/ponte"
)

// InterestExport is one expression of interest the person made.
type InterestExport struct {
	ProposalID    int64      `json:"proposal_id"`
	ProposalTitle string     `json:"proposal_title"`
	OrgID         *int64     `json:"organisation_id"`
	Message       string     `json:"message"`
	Status        string     `json:"status"`
	CreatedAt     time.Time  `json:"created_at"`
	DecidedAt     *time.Time `json:"decided_at"`
}

// NotificationExport is one in-app notification the person received.
type NotificationExport struct {
	Kind      string            `json:"kind"`
	Link      string            `json:"link"`
	Params    map[string]string `json:"params"`
	CreatedAt time.Time         `json:"created_at"`
	ReadAt    *time.Time        `json:"read_at"`
}

// NotificationSettingsExport is the person's notification settings.
type NotificationSettingsExport struct {
	InApp  bool `json:"in_app"`
	Email  bool `json:"email"`
	Digest bool `json:"weekly_digest"`
}

// exportBatch is how many rows one export query reads.
const exportBatch = 500

// exportInterests adds the person's expressions of interest, notifications
// and notification settings, reading in keyset pages.
func (s *Service) exportInterests(ctx context.Context, u *ponte.User, x *DataExport) error {
	x.Interests, x.Notifications = []InterestExport{}, []NotificationExport{}
	for before := int64(0); ; {
		page, err := s.store.ListInterests(ctx, ponte.InterestFilter{UserID: u.ID, BeforeID: before, Limit: exportBatch})
		if err != nil {
			return err
		}
		for _, i := range page {
			x.Interests = append(x.Interests, InterestExport{i.ProposalID, i.ProposalTitle, i.OrgID, i.Message,
				i.Status, i.CreatedAt, i.DecidedAt})
		}
		if len(page) < exportBatch {
			break
		}
		before = page[len(page)-1].ID
	}
	for before := int64(0); ; {
		page, err := s.store.ListNotifications(ctx, ponte.NotificationFilter{UserID: u.ID, BeforeID: before, Limit: exportBatch})
		if err != nil {
			return err
		}
		for _, n := range page {
			x.Notifications = append(x.Notifications, NotificationExport{n.Kind, n.Link, n.Params, n.CreatedAt, n.ReadAt})
		}
		if len(page) < exportBatch {
			break
		}
		before = page[len(page)-1].ID
	}
	p, err := s.store.NotificationPrefs(ctx, u.ID)
	if err != nil {
		return err
	}
	x.NotificationSettings = &NotificationSettingsExport{p.InApp, p.Email, p.Digest}
	return nil
}
