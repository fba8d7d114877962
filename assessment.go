package ponte

import (
	"context"
	"time"
)

// The six skills-for-innovation areas of the self-assessment, by slug.
const (
	AreaSocial          = "social"
	AreaOpenMindedness  = "open-mindedness"
	AreaInternational   = "international"
	AreaEntrepreneurial = "entrepreneurial"
	AreaCreativity      = "creativity"
	AreaManagement      = "management"
)

// AssessmentAreas lists the areas in questionnaire order.
var AssessmentAreas = []string{AreaSocial, AreaOpenMindedness, AreaInternational,
	AreaEntrepreneurial, AreaCreativity, AreaManagement}

// StatementsPerArea is how many statements each area has; statement i of
// area a has the message key "assessment.q.<a>.<i>" (i from 1).
const StatementsPerArea = 4

// AssessmentVersion numbers the questionnaire, so results taken with
// different statements are never mixed up.
const AssessmentVersion = 1

// Rating bounds: 1 "not at all like me" to 5 "very much like me".
const (
	MinRating = 1
	MaxRating = 5
)

// Assessment is one completed self-assessment: a rating for every statement,
// area by area in AssessmentAreas order.
type Assessment struct {
	ID      int64
	UserID  int64
	Version int
	Answers []int // len(AssessmentAreas) * StatementsPerArea ratings
	TakenAt time.Time
}

// AreaScore is an area's result on a 0–100 scale.
type AreaScore struct {
	Area  string
	Score int
}

// Scores returns each area's score: the mean rating mapped from 1–5 onto
// 0–100, rounded, so that "not at all" everywhere is 0 and "very much"
// everywhere is 100.
func (a *Assessment) Scores() []AreaScore {
	out := make([]AreaScore, 0, len(AssessmentAreas))
	for i, area := range AssessmentAreas {
		sum := 0
		for j := 0; j < StatementsPerArea; j++ {
			if k := i*StatementsPerArea + j; k < len(a.Answers) {
				sum += a.Answers[k] - MinRating
			}
		}
		max := StatementsPerArea * (MaxRating - MinRating)
		out = append(out, AreaScore{Area: area, Score: (sum*100 + max/2) / max})
	}
	return out
}

// Overall is the mean of the area scores, rounded.
func (a *Assessment) Overall() int {
	s := a.Scores()
	sum := 0
	for _, x := range s {
		sum += x.Score
	}
	return (sum + len(s)/2) / len(s)
}

// ValidAnswers reports whether answers is a complete, in-range set.
func ValidAnswers(answers []int) bool {
	if len(answers) != len(AssessmentAreas)*StatementsPerArea {
		return false
	}
	for _, r := range answers {
		if r < MinRating || r > MaxRating {
			return false
		}
	}
	return true
}

// AssessmentStore keeps self-assessments.
type AssessmentStore interface {
	SaveAssessment(ctx context.Context, a *Assessment) error
	// Assessments returns userID's assessments, newest first; before is a
	// keyset cursor (an id), 0 for the first page.
	Assessments(ctx context.Context, userID, before int64, limit int) ([]*Assessment, error)
	// AssessmentByID returns one assessment of userID's; ENotFound when it
	// does not exist or is someone else's.
	AssessmentByID(ctx context.Context, userID, id int64) (*Assessment, error)
}
