package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
)

// assessmentData is the self-assessment page: the latest result, the
// history, and the questionnaire.
type assessmentData struct {
	Form    *form
	Areas   []assessmentArea
	Latest  *chartView
	History []historyItem
	Vis     visView
}

type assessmentArea struct {
	Slug       string
	Statements []statement
}

// statement is one rating question: a radio group named Field.
type statement struct {
	Field, Key, Error string
	Choices           []choice // "1"…"5", labels are message keys
}

type historyItem struct {
	ID      int64
	TakenAt time.Time
	Overall int
}

func (s *Server) assessmentPage(w http.ResponseWriter, r *http.Request) error {
	return s.renderAssessment(w, r, http.StatusOK, emptyForm())
}

func (s *Server) renderAssessment(w http.ResponseWriter, r *http.Request, status int, f *form) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	hist, err := s.svc.MyAssessments(r.Context(), u, 0, 50)
	if err != nil {
		return err
	}
	p, err := s.svc.MyProfile(r.Context(), u)
	if err != nil {
		return err
	}
	d := &assessmentData{Form: f, Areas: questionnaire(f),
		Vis: newVisView(emptyForm(), ponte.SectionAssessment, p.Vis(ponte.SectionAssessment))}
	for _, a := range hist {
		d.History = append(d.History, historyItem{a.ID, a.TakenAt, a.Overall()})
	}
	if len(hist) > 0 {
		d.Latest = newChart(hist[0])
	}
	return s.render(w, r, status, "profile_assessment", s.newPage(r, "assessment.title", d))
}

// questionnaire lays out the 24 statements, each with five ratings, keeping
// what was chosen.
func questionnaire(f *form) []assessmentArea {
	ratings := []string{"1", "2", "3", "4", "5"}
	var out []assessmentArea
	for _, area := range ponte.AssessmentAreas {
		a := assessmentArea{Slug: area}
		for i := 1; i <= ponte.StatementsPerArea; i++ {
			field := service.AssessmentField(area, i)
			a.Statements = append(a.Statements, statement{Field: field, Key: "assessment." + field,
				Error:   f.Errors[field],
				Choices: choices(ratings, func(v string) string { return "assessment.rating." + v }, f.Get(field))})
		}
		out = append(out, a)
	}
	return out
}

func (s *Server) assessmentSubmit(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	f, err := parseForm(r)
	if err != nil {
		return err
	}
	answers := map[string]int{}
	for _, area := range ponte.AssessmentAreas {
		for i := 1; i <= ponte.StatementsPerArea; i++ {
			field := service.AssessmentField(area, i)
			answers[field], _ = strconv.Atoi(f.Get(field))
		}
	}
	a, err := s.svc.SubmitAssessment(r.Context(), u, answers)
	if f.failed(err) {
		return s.renderAssessment(w, r, http.StatusUnprocessableEntity, f)
	}
	if err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/profile/assessment/"+itoa(a.ID), "flash.people.assessment_saved")
}

// assessmentResultData is one past result.
type assessmentResultData struct {
	Chart *chartView
}

func (s *Server) assessmentResult(w http.ResponseWriter, r *http.Request) error {
	u, id, err := userAndID(r)
	if err != nil {
		return err
	}
	a, err := s.svc.MyAssessment(r.Context(), u, id)
	if err != nil {
		return err
	}
	d := &assessmentResultData{Chart: newChart(a)}
	return s.render(w, r, http.StatusOK, "assessment_result", s.newPage(r, "assessment.result_title", d))
}
