package web

import (
	"net/http"

	"github.com/ponte-platform/ponte"
)

// orgProjectData is a project's own page.
type orgProjectData struct {
	Org       *ponte.Organisation
	Project   orgProjectView
	CanManage bool
}

func (s *Server) orgProjectPage(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	o, m, err := s.svc.Organisation(r.Context(), currentUser(r), id)
	if err != nil {
		return err
	}
	p, err := s.projectOf(r, id)
	if err != nil {
		return err
	}
	d := &orgProjectData{Org: o, Project: newOrgProjectView(lang(r), p), CanManage: ponte.CanManageOrg(currentUser(r), m)}
	return s.render(w, r, http.StatusOK, "org_project", s.newPage(r, "org.project_title", d))
}

func (s *Server) orgProjectCreate(w http.ResponseWriter, r *http.Request) error {
	return s.saveProject(w, r, false)
}

func (s *Server) orgProjectUpdate(w http.ResponseWriter, r *http.Request) error {
	return s.saveProject(w, r, true)
}

// saveProject creates or updates a project; a refused submission comes
// back with what was typed, every error, and skill candidates to choose.
func (s *Server) saveProject(w http.ResponseWriter, r *http.Request, update bool) error {
	u, id, err := userAndID(r)
	if err != nil {
		return err
	}
	f, err := parseForm(r)
	if err != nil {
		return err
	}
	in := projectInput(f)
	if update {
		var p *ponte.OrgProject
		if p, err = s.projectOf(r, id); err == nil {
			_, err = s.svc.UpdateOrgProject(r.Context(), u, id, p.ID, in, lang(r))
		}
	} else {
		_, err = s.svc.CreateOrgProject(r.Context(), u, id, in, lang(r))
	}
	if f.failed(err) {
		return s.renderProjectForm(w, r, http.StatusUnprocessableEntity, f, skillChoices(err))
	}
	if err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/organisations/"+orgItoa(id)+"#projects", "flash.org_project_saved")
}

func (s *Server) orgProjectDelete(w http.ResponseWriter, r *http.Request) error {
	u, id, err := userAndID(r)
	if err != nil {
		return err
	}
	p, err := s.projectOf(r, id)
	if err != nil {
		return err
	}
	if err := s.svc.DeleteOrgProject(r.Context(), u, id, p.ID); err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/organisations/"+orgItoa(id)+"#projects", "flash.org_project_deleted")
}
