package service

import (
	"context"
	"strconv"

	"github.com/ponte-platform/ponte"
)

// AssessmentField names the form field (and field error) of statement i
// (from 1) of an area: "q.<area>.<i>".
func AssessmentField(area string, i int) string { return "q." + area + "." + strconv.Itoa(i) }

// SubmitAssessment stores a completed self-assessment of the actor's.
// answers maps AssessmentField names to ratings 1–5; every statement needs
// one, else nothing is saved and each missing one is a field error.
func (s *Service) SubmitAssessment(ctx context.Context, actor *ponte.User, answers map[string]int) (*ponte.Assessment, error) {
	if !actor.Active() {
		return nil, unauthorized()
	}
	fe := ponte.FieldErrors{}
	a := &ponte.Assessment{UserID: actor.ID, Version: ponte.AssessmentVersion, TakenAt: s.now()}
	for _, area := range ponte.AssessmentAreas {
		for i := 1; i <= ponte.StatementsPerArea; i++ {
			f := AssessmentField(area, i)
			r := answers[f]
			if r < ponte.MinRating || r > ponte.MaxRating {
				fe.Add(f, "error.profile.rating_required")
			}
			a.Answers = append(a.Answers, r)
		}
	}
	if err := fe.Err(); err != nil {
		return nil, err
	}
	if err := s.store.SaveAssessment(ctx, a); err != nil {
		return nil, err
	}
	return a, nil
}

// MyAssessments lists the actor's self-assessments, newest first; before
// is the id the page starts after (0 for the first).
func (s *Service) MyAssessments(ctx context.Context, actor *ponte.User, before int64, limit int) ([]*ponte.Assessment, error) {
	if !actor.Active() {
		return nil, unauthorized()
	}
	return s.store.Assessments(ctx, actor.ID, before, limit)
}

// MyAssessment returns one of the actor's self-assessments.
func (s *Service) MyAssessment(ctx context.Context, actor *ponte.User, id int64) (*ponte.Assessment, error) {
	if !actor.Active() {
		return nil, unauthorized()
	}
	return s.store.AssessmentByID(ctx, actor.ID, id)
}
