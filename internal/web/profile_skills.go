package web

import (
	"net/http"
	"strconv"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
)

// profileSkillsData is the skills manager.
type profileSkillsData struct {
	Skills   []*ponte.ProfileSkill
	Add      *form
	Field    SkillField
	Edit     map[int64]*form // per skill: typed values after a failed edit
	Levels   []int
	Evidence []string
	Vis      visView
}

func (s *Server) profileSkills(w http.ResponseWriter, r *http.Request) error {
	return s.renderSkills(w, r, http.StatusOK, nil, nil, 0, nil)
}

// renderSkills draws the skills page; add is the add form after a failure
// (with candidates), or edit the form of skill editID after one.
func (s *Server) renderSkills(w http.ResponseWriter, r *http.Request, status int, add *form,
	cands []*ponte.Concept, editID int64, edit *form) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	skills, err := s.svc.MySkills(r.Context(), u, lang(r))
	if err != nil {
		return err
	}
	p, err := s.svc.MyProfile(r.Context(), u)
	if err != nil {
		return err
	}
	if add == nil {
		add = emptyForm()
	}
	d := &profileSkillsData{Skills: skills, Add: add, Edit: map[int64]*form{}, Levels: ponte.SkillLevels,
		Evidence: ponte.EvidenceKinds, Field: skillFieldFrom(add, "skill", "people.skill", cands),
		Vis: newVisView(emptyForm(), ponte.SectionSkills, p.Vis(ponte.SectionSkills))}
	for _, sk := range skills {
		f := emptyForm()
		f.Values.Set("level", strconv.Itoa(sk.Level))
		f.Values.Set("evidence_kind", sk.EvidenceKind)
		f.Values.Set("evidence_text", sk.EvidenceText)
		f.Values.Set("evidence_url", sk.EvidenceURL)
		if sk.ConceptID == editID {
			f = edit
		}
		d.Edit[sk.ConceptID] = f
	}
	return s.render(w, r, status, "profile_skills", s.newPage(r, "people.skills_title", d))
}

// skillInput reads the level and evidence fields of a skill form.
func skillInput(f *form) service.SkillInput {
	level, _ := strconv.Atoi(f.Get("level"))
	return service.SkillInput{URI: f.Get("skill_uri"), Text: f.Get("skill_q"), Level: level,
		EvidenceKind: f.Get("evidence_kind"), EvidenceText: f.Get("evidence_text"),
		EvidenceURL: f.Get("evidence_url")}
}

func (s *Server) profileSkillAdd(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	f, err := parseForm(r)
	if err != nil {
		return err
	}
	_, cands, err := s.svc.AddSkill(r.Context(), u, skillInput(f), lang(r))
	if f.failed(err) {
		return s.renderSkills(w, r, http.StatusUnprocessableEntity, f, cands, 0, nil)
	}
	if err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/profile/skills", "flash.people.skill_saved")
}

func (s *Server) profileSkillUpdate(w http.ResponseWriter, r *http.Request) error {
	u, id, err := userAndID(r)
	if err != nil {
		return err
	}
	f, err := parseForm(r)
	if err != nil {
		return err
	}
	err = s.svc.UpdateSkill(r.Context(), u, id, skillInput(f))
	if f.failed(err) {
		return s.renderSkills(w, r, http.StatusUnprocessableEntity, nil, nil, id, f)
	}
	if err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/profile/skills#skill-"+itoa(id), "flash.people.skill_saved")
}

func (s *Server) profileSkillDelete(w http.ResponseWriter, r *http.Request) error {
	u, id, err := userAndID(r)
	if err != nil {
		return err
	}
	if err := s.svc.RemoveSkill(r.Context(), u, id); err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/profile/skills", "flash.people.skill_removed")
}
