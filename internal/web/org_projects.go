package web

import (
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
)

// orgProjectView is a project as the pages show it.
type orgProjectView struct {
	ID, OrgID                    int64
	Title                        string
	Start, End                   time.Time
	Year                         int
	Programme, Fund              string
	Budget, EUFunding, Published string // formatted amounts
	Region                       string
	Partners                     []orgPartnerView
	Skills                       []*ponte.Concept
	Description, Results         template.HTML
	Imported                     bool
}

// orgPartnerView is a partner, linked when it is on Ponte.
type orgPartnerView struct{ Name, URL string }

func orgProjectViews(l string, ps []*ponte.OrgProject) []orgProjectView {
	out := make([]orgProjectView, 0, len(ps))
	for _, p := range ps {
		out = append(out, newOrgProjectView(l, p))
	}
	return out
}

func newOrgProjectView(l string, p *ponte.OrgProject) orgProjectView {
	v := orgProjectView{ID: p.ID, OrgID: p.OrgID, Title: p.Title, Start: p.StartDate, End: p.EndDate,
		Year: p.Year, Programme: p.Programme, Fund: p.Fund, Budget: orgMoney(l, p.Budget, "EUR"),
		EUFunding: orgMoney(l, p.EUFunding, "EUR"), Skills: p.Skills, Imported: p.Source != "",
		Description: orgMarkdown(p.Description), Results: orgMarkdown(p.Results)}
	if p.OrigCurrency != "" && p.OrigCurrency != "EUR" {
		v.Published = orgMoney(l, p.OrigBudget, p.OrigCurrency)
	}
	if p.Region != "" {
		v.Region = orgRegionLabel(p.Region)
	}
	for _, pa := range p.Partners {
		pv := orgPartnerView{Name: pa.Name}
		if pa.OrgID != nil {
			pv.URL = "/organisations/" + orgItoa(*pa.OrgID)
		}
		v.Partners = append(v.Partners, pv)
	}
	return v
}

// orgProjectFormData is the add or edit project page.
type orgProjectFormData struct {
	Org     *ponte.Organisation
	Project *ponte.OrgProject // nil when adding
	Form    *form
	Keep    []orgOption // the project's skills, ticked to keep
	Add     []SkillField
	Action  string
}

// projectSkillFields is how many new skills one submission can add.
const projectSkillFields = 3

func (s *Server) orgProjectNewForm(w http.ResponseWriter, r *http.Request) error {
	return s.renderProjectForm(w, r, http.StatusOK, nil, nil)
}

func (s *Server) orgProjectEditForm(w http.ResponseWriter, r *http.Request) error {
	return s.renderProjectForm(w, r, http.StatusOK, nil, nil)
}

// renderProjectForm draws the project form: fresh, or with a failed
// submission (f) and the skill candidates it needs chosen.
func (s *Server) renderProjectForm(w http.ResponseWriter, r *http.Request, status int, f *form, cands map[string][]*ponte.Concept) error {
	u, id, err := userAndID(r)
	if err != nil {
		return err
	}
	o, m, err := s.svc.Organisation(r.Context(), u, id)
	if err != nil {
		return err
	}
	if !ponte.CanManageOrg(u, m) {
		return ponte.Errorf(ponte.EForbidden, "error.forbidden")
	}
	d := &orgProjectFormData{Org: o, Action: "/organisations/" + orgItoa(id) + "/projects"}
	if pid := r.PathValue("pid"); pid != "" {
		if d.Project, err = s.projectOf(r, id); err != nil {
			return err
		}
		d.Action += "/" + orgItoa(d.Project.ID)
	}
	if f == nil {
		f = projectFormValues(d.Project)
	}
	d.Form = f
	d.Keep, d.Add = keptSkills(d.Project, f), addedSkills(f, cands)
	title := "org.project_new_title"
	if d.Project != nil {
		title = "org.project_edit_title"
	}
	return s.render(w, r, status, "org_project_form", s.newPage(r, title, d))
}

// projectOf reads the {pid} project of organisation orgID.
func (s *Server) projectOf(r *http.Request, orgID int64) (*ponte.OrgProject, error) {
	pid, err := pathInt(r, "pid")
	if err != nil {
		return nil, err
	}
	return s.svc.OrgProject(r.Context(), orgID, pid, lang(r))
}

// projectFormValues fills a fresh form from a project (nil: empty).
func projectFormValues(p *ponte.OrgProject) *form {
	f := emptyForm()
	if p == nil {
		return f
	}
	v := f.Values
	v.Set("title", p.Title)
	v.Set("description", p.Description)
	v.Set("results", p.Results)
	v.Set("start_date", orgDateValue(p.StartDate))
	v.Set("end_date", orgDateValue(p.EndDate))
	v.Set("programme", p.Programme)
	v.Set("fund", p.Fund)
	v.Set("budget", orgCentsValue(p.Budget))
	v.Set("eu_funding", orgCentsValue(p.EUFunding))
	v.Set("region", p.Region)
	lines := make([]string, len(p.Partners))
	for i, pa := range p.Partners {
		lines[i] = service.PartnerLine(pa)
	}
	v.Set("partners", strings.Join(lines, "\n"))
	for _, c := range p.Skills {
		v.Add("keep_skill", c.URI)
	}
	return f
}

func orgDateValue(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// orgCentsValue writes cents for an input: "125000" or "125000.50".
func orgCentsValue(c *int64) string {
	if c == nil {
		return ""
	}
	s := strconv.FormatInt(*c/100, 10)
	if frac := *c % 100; frac != 0 {
		s += "." + strconv.FormatInt(100+frac, 10)[1:]
	}
	return s
}

func keptSkills(p *ponte.OrgProject, f *form) []orgOption {
	if p == nil {
		return nil
	}
	kept := map[string]bool{}
	for _, u := range f.Values["keep_skill"] {
		kept[u] = true
	}
	out := make([]orgOption, 0, len(p.Skills))
	for _, c := range p.Skills {
		out = append(out, orgOption{Value: c.URI, Text: c.Label, On: kept[c.URI]})
	}
	return out
}

func addedSkills(f *form, cands map[string][]*ponte.Concept) []SkillField {
	out := make([]SkillField, projectSkillFields)
	for i := range out {
		out[i] = newOrgSkillField(f, "skill"+strconv.Itoa(i+1), "org.project_add_skill", "", cands)
	}
	out[0].Hint = "org.project_skill_hint"
	return out
}

// projectInput reads the project form.
func projectInput(f *form) service.ProjectInput {
	in := service.ProjectInput{Title: f.Get("title"), Description: f.Get("description"), Results: f.Get("results"),
		StartDate: f.Get("start_date"), EndDate: f.Get("end_date"), Programme: f.Get("programme"),
		Fund: f.Get("fund"), Budget: f.Get("budget"), EUFunding: f.Get("eu_funding"), Region: f.Get("region"),
		Partners: service.ParsePartnerLines(f.Get("partners"))}
	for _, uri := range f.Values["keep_skill"] {
		in.Skills = append(in.Skills, service.SkillRef{Field: "skills", URI: uri})
	}
	for i := 1; i <= projectSkillFields; i++ {
		n := "skill" + strconv.Itoa(i)
		in.Skills = append(in.Skills, service.SkillRef{Field: n, URI: f.Get(n + "_uri"), Text: f.Get(n + "_q")})
	}
	return in
}
