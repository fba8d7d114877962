package service

import (
	"context"
	"time"

	"github.com/ponte-platform/ponte"
)

// SavedSearchExport is one saved search in a DataExport.
type SavedSearchExport struct {
	Name      string    `json:"name"`
	Query     string    `json:"query"`
	Alert     bool      `json:"alert"`
	CheckedAt time.Time `json:"checked_at"`
	CreatedAt time.Time `json:"created_at"`
}

// DigestExport is the weekly digest's state in a DataExport.
type DigestExport struct {
	NextAt    time.Time  `json:"next_at"`
	CheckedAt *time.Time `json:"checked_at"`
	SentAt    *time.Time `json:"last_sent_at"`
}

// exportSavedSearches adds the saved searches and digest state of u.
func (s *Service) exportSavedSearches(ctx context.Context, u *ponte.User, x *DataExport) error {
	list, err := s.store.SavedSearches(ctx, u.ID)
	if err != nil {
		return err
	}
	x.SavedSearches = make([]SavedSearchExport, 0, len(list))
	for _, ss := range list {
		x.SavedSearches = append(x.SavedSearches, SavedSearchExport{ss.Name, ss.Query, ss.Alert, ss.CheckedAt, ss.CreatedAt})
	}
	st, err := s.store.DigestStateOf(ctx, u.ID)
	switch {
	case ponte.ErrorCode(err) == ponte.ENotFound:
		return nil
	case err != nil:
		return err
	}
	x.Digest = &DigestExport{NextAt: st.NextAt, CheckedAt: st.CheckedAt, SentAt: st.SentAt}
	return nil
}
