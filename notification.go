package ponte

import (
	"context"
	"time"
)

// Notification is one thing a member was told in the app: what happened
// (Kind), the site path it is about and the message's parameters. Its text
// is rendered in the reader's language when shown.
type Notification struct {
	ID        int64
	UserID    int64
	Kind      string
	Link      string
	Params    map[string]string
	CreatedAt time.Time
	ReadAt    *time.Time
}

// NotificationPrefs are a member's notification settings: notifications in
// the app, e-mail for each one, and the weekly digest. A member who never
// changed them has everything on.
type NotificationPrefs struct {
	UserID    int64
	InApp     bool
	Email     bool
	Digest    bool
	UpdatedAt time.Time
}

// DefaultNotificationPrefs are the settings of a member who never chose.
func DefaultNotificationPrefs(userID int64) *NotificationPrefs {
	return &NotificationPrefs{UserID: userID, InApp: true, Email: true, Digest: true}
}

// MaxUnreadCount caps the unread count shown in the header: counting
// stops there, so the header query stays cheap whatever the backlog.
const MaxUnreadCount = 99

// NotificationFilter selects a page of a member's notifications, newest
// first.
type NotificationFilter struct {
	UserID   int64
	BeforeID int64 // keyset: only ids below it (0: from the newest)
	Limit    int
}

// NotificationStore keeps in-app notifications and each member's
// notification settings.
type NotificationStore interface {
	// CreateNotification inserts n and sets its ID.
	CreateNotification(ctx context.Context, n *Notification) error
	// ListNotifications returns a page (see NotificationFilter).
	ListNotifications(ctx context.Context, f NotificationFilter) ([]*Notification, error)
	// CountUnreadNotifications counts a member's unread notifications, up
	// to MaxUnreadCount.
	CountUnreadNotifications(ctx context.Context, userID int64) (int, error)
	// NotificationByID returns one of userID's notifications; ENotFound if
	// it has none with that id.
	NotificationByID(ctx context.Context, userID, id int64) (*Notification, error)
	// MarkNotificationRead marks one of userID's notifications read at at
	// (an already read one keeps its time); ENotFound if it has none with
	// that id.
	MarkNotificationRead(ctx context.Context, userID, id int64, at time.Time) error
	// MarkAllNotificationsRead marks every unread notification of userID
	// read and returns how many it marked.
	MarkAllNotificationsRead(ctx context.Context, userID int64, at time.Time) (int64, error)
	// NotificationPrefs returns a member's settings, the defaults when
	// they never saved any.
	NotificationPrefs(ctx context.Context, userID int64) (*NotificationPrefs, error)
	// SetNotificationPrefs saves a member's settings.
	SetNotificationPrefs(ctx context.Context, p *NotificationPrefs) error
}
