// Package web serves Ponte's HTML pages. Handlers parse a typed form, call the
// service (which authorises and validates), and render a typed page struct
// with html/template. It never touches SQL.
package web

import (
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/ponte-platform/ponte/internal/i18n"
	"github.com/ponte-platform/ponte/internal/service"
)

// Config is what the web layer needs to know about its deployment.
type Config struct {
	BaseURL      string // e.g. https://ponte.example.eu; https makes cookies Secure
	TrustProxy   bool   // take the client address from X-Forwarded-For
	MaxBodyBytes int64  // request body limit for forms (default 1 MiB)
	Version      string
	// PageCacheBytes bounds the cache of visitors' rendered pages
	// (pagecache.go), and a quarter of it members' pages; 0 turns both
	// off.
	PageCacheBytes int64
}

// Server is the HTML front end.
type Server struct {
	cfg     Config
	svc     *service.Service
	cat     *i18n.Catalog
	log     *slog.Logger
	tmpl    *templates
	assets  *assets
	started time.Time
	api     http.Handler
	pages   *pageCache // visitors' pages; nil when off
	members *pageCache // members' pages; nil when off
}

// New builds the server, parsing and checking every template at start-up so
// a broken template stops the process instead of failing a request.
func New(cfg Config, svc *service.Service, cat *i18n.Catalog, api http.Handler, log *slog.Logger) (*Server, error) {
	if cfg.MaxBodyBytes == 0 {
		cfg.MaxBodyBytes = 1 << 20
	}
	cfg.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
	a, err := loadAssets()
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, svc: svc, cat: cat, log: log, assets: a, started: time.Now(), api: api,
		pages: newPageCache(cfg.PageCacheBytes), members: newPageCache(cfg.PageCacheBytes / 4)}
	if s.tmpl, err = parseTemplates(cat, a); err != nil {
		return nil, err
	}
	return s, nil
}

// secureCookies reports whether cookies get the Secure flag.
func (s *Server) secureCookies() bool { return strings.HasPrefix(s.cfg.BaseURL, "https://") }
