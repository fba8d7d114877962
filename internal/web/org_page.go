package web

import (
	"html/template"
	"net/http"
	"strconv"

	"github.com/ponte-platform/ponte"
)

// orgPageData is an organisation's public page.
type orgPageData struct {
	Org                      *ponte.Organisation
	Me                       *ponte.OrgMember
	CanManage, CanSeeMembers bool
	Type, Size               string // message keys
	Country, Region          string
	LogoURL                  string
	Point                    string // "45.815000, 15.981900"
	Description              template.HTML
	Sectors, S3              []orgOption
	Competences              []orgCompetenceView
	Projects                 []orgProjectView
	ProjectsNext             string
	Members                  []*ponte.OrgMember
	MemberCount              int
	Pending                  bool
	Join                     *form
}

// orgCompetenceView is a distinctive competence with its evidence.
type orgCompetenceView struct {
	Label, URI  string
	Declared    bool
	Note        string
	Projects    int
	Members     int
	ProjectRefs []ponte.OrgProjectRef
}

// Sizes of the organisation page's lists.
const (
	orgPageCompetences = 15
	orgPageProjects    = 20
	orgPageMembers     = 50
)

func (s *Server) orgPage(w http.ResponseWriter, r *http.Request) error {
	return s.renderOrgPage(w, r, http.StatusOK, nil)
}

// renderOrgPage draws the page, with a failed join form when given.
func (s *Server) renderOrgPage(w http.ResponseWriter, r *http.Request, status int, join *form) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	ctx, u, l := r.Context(), currentUser(r), lang(r)
	o, m, err := s.svc.Organisation(ctx, u, id)
	if err != nil {
		return err
	}
	d := newOrgPageData(o, m, u, l)
	if join == nil {
		join = emptyForm()
	}
	d.Join = join
	comps, err := s.svc.OrgCompetences(ctx, id, l, orgPageCompetences)
	if err != nil {
		return err
	}
	d.Competences = orgCompetenceViews(comps)
	ps, next, err := s.svc.OrgProjects(ctx, id, l, r.URL.Query().Get("projects"), orgPageProjects)
	if err != nil {
		return err
	}
	d.Projects = orgProjectViews(l, ps)
	if next != "" {
		d.ProjectsNext = "/organisations/" + orgItoa(id) + "?projects=" + next + "#projects"
	}
	if d.Members, d.MemberCount, err = s.svc.VisibleOrgMembers(ctx, u, id, orgPageMembers); err != nil {
		return err
	}
	if d.Pending, err = s.svc.HasPendingRequest(ctx, u, id); err != nil {
		return err
	}
	return s.render(w, r, status, "org_page", s.newPage(r, "org.page_title", d))
}

func newOrgPageData(o *ponte.Organisation, m *ponte.OrgMember, u *ponte.User, l string) *orgPageData {
	d := &orgPageData{Org: o, Me: m, CanManage: ponte.CanManageOrg(u, m), CanSeeMembers: ponte.CanSeeOrgMembers(u, m),
		Country: orgCountryName(l, o.Country), Description: orgMarkdown(o.Description),
		Sectors: orgOptions(o.Sectors, "org.sector."), S3: orgOptions(o.S3Areas, "people.s3.")}
	if o.Type != "" {
		d.Type = "org.type." + o.Type
	}
	if o.SizeBand != "" {
		d.Size = "org.size." + o.SizeBand
	}
	if o.Region != "" {
		d.Region = orgRegionLabel(o.Region)
	}
	if o.LogoID != nil {
		d.LogoURL = "/organisations/" + orgItoa(o.ID) + "/logo?v=" + orgItoa(*o.LogoID)
	}
	if o.Lat != nil && o.Lon != nil {
		d.Point = strconv.FormatFloat(*o.Lat, 'f', 5, 64) + ", " + strconv.FormatFloat(*o.Lon, 'f', 5, 64)
	}
	return d
}

func orgCompetenceViews(cs []ponte.Competence) []orgCompetenceView {
	out := make([]orgCompetenceView, 0, len(cs))
	for _, c := range cs {
		out = append(out, orgCompetenceView{Label: c.Concept.Label, URI: c.Concept.URI, Declared: c.Declared,
			Note: c.Note, Projects: c.CompetenceEvidence.Projects, Members: c.Members, ProjectRefs: c.ProjectRefs})
	}
	return out
}

// orgLogo serves an organisation's logo. Its URL carries the image id,
// which changes with the logo, so it may be cached for long.
func (s *Server) orgLogo(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	img, err := s.svc.OrgLogo(r.Context(), id)
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", img.MIME)
	h.Set("Cache-Control", "public, max-age=86400")
	h.Set("Content-Length", strconv.Itoa(len(img.Data)))
	_, err = w.Write(img.Data)
	return err
}
