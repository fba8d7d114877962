package web

import (
	"net/http"
)

// notificationRoutes are the notification centre and notification settings.
func (s *Server) notificationRoutes() []Route { return nil }

// unreadNotifications counts the signed-in member's unread notifications
// for the header; 0 for visitors.
func (s *Server) unreadNotifications(r *http.Request) int { return 0 }
