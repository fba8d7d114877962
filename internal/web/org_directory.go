package web

import (
	"net/http"
	"net/url"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
)

// orgDirectoryData is the /organisations page.
type orgDirectoryData struct {
	Form     *form
	Skill    SkillField
	Selects  []orgSelectView
	Sort     []orgOption
	Items    []orgCard
	NextURL  string
	Filtered bool
}

// orgSelectView is a labelled select with an "any" choice and its error.
type orgSelectView struct {
	Name, Label, Error string
	Options            []orgOption
}

// orgCard is one result of the directory.
type orgCard struct {
	ID                int64
	Name, Type, Size  string // Type and Size are message keys ("" when unknown)
	Region, LogoURL   string
	Projects, Members int
}

func (s *Server) orgDirectory(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f := &form{Values: q, Errors: map[string]string{}}
	in := service.OrgDirectoryInput{Query: q.Get("q"), SkillURI: q.Get("skill_uri"), SkillText: q.Get("skill_q"),
		SkillField: "skill", Region: q.Get("region"), Type: q.Get("type"), SizeBand: q.Get("size_band"),
		Sector: q.Get("sector"), S3Area: q.Get("s3_area"), Order: q.Get("order"), Cursor: q.Get("after")}
	page, err := s.svc.OrgDirectory(r.Context(), in, lang(r))
	status := http.StatusOK
	if f.failed(err) {
		status, page = http.StatusUnprocessableEntity, &service.OrgDirectoryPage{}
	} else if err != nil {
		return err
	}
	d := &orgDirectoryData{Form: f, Skill: newOrgSkillField(f, "skill", "org.filter_skill", "org.filter_skill_hint", skillChoices(err)),
		Selects: []orgSelectView{
			{"type", "org.filter_type", f.Errors["type"], orgOptions(ponte.OrgTypes, "org.type.", in.Type)},
			{"size_band", "org.filter_size", f.Errors["size_band"], orgOptions(ponte.SizeBands, "org.size.", in.SizeBand)},
			{"sector", "org.filter_sector", f.Errors["sector"], orgOptions(ponte.Sectors, "org.sector.", in.Sector)},
			{"s3_area", "org.filter_s3", f.Errors["s3_area"], orgOptions(ponte.S3Areas, "people.s3.", in.S3Area)},
		},
		Sort:     orgOptions([]string{ponte.OrderRelevance, ponte.OrderRecent}, "org.order.", orgFieldOr(in.Order, ponte.OrderRelevance)),
		Filtered: in.Query != "" || in.SkillURI != "" || in.SkillText != "" || in.Region != "" || in.Type != "" || in.SizeBand != "" || in.Sector != "" || in.S3Area != ""}
	if page.Skill != nil {
		d.Skill.Text, d.Skill.URI = page.Skill.Label, page.Skill.URI
	}
	for _, it := range page.Items {
		d.Items = append(d.Items, newOrgCard(it))
	}
	if page.Next != "" {
		next := url.Values{}
		for k, v := range q {
			next[k] = v
		}
		next.Set("after", page.Next)
		d.NextURL = "/organisations?" + next.Encode()
	}
	return s.render(w, r, status, "org_directory", s.newPage(r, "org.directory_title", d))
}

func newOrgCard(it *ponte.OrgListItem) orgCard {
	c := orgCard{ID: it.ID, Name: it.Name, Projects: it.ProjectCount, Members: it.Members}
	if it.Type != "" {
		c.Type = "org.type." + it.Type
	}
	if it.SizeBand != "" {
		c.Size = "org.size." + it.SizeBand
	}
	if it.Region != "" {
		c.Region = orgRegionLabel(it.Region)
	}
	if it.LogoID != nil {
		c.LogoURL = "/organisations/" + orgItoa(it.ID) + "/logo?v=" + orgItoa(*it.LogoID)
	}
	return c
}

func orgFieldOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
