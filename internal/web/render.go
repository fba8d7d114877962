package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/i18n"
)

//go:embed templates
var templateFS embed.FS

// templates holds every page parsed with the layout, once per language: the
// translation functions are bound to the language, so templates just say
// {{t "key"}}.
type templates struct {
	pages map[string]map[string]*template.Template // lang → page → template
}

func parseTemplates(cat *i18n.Catalog, a *assets) (*templates, error) {
	names, err := fs.Glob(templateFS, "templates/pages/*.html")
	if err != nil {
		return nil, err
	}
	ts := &templates{pages: map[string]map[string]*template.Template{}}
	for _, lang := range ponte.Languages {
		base, err := template.New("").Funcs(funcs(cat, lang, a)).ParseFS(templateFS, "templates/*.html")
		if err != nil {
			return nil, fmt.Errorf("web: templates: %w", err)
		}
		ts.pages[lang] = map[string]*template.Template{}
		for _, n := range names {
			t, err := template.Must(base.Clone()).ParseFS(templateFS, n)
			if err != nil {
				return nil, fmt.Errorf("web: template %s: %w", n, err)
			}
			ts.pages[lang][strings.TrimSuffix(path.Base(n), ".html")] = t
		}
	}
	return ts, nil
}

// page is what every template gets: the layout's needs plus Data, the
// page's own typed struct.
type page struct {
	Lang      string
	Title     string // a message key
	User      *ponte.User
	Path      string // the current path and query, for "come back here" links
	RequestID string
	Flash     string // a message key, from the previous request
	Form      *form
	Data      any
	Status    int
	Languages []langOption
	Now       time.Time
	Unread    int // the member's unread notifications, for the header
}

type langOption struct {
	Code, Name string
	Current    bool
}

func (s *Server) newPage(r *http.Request, title string, data any) *page {
	l := lang(r)
	opts := make([]langOption, 0, len(ponte.Languages))
	for _, c := range ponte.Languages {
		opts = append(opts, langOption{Code: c, Name: languageNames[c], Current: c == l})
	}
	return &page{Lang: l, Title: title, User: currentUser(r), Path: r.URL.RequestURI(),
		RequestID: RequestID(r), Data: data, Languages: opts, Now: time.Now(),
		Unread: s.unreadNotifications(r)}
}

// render writes a page with a status. It renders into a buffer first, so a
// template error becomes a clean 500 instead of half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, p *page) error {
	t := s.tmpl.pages[p.Lang][name]
	if t == nil {
		return fmt.Errorf("web: no template %q", name)
	}
	if c, err := r.Cookie(flashCookie); err == nil && strings.HasPrefix(c.Value, "flash.") {
		p.Flash = c.Value
		s.clearCookie(w, flashCookie)
	}
	p.Status = status
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", p); err != nil {
		return fmt.Errorf("web: render %s: %w", name, err)
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Language", p.Lang)
	h.Set("Vary", "Cookie, Accept-Language")
	if p.User != nil {
		h.Set("Cache-Control", "private, no-store")
	}
	w.WriteHeader(status)
	_, err := w.Write(buf.Bytes())
	return err
}

// flashCookie carries a one-shot message key across a redirect.
const flashCookie = "ponte_flash"

// redirectFlash redirects after a successful POST with a message to show.
func (s *Server) redirectFlash(w http.ResponseWriter, r *http.Request, to, key string) error {
	s.setCookie(w, flashCookie, key, time.Minute)
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}
