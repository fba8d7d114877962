package web

import (
	"net/http"

	"github.com/ponte-platform/ponte/internal/service"
)

// logoMaxBody is the logo upload's body limit: a 5 MB picture and its
// multipart envelope. Larger bodies get 413 before they are read.
const logoMaxBody = 6 << 20

func (s *Server) orgLogoUpload(w http.ResponseWriter, r *http.Request) error {
	u, id, err := userAndID(r)
	if err != nil {
		return err
	}
	if _, err := parseForm(r); err != nil { // an oversize body is a 413 here
		return err
	}
	file, _, err := r.FormFile("logo")
	if err != nil {
		f := emptyForm()
		f.Errors["logo"] = "org.error.logo_missing"
		return s.renderOrgEdit(w, r, http.StatusUnprocessableEntity, "logo", f, nil)
	}
	defer file.Close()
	err = s.svc.SetOrgLogo(r.Context(), u, id, file)
	if f := emptyForm(); f.failed(err) {
		return s.renderOrgEdit(w, r, http.StatusUnprocessableEntity, "logo", f, nil)
	}
	if err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/organisations/"+orgItoa(id)+"/edit#logo", "flash.org_logo_saved")
}

func (s *Server) orgLogoDelete(w http.ResponseWriter, r *http.Request) error {
	u, id, err := userAndID(r)
	if err != nil {
		return err
	}
	if err := s.svc.RemoveOrgLogo(r.Context(), u, id); err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/organisations/"+orgItoa(id)+"/edit#logo", "flash.org_logo_removed")
}

func (s *Server) orgCompetenceAdd(w http.ResponseWriter, r *http.Request) error {
	u, id, err := userAndID(r)
	if err != nil {
		return err
	}
	f, err := parseForm(r)
	if err != nil {
		return err
	}
	skill := service.SkillRef{Field: "skill", URI: f.Get("skill_uri"), Text: f.Get("skill_q")}
	err = s.svc.DeclareCompetence(r.Context(), u, id, skill, f.Get("note"), lang(r))
	if f.failed(err) {
		return s.renderOrgEdit(w, r, http.StatusUnprocessableEntity, "competence", f, skillChoices(err))
	}
	if err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/organisations/"+orgItoa(id)+"/edit#competences", "flash.org_competence_saved")
}

func (s *Server) orgCompetenceDelete(w http.ResponseWriter, r *http.Request) error {
	u, id, err := userAndID(r)
	if err != nil {
		return err
	}
	cid, err := pathInt(r, "cid")
	if err != nil {
		return err
	}
	if err := s.svc.WithdrawCompetence(r.Context(), u, id, cid); err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/organisations/"+orgItoa(id)+"/edit#competences", "flash.org_competence_removed")
}
