package web

import (
	"net/http"
	"strconv"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
)

// orgEditData is the create page (New, one form) or the edit page (a form
// per section, each re-rendered alone with its errors).
type orgEditData struct {
	Org                        *ponte.Organisation
	New                        bool
	Identity, About, Location  orgSectionView
	Logo, Competence           *form
	CompetenceSkill            SkillField
	Declared                   []orgDeclaredView
	LogoURL, Action, CancelURL string
}

// orgSectionView is a section's form with its choices marked from it.
type orgSectionView struct {
	Form                    *form
	Countries, Types, Sizes []orgOption
	Sectors, S3             []orgOption
}

// orgEditCompetences bounds the competences read to find the declared ones.
const orgEditCompetences = 500

// orgDeclaredView is a declared competence on the edit page.
type orgDeclaredView struct {
	ConceptID int64
	Label     string
	Note      string
}

func newOrgSectionView(l string, f *form) orgSectionView {
	return orgSectionView{Form: f, Countries: orgCountryOptions(l, f.Get("country")),
		Types: orgOptions(ponte.OrgTypes, "org.type.", f.Get("type")), Sizes: orgOptions(ponte.SizeBands, "org.size.", f.Get("size_band")),
		Sectors: orgOptions(ponte.Sectors, "org.sector.", f.Values["sectors"]...),
		S3:      orgOptions(ponte.S3Areas, "people.s3.", f.Values["s3_areas"]...)}
}

// orgFormValues fills a form from an organisation.
func orgFormValues(o *ponte.Organisation) *form {
	f := emptyForm()
	v := f.Values
	for k, val := range map[string]string{"name": o.Name, "type": o.Type, "country": o.Country,
		"registry_id": o.RegistryID, "size_band": o.SizeBand, "website": o.Website,
		"description": o.Description, "region": o.Region, "address": o.Address} {
		v.Set(k, val)
	}
	if o.Lat != nil && o.Lon != nil {
		v.Set("lat", strconv.FormatFloat(*o.Lat, 'f', -1, 64))
		v.Set("lon", strconv.FormatFloat(*o.Lon, 'f', -1, 64))
	}
	v["sectors"], v["s3_areas"] = o.Sectors, o.S3Areas
	return f
}

// orgInput reads the organisation form (any section's fields).
func orgInput(f *form) service.OrgInput {
	return service.OrgInput{Name: f.Get("name"), Type: f.Get("type"), Country: f.Get("country"),
		RegistryID: f.Get("registry_id"), SizeBand: f.Get("size_band"), Website: f.Get("website"),
		Description: f.Get("description"), Sectors: f.Values["sectors"], S3Areas: f.Values["s3_areas"],
		Region: f.Get("region"), Address: f.Get("address"), Lat: f.Get("lat"), Lon: f.Get("lon")}
}

func (s *Server) orgNewForm(w http.ResponseWriter, r *http.Request) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	return s.renderOrgNew(w, r, http.StatusOK, emptyForm())
}

func (s *Server) renderOrgNew(w http.ResponseWriter, r *http.Request, status int, f *form) error {
	sv := newOrgSectionView(lang(r), f)
	d := &orgEditData{New: true, Identity: sv, About: sv, Location: sv, Action: "/organisations", CancelURL: "/organisations"}
	return s.render(w, r, status, "org_edit", s.newPage(r, "org.new_title", d))
}

func (s *Server) orgCreate(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	f, err := parseForm(r)
	if err != nil {
		return err
	}
	o, err := s.svc.CreateOrganisation(r.Context(), u, orgInput(f))
	if f.failed(err) {
		return s.renderOrgNew(w, r, http.StatusUnprocessableEntity, f)
	}
	if err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/organisations/"+orgItoa(o.ID), "flash.org_created")
}

func (s *Server) orgEditForm(w http.ResponseWriter, r *http.Request) error {
	return s.renderOrgEdit(w, r, http.StatusOK, "", nil, nil)
}

// renderOrgEdit draws the edit page with the failed section's form (named
// by section) and the others fresh from the organisation.
func (s *Server) renderOrgEdit(w http.ResponseWriter, r *http.Request, status int, section string, f *form, cands map[string][]*ponte.Concept) error {
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
	l, base := lang(r), "/organisations/"+orgItoa(id)
	d := &orgEditData{Org: o, Logo: emptyForm(), Competence: emptyForm(), Action: base + "/edit/", CancelURL: base}
	forms := map[string]*form{service.OrgIdentity: orgFormValues(o), service.OrgAbout: orgFormValues(o),
		service.OrgLocation: orgFormValues(o), "logo": d.Logo, "competence": d.Competence}
	if f != nil {
		forms[section] = f
	}
	d.Identity, d.About, d.Location = newOrgSectionView(l, forms[service.OrgIdentity]),
		newOrgSectionView(l, forms[service.OrgAbout]), newOrgSectionView(l, forms[service.OrgLocation])
	d.Logo, d.Competence = forms["logo"], forms["competence"]
	d.CompetenceSkill = newOrgSkillField(d.Competence, "skill", "org.competence_skill", "org.competence_skill_hint", cands)
	d.CompetenceSkill.Required = true
	if o.LogoID != nil {
		d.LogoURL = base + "/logo?v=" + orgItoa(*o.LogoID)
	}
	if d.Declared, err = s.declared(r, id); err != nil {
		return err
	}
	return s.render(w, r, status, "org_edit", s.newPage(r, "org.edit_title", d))
}

// declared lists the declared competences for the edit page.
func (s *Server) declared(r *http.Request, orgID int64) ([]orgDeclaredView, error) {
	cs, err := s.svc.OrgCompetences(r.Context(), orgID, lang(r), orgEditCompetences)
	if err != nil {
		return nil, err
	}
	var out []orgDeclaredView
	for _, c := range cs {
		if c.Declared {
			out = append(out, orgDeclaredView{ConceptID: c.ConceptID, Label: c.Concept.Label, Note: c.Note})
		}
	}
	return out, nil
}

func (s *Server) orgEditSection(w http.ResponseWriter, r *http.Request) error {
	u, id, err := userAndID(r)
	if err != nil {
		return err
	}
	section := r.PathValue("section")
	if section != service.OrgIdentity && section != service.OrgAbout && section != service.OrgLocation {
		return ponte.Errorf(ponte.ENotFound, "error.not_found")
	}
	f, err := parseForm(r)
	if err != nil {
		return err
	}
	_, err = s.svc.UpdateOrganisation(r.Context(), u, id, section, orgInput(f))
	if f.failed(err) {
		return s.renderOrgEdit(w, r, http.StatusUnprocessableEntity, section, f, nil)
	}
	if err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/organisations/"+orgItoa(id)+"/edit#"+section, "flash.org_saved")
}
