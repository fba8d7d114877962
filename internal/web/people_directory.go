package web

import (
	"net/http"
	"net/url"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
)

// directoryData is the people directory: the filter form and a page of
// people.
type directoryData struct {
	Form      *form
	Field     SkillField
	People    []personCard
	NextURL   string
	Filtered  bool
	Languages []choice
	OrgTypes  []choice // labels are message keys
	Themes    []choice // labels are message keys
	S3Areas   []choice // labels are message keys
	Orders    []choice // labels are message keys
	Regions   []choice
}

// personCard is one person in the directory.
type personCard struct {
	P          *service.PersonView
	PhotoURL   string
	RegionName string
	Skills     []cardSkill // matched skills first, at most five
}

type cardSkill struct {
	Label   string
	Level   int
	Matched bool
}

const cardSkills = 5

// directoryFields are the query parameters of the filter form.
var directoryFields = []string{"skill_q", "skill_uri", "region", "language", "org_type", "interest", "order"}

func (s *Server) peopleDirectory(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f := emptyForm()
	for _, k := range directoryFields {
		if v := q.Get(k); v != "" {
			f.Values.Set(k, v)
		}
	}
	page, err := s.svc.Directory(r.Context(), currentUser(r), service.DirectoryQuery{
		SkillURI: f.Get("skill_uri"), SkillText: f.Get("skill_q"), Region: f.Get("region"),
		Language: f.Get("language"), OrgType: f.Get("org_type"), Interest: f.Get("interest"),
		Order: f.Get("order"), Cursor: q.Get("cursor"), Lang: lang(r)})
	status := http.StatusOK
	if f.failed(err) {
		status = http.StatusUnprocessableEntity
	} else if err != nil {
		return err
	}
	d := s.directoryData(lang(r), f, page)
	return s.render(w, r, status, "people_directory", s.newPage(r, "people.directory_title", d))
}

func (s *Server) directoryData(l string, f *form, page *service.DirectoryPage) *directoryData {
	d := &directoryData{Form: f, Field: skillFieldFrom(f, "skill", "people.filter_skill", page.Candidates),
		Filtered:  len(f.Values) > 0,
		Languages: languageOptions(l, f.Get("language")),
		OrgTypes:  choices(ponte.OrgTypes, func(c string) string { return "people.org_type." + c }, f.Get("org_type")),
		Themes: choices(ponte.Themes, func(c string) string { return "people.theme." + c },
			trimPrefix(f.Get("interest"), ponte.InterestTheme+":")),
		S3Areas: choices(ponte.S3Areas, func(c string) string { return "people.s3." + c },
			trimPrefix(f.Get("interest"), ponte.InterestS3+":")),
		Orders: choices([]string{ponte.OrderRelevance, ponte.OrderRecent},
			func(c string) string { return "people.order." + c }, f.Get("order"))}
	if page.Skill != nil && f.Get("skill_q") == "" {
		d.Field.Text = page.Skill.Label
	}
	for _, v := range page.Items {
		d.People = append(d.People, newCard(v, page.Matched))
	}
	if page.Next != "" {
		next := url.Values{}
		for k, vs := range f.Values {
			next[k] = vs
		}
		next.Set("cursor", page.Next)
		d.NextURL = "/people?" + next.Encode()
	}
	return d
}

func trimPrefix(s, p string) string {
	if len(s) > len(p) && s[:len(p)] == p {
		return s[len(p):]
	}
	return ""
}

// newCard picks what a card shows: the skills that matched the filter
// first, then the strongest others.
func newCard(v *service.PersonView, matched map[int64]bool) personCard {
	c := personCard{P: v, PhotoURL: photoURL(v)}
	if v.Region != "" {
		c.RegionName = regionName(v.Region)
	}
	for _, pass := range []bool{true, false} {
		for _, sk := range v.Skills {
			if matched[sk.ConceptID] == pass && len(c.Skills) < cardSkills {
				c.Skills = append(c.Skills, cardSkill{Label: sk.Label, Level: sk.Level, Matched: pass})
			}
		}
	}
	return c
}
