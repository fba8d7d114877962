package web

import "net/http"

// Route is one entry of the route table. The permission test walks this
// table, so no route can be forgotten by it.
type Route struct {
	Method  string
	Pattern string
	Handler handlerFunc
	// Access is who may call it: "public", "visitor" (signed-out only
	// pages still work signed in), "member", "admin".
	Access string
}

// Routes returns the HTML route table: the core pages, then each area's.
func (s *Server) Routes() []Route {
	rs := s.coreRoutes()
	rs = append(rs, s.skillRoutes()...)
	rs = append(rs, s.peopleRoutes()...)
	rs = append(rs, s.orgRoutes()...)
	return rs
}

func (s *Server) coreRoutes() []Route {
	return []Route{
		{"GET", "/{$}", s.home, "public"},
		{"GET", "/privacy", s.privacy, "public"},
		{"POST", "/language", s.setLanguage, "public"},
		{"GET", "/signup", s.signupForm, "public"},
		{"POST", "/signup", s.signup, "public"},
		{"GET", "/signup/done", s.signupDone, "public"},
		{"GET", "/verify", s.verify, "public"},
		{"GET", "/verify/resend", s.resendForm, "public"},
		{"POST", "/verify/resend", s.resend, "public"},
		{"GET", "/login", s.loginForm, "public"},
		{"POST", "/login", s.login, "public"},
		{"POST", "/logout", s.logout, "public"},
		{"GET", "/password/forgot", s.forgotForm, "public"},
		{"POST", "/password/forgot", s.forgot, "public"},
		{"GET", "/password/reset", s.resetForm, "public"},
		{"POST", "/password/reset", s.reset, "public"},
		{"GET", "/setup", s.setupForm, "public"},
		{"POST", "/setup", s.setup, "public"},
		{"GET", "/account", s.account, "member"},
		{"POST", "/account/settings", s.accountSettings, "member"},
		{"POST", "/account/password", s.accountPassword, "member"},
		{"POST", "/account/tokens", s.tokenCreate, "member"},
		{"POST", "/account/tokens/{id}/revoke", s.tokenRevoke, "member"},
		{"GET", "/account/export", s.accountExport, "member"},
		{"GET", "/account/delete", s.accountDeleteForm, "member"},
		{"POST", "/account/delete", s.accountDelete, "member"},
		{"GET", "/admin/users", s.adminUsers, "admin"},
		{"POST", "/admin/users/{id}/role", s.adminSetRole, "admin"},
		{"POST", "/admin/users/{id}/active", s.adminSetActive, "admin"},
		{"GET", "/admin/outbox", s.adminOutbox, "admin"},
	}
}

// Handler returns the whole application: pages, API, static files and
// health checks behind the middleware chain.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	for _, rt := range s.Routes() {
		mux.Handle(rt.Method+" "+rt.Pattern, s.handle(rt.Handler))
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
