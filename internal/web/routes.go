package web

import "net/http"

// Route is one entry of the route table. The permission test walks this
// table, so no route can be forgotten by it.
type Route struct {
	Method  string
	Pattern string
	Handler handlerFunc
	// Access is who may call it: "public", "member", "admin". The service
	// layer enforces permissions; this documents the route for the
	// permission tests.
	Access string
	// MaxBody overrides the default request body limit (1 MiB), for uploads.
	MaxBody int64
}

// Routes returns the HTML route table: the core pages, then each area's.
func (s *Server) Routes() []Route {
	rs := s.coreRoutes()
	rs = append(rs, s.skillRoutes()...)
	rs = append(rs, s.peopleRoutes()...)
	rs = append(rs, s.orgRoutes()...)
	rs = append(rs, s.proposalRoutes()...)
	rs = append(rs, s.interestRoutes()...)
	rs = append(rs, s.notificationRoutes()...)
	rs = append(rs, s.matchRoutes()...)
	rs = append(rs, s.searchRoutes()...)
	rs = append(rs, s.savedSearchRoutes()...)
	rs = append(rs, s.attachmentRoutes()...)
	rs = append(rs, s.moderationRoutes()...)
	rs = append(rs, s.openDataRoutes()...)
	return rs
}

func (s *Server) coreRoutes() []Route {
	return []Route{
		{"GET", "/{$}", s.home, "public", 0},
		{"GET", "/privacy", s.privacy, "public", 0},
		{"POST", "/language", s.setLanguage, "public", 0},
		{"GET", "/signup", s.signupForm, "public", 0},
		{"POST", "/signup", s.signup, "public", 0},
		{"GET", "/signup/done", s.signupDone, "public", 0},
		{"GET", "/verify", s.verify, "public", 0},
		{"GET", "/verify/resend", s.resendForm, "public", 0},
		{"POST", "/verify/resend", s.resend, "public", 0},
		{"GET", "/login", s.loginForm, "public", 0},
		{"POST", "/login", s.login, "public", 0},
		{"POST", "/logout", s.logout, "public", 0},
		{"GET", "/password/forgot", s.forgotForm, "public", 0},
		{"POST", "/password/forgot", s.forgot, "public", 0},
		{"GET", "/password/reset", s.resetForm, "public", 0},
		{"POST", "/password/reset", s.reset, "public", 0},
		{"GET", "/setup", s.setupForm, "public", 0},
		{"POST", "/setup", s.setup, "public", 0},
		{"GET", "/account", s.account, "member", 0},
		{"POST", "/account/settings", s.accountSettings, "member", 0},
		{"POST", "/account/password", s.accountPassword, "member", 0},
		{"POST", "/account/tokens", s.tokenCreate, "member", 0},
		{"POST", "/account/tokens/{id}/revoke", s.tokenRevoke, "member", 0},
		{"GET", "/account/export", s.accountExport, "member", 0},
		{"GET", "/account/delete", s.accountDeleteForm, "member", 0},
		{"POST", "/account/delete", s.accountDelete, "member", 0},
		{"GET", "/admin/users", s.adminUsers, "admin", 0},
		{"POST", "/admin/users/{id}/role", s.adminSetRole, "admin", 0},
		{"POST", "/admin/users/{id}/active", s.adminSetActive, "admin", 0},
		{"GET", "/admin/outbox", s.adminOutbox, "admin", 0},
	}
}

// Handler returns the whole application: pages, API, static files and
// health checks behind the middleware chain.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	for _, rt := range s.Routes() {
		limit := rt.MaxBody
		if limit == 0 {
			limit = s.cfg.MaxBodyBytes
		}
		h := s.limitBody(limit, s.handle(rt.Handler))
		if rt.Method == http.MethodGet && cachedRoutes[rt.Pattern] {
			h = s.cachePages(h)
		}
		mux.Handle(rt.Method+" "+rt.Pattern, h)
	}
	mux.Handle("GET /static/", s.assets.handler())
	mux.HandleFunc("GET /favicon.ico", s.assets.favicon)
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /readyz", s.readyz)
	if s.api != nil {
		mux.Handle("/api/", s.api)
	}
	mux.Handle("/", s.handle(s.notFound))
	return s.chain(mux)
}
