package web

import (
	"net/http"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
)

// notificationRoutes are the notification centre and notification settings.
func (s *Server) notificationRoutes() []Route {
	return []Route{
		{"GET", "/notifications", s.notificationCentre, "member", 0},
		{"POST", "/notifications/read", s.notificationsReadAll, "member", 0},
		{"GET", "/notifications/{id}", s.notificationOpen, "member", 0},
		{"POST", "/notifications/{id}/read", s.notificationRead, "member", 0},
		{"GET", "/notifications/settings", s.notificationSettings, "member", 0},
		{"POST", "/notifications/settings", s.notificationSettingsSave, "member", 0},
	}
}

// unreadNotifications counts the signed-in member's unread notifications
// for the header; 0 for visitors. It is one query on a partial index of
// unread rows, capped at ponte.MaxUnreadCount; a failure only hides the
// badge.
func (s *Server) unreadNotifications(r *http.Request) int {
	u := currentUser(r)
	if u == nil {
		return 0
	}
	st := state(r)
	if st.unread != nil { // counted already, for the page cache's key
		return *st.unread
	}
	n, err := s.svc.UnreadNotifications(r.Context(), u)
	if err != nil {
		s.log.Warn("unread notifications", "err", err)
		return 0
	}
	st.unread = &n
	return n
}

// notificationsData is the notification centre.
type notificationsData struct {
	Items   []*service.NotificationView
	Unread  bool   // some item on the page is unread
	NextURL string // the older notifications
}

func (s *Server) notificationCentre(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	page, err := s.svc.Notifications(r.Context(), u, r.URL.Query().Get("before"), lang(r))
	if err != nil {
		return err
	}
	d := &notificationsData{Items: page.Items}
	for _, n := range page.Items {
		d.Unread = d.Unread || n.ReadAt == nil
	}
	if page.Next != "" {
		d.NextURL = "/notifications?before=" + page.Next
	}
	return s.render(w, r, http.StatusOK, "notifications", s.newPage(r, "notification.title", d))
}

// notificationOpen marks a notification read and follows its link.
func (s *Server) notificationOpen(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	n, err := s.svc.ReadNotification(r.Context(), u, id)
	if err != nil {
		return err
	}
	to := "/notifications"
	if n.Link != "" {
		to = localPath(n.Link)
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}

// notificationRead marks one notification read.
func (s *Server) notificationRead(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if _, err := s.svc.ReadNotification(r.Context(), u, id); err != nil {
		return err
	}
	http.Redirect(w, r, "/notifications", http.StatusSeeOther)
	return nil
}

// notificationsReadAll marks every notification read.
func (s *Server) notificationsReadAll(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	if _, err := s.svc.ReadAllNotifications(r.Context(), u); err != nil {
		return err
	}
	http.Redirect(w, r, "/notifications", http.StatusSeeOther)
	return nil
}

// notificationSettingsData is the settings page: the three switches.
type notificationSettingsData struct {
	Prefs *ponte.NotificationPrefs
	Saved bool
}

func (s *Server) notificationSettings(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	p, err := s.svc.NotificationSettings(r.Context(), u)
	if err != nil {
		return err
	}
	d := &notificationSettingsData{Prefs: p, Saved: r.URL.Query().Get("saved") == "1"}
	return s.render(w, r, http.StatusOK, "notification_settings", s.newPage(r, "notification.settings_title", d))
}

// notificationSettingsSave saves the switches: an unticked box is off.
func (s *Server) notificationSettingsSave(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	f, err := parseForm(r)
	if err != nil {
		return err
	}
	in := service.NotificationSettingsInput{InApp: f.Checked("in_app"), Email: f.Checked("email"), Digest: f.Checked("digest")}
	if _, err := s.svc.SetNotificationSettings(r.Context(), u, in); err != nil {
		return err
	}
	http.Redirect(w, r, "/notifications/settings?saved=1", http.StatusSeeOther)
	return nil
}
