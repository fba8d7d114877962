package service

import (
	"context"
	"strconv"
	"strings"

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

// notify records n for its member inside st's transaction: a notification
// in the centre if their in-app setting is on, and an e-mail in the outbox,
// in their language, if their e-mail setting is on (and the address is
// confirmed and the account active). The caller pokes the mailer after
// committing (s.pokeMailer), so the message leaves at once.
func (s *Service) notify(ctx context.Context, st ponte.Store, n Notice) error {
	prefs, err := st.NotificationPrefs(ctx, n.UserID)
	if err != nil {
		return err
	}
	if prefs.InApp {
		note := &ponte.Notification{UserID: n.UserID, Kind: n.Kind, Link: n.Link, Params: n.Params, CreatedAt: s.now()}
		if err := st.CreateNotification(ctx, note); err != nil {
			return err
		}
	}
	if !prefs.Email {
		return nil
	}
	u, err := st.UserByID(ctx, n.UserID)
	if err != nil {
		return err
	}
	if !u.Active() || u.EmailVerified == nil {
		return nil
	}
	data := noticeData(n.Params)
	data["Link"] = strings.TrimRight(s.cfg.BaseURL, "/") + n.Link
	return s.queueMail(ctx, st, u, "mail."+n.Kind, data)
}

func noticeData(params map[string]string) map[string]any {
	data := make(map[string]any, len(params)+2)
	for k, v := range params {
		data[k] = v
	}
	return data
}

// NotificationView is a notification with its text in the reader's
// language.
type NotificationView struct {
	*ponte.Notification
	Text string
}

// NotificationPage is a page of a member's notifications, newest first;
// Next is the cursor of the following page ("" at the end).
type NotificationPage struct {
	Items []*NotificationView
	Next  string
}

// notificationPageSize is how many notifications one page lists.
const notificationPageSize = 30

// Notifications lists the actor's notifications, newest first, written in
// lang.
func (s *Service) Notifications(ctx context.Context, actor *ponte.User, cursor, lang string) (*NotificationPage, error) {
	if !actor.Active() {
		return nil, unauthorized()
	}
	before, err := interestCursor(cursor)
	if err != nil {
		return nil, err
	}
	items, err := s.store.ListNotifications(ctx, ponte.NotificationFilter{UserID: actor.ID, BeforeID: before, Limit: notificationPageSize})
	if err != nil {
		return nil, err
	}
	page := &NotificationPage{Items: make([]*NotificationView, 0, len(items))}
	for _, n := range items {
		page.Items = append(page.Items, &NotificationView{Notification: n,
			Text: s.tr.Translate(lang, "notification."+n.Kind, noticeData(n.Params))})
	}
	if len(items) == notificationPageSize {
		page.Next = strconv.FormatInt(items[len(items)-1].ID, 10)
	}
	return page, nil
}

// UnreadNotifications counts the actor's unread notifications, up to
// ponte.MaxUnreadCount; 0 for visitors.
func (s *Service) UnreadNotifications(ctx context.Context, actor *ponte.User) (int, error) {
	if !actor.Active() {
		return 0, nil
	}
	return s.store.CountUnreadNotifications(ctx, actor.ID)
}

// ReadNotification marks one of the actor's notifications read and returns
// it (to follow its link); another member's is ENotFound.
func (s *Service) ReadNotification(ctx context.Context, actor *ponte.User, id int64) (*ponte.Notification, error) {
	if !actor.Active() {
		return nil, unauthorized()
	}
	if err := s.store.MarkNotificationRead(ctx, actor.ID, id, s.now()); err != nil {
		return nil, err
	}
	return s.store.NotificationByID(ctx, actor.ID, id)
}

// ReadAllNotifications marks every unread notification of the actor read
// and returns how many it marked.
func (s *Service) ReadAllNotifications(ctx context.Context, actor *ponte.User) (int64, error) {
	if !actor.Active() {
		return 0, unauthorized()
	}
	return s.store.MarkAllNotificationsRead(ctx, actor.ID, s.now())
}

// NotificationSettings returns the actor's notification settings.
func (s *Service) NotificationSettings(ctx context.Context, actor *ponte.User) (*ponte.NotificationPrefs, error) {
	if !actor.Active() {
		return nil, unauthorized()
	}
	return s.store.NotificationPrefs(ctx, actor.ID)
}

// NotificationSettingsInput is the settings form: each switch on or off.
type NotificationSettingsInput struct {
	InApp, Email, Digest bool
}

// SetNotificationSettings saves the actor's notification settings.
func (s *Service) SetNotificationSettings(ctx context.Context, actor *ponte.User, in NotificationSettingsInput) (*ponte.NotificationPrefs, error) {
	if !actor.Active() {
		return nil, unauthorized()
	}
	p := &ponte.NotificationPrefs{UserID: actor.ID, InApp: in.InApp, Email: in.Email, Digest: in.Digest, UpdatedAt: s.now()}
	if err := s.store.SetNotificationPrefs(ctx, p); err != nil {
		return nil, err
	}
	return p, nil
}
