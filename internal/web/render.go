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

// templates holds, once per language, one set of templates: the layout,
// the partials and every page's content, the page file's "content" block
// named "page:NAME". The translation functions are bound to the language,
// so templates just say {{t "key"}}. A page renders its content, which the
// layout then takes as .Content: one set per language instead of a copy of
// the layout and the partials per page (html/template copies the parse
// trees it clones; that was forty megabytes of the server's heap).
type templates struct {
	sets   map[string]*template.Template            // lang → the set
	pages  map[string]map[string]*template.Template // lang → page → its content
	layout map[string]*template.Template            // lang → the layout
}

func parseTemplates(cat *i18n.Catalog, a *assets) (*templates, error) {
	names, err := fs.Glob(templateFS, "templates/pages/*.html")
	if err != nil {
		return nil, err
	}
	ts := &templates{sets: map[string]*template.Template{}, pages: map[string]map[string]*template.Template{},
		layout: map[string]*template.Template{}}
	for _, lang := range ponte.Languages {
		fm := funcs(cat, lang, a)
		set, err := template.New("").Funcs(fm).ParseFS(templateFS, "templates/*.html")
		if err != nil {
			return nil, fmt.Errorf("web: templates: %w", err)
		}
		ts.pages[lang] = map[string]*template.Template{}
		for _, n := range names {
			name := strings.TrimSuffix(path.Base(n), ".html")
			if ts.pages[lang][name], err = addPage(set, fm, n, name); err != nil {
				return nil, err
			}
		}
		ts.sets[lang], ts.layout[lang] = set, set.Lookup("layout")
	}
	return ts, nil
}

// addPage parses the page file n on its own (checking its functions) and
// adds its trees to set: its "content" block as "page:NAME", the blocks it
// defines for itself under their names, which no other file may use.
func addPage(set *template.Template, fm template.FuncMap, n, name string) (*template.Template, error) {
	file, err := template.New(path.Base(n)).Funcs(fm).ParseFS(templateFS, n)
	if err != nil {
		return nil, fmt.Errorf("web: template %s: %w", n, err)
	}
	var content *template.Template
	for _, t := range file.Templates() {
		switch {
		case t.Tree == nil || t.Name() == path.Base(n):
			continue // the file's text outside its blocks
		case t.Name() == "content":
			if content, err = set.AddParseTree("page:"+name, t.Tree); err != nil {
				return nil, fmt.Errorf("web: template %s: %w", n, err)
			}
		case set.Lookup(t.Name()) != nil:
			return nil, fmt.Errorf("web: template %s: block %q is defined elsewhere too", n, t.Name())
		default:
			if _, err := set.AddParseTree(t.Name(), t.Tree); err != nil {
				return nil, fmt.Errorf("web: template %s: %w", n, err)
			}
		}
	}
	if content == nil {
		return nil, fmt.Errorf("web: template %s defines no \"content\"", n)
	}
	return content, nil
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
	Unread    int           // the member's unread notifications, for the header
	Content   template.HTML // the page's content, rendered, for the layout
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
	if err := t.Execute(&buf, p); err != nil {
		return fmt.Errorf("web: render %s: %w", name, err)
	}
	p.Content = template.HTML(buf.String()) // escaped by t, in the context the layout puts it in
	buf.Reset()
	if err := s.tmpl.layout[p.Lang].Execute(&buf, p); err != nil {
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
