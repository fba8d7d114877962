package web

import (
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/markdown"
	"github.com/ponte-platform/ponte/internal/service"
)

// personData is the public profile page.
type personData struct {
	P           *service.PersonView
	PhotoURL    string
	BioHTML     template.HTML // sanitised by internal/markdown
	Languages   []langLevel
	CountryName string
	RegionName  string
	Themes      []string // message keys
	S3Areas     []string // message keys
	Chart       *chartView
	JSONLD      map[string]any    // schema.org Person; html/template JSON-encodes it safely
	Initial     string            // shown when there is no photo
	Badges      map[string]string // section → visibility message key, for the person only
}

// langLevel is a spoken language with its name in the page's language and
// its level's message key.
type langLevel struct{ Name, Level string }

func (s *Server) personPage(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	v, err := s.svc.Person(r.Context(), currentUser(r), id, lang(r))
	if err != nil {
		return err
	}
	d := s.personData(lang(r), v)
	return s.render(w, r, http.StatusOK, "people_person", s.newPage(r, "people.profile_title", d))
}

func (s *Server) personData(l string, v *service.PersonView) *personData {
	d := &personData{P: v, PhotoURL: photoURL(v), BioHTML: markdown.Render(v.Bio), Badges: map[string]string{}}
	for _, r := range v.DisplayName {
		d.Initial = strings.ToUpper(string(r))
		break
	}
	if v.Self {
		for sec, vis := range v.Visibility {
			d.Badges[sec] = "people.vis_badge." + string(vis)
		}
	}
	for _, x := range v.Languages {
		d.Languages = append(d.Languages, langLevel{Name: languageName(l, x.Code), Level: cefrKey(x.Level)})
	}
	if v.Country != "" {
		d.CountryName = countryName(l, v.Country)
	}
	if v.Region != "" {
		d.RegionName = regionName(v.Region)
	}
	for _, c := range v.Themes {
		d.Themes = append(d.Themes, "people.theme."+c)
	}
	for _, c := range v.S3Areas {
		d.S3Areas = append(d.S3Areas, "people.s3."+c)
	}
	if v.Assessment != nil {
		d.Chart = newChart(v.Assessment)
	}
	d.JSONLD = s.personJSONLD(v, d)
	return d
}

// personJSONLD describes the visible profile as a schema.org Person, so
// search engines and harvesters read the same facts the page shows.
func (s *Server) personJSONLD(v *service.PersonView, d *personData) map[string]any {
	p := map[string]any{"@context": "https://schema.org", "@type": "Person", "name": v.DisplayName,
		"url": s.cfg.BaseURL + "/people/" + itoa(v.UserID)}
	if v.Headline != "" {
		p["description"] = v.Headline
	}
	if d.PhotoURL != "" {
		p["image"] = s.cfg.BaseURL + d.PhotoURL
	}
	if len(v.Skills) > 0 {
		skills := make([]map[string]any, len(v.Skills))
		for i, sk := range v.Skills {
			skills[i] = map[string]any{"@type": "DefinedTerm", "name": sk.Label, "@id": sk.ConceptURI,
				"inDefinedTermSet": "http://data.europa.eu/esco/concept-scheme/skills"}
		}
		p["knowsAbout"] = skills
	}
	if len(v.Languages) > 0 {
		langs := make([]string, len(v.Languages))
		for i, l := range v.Languages {
			langs[i] = l.Code
		}
		p["knowsLanguage"] = langs
	}
	if v.Country != "" {
		p["homeLocation"] = map[string]any{"@type": "Place", "address": map[string]any{
			"@type": "PostalAddress", "addressCountry": v.Country, "addressRegion": d.RegionName}}
	}
	return p
}

// personPhoto serves a photo with the caching its visibility allows: a
// public "about" may be cached by anyone, else only by the browser.
func (s *Server) personPhoto(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	img, public, err := s.svc.PersonPhoto(r.Context(), currentUser(r), id)
	if err != nil {
		return err
	}
	etag := `"img-` + itoa(img.ID) + `"`
	h := w.Header()
	h.Set("Content-Type", img.MIME)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("ETag", etag)
	h.Set("Vary", "Cookie")
	if public {
		h.Set("Cache-Control", "public, max-age=86400")
	} else {
		h.Set("Cache-Control", "private, max-age=3600")
	}
	h.Set("Last-Modified", img.CreatedAt.UTC().Format(http.TimeFormat))
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return nil
	}
	h.Set("Content-Length", strconv.Itoa(len(img.Data)))
	_, err = w.Write(img.Data)
	return err
}

// chartView is the self-assessment chart: one bar per area, drawn as SVG
// with attributes only (the CSP forbids inline styles).
type chartView struct {
	Bars    []chartBar
	Overall int
	Height  int
	TakenAt time.Time
}

type chartBar struct {
	Area     string // slug, for the message key
	Score    int
	Y, TextY int // coordinates in the SVG's viewBox
	ValueY   int
	Width    int // bar length, 0–chartWidth
	ScoreX   int
}

const chartWidth, chartRow = 260, 40

func newChart(a *ponte.Assessment) *chartView {
	c := &chartView{Overall: a.Overall(), TakenAt: a.TakenAt}
	for i, sc := range a.Scores() {
		y := i * chartRow
		w := sc.Score * chartWidth / 100
		c.Bars = append(c.Bars, chartBar{Area: sc.Area, Score: sc.Score, TextY: y + 13, Y: y + 18, ValueY: y + 30,
			Width: w, ScoreX: w + 6})
	}
	c.Height = len(c.Bars) * chartRow
	return c
}
