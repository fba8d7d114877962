package service_test

import (
	"context"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
)

// allRatings answers every statement with r.
func allRatings(r int) map[string]int {
	m := map[string]int{}
	for _, a := range ponte.AssessmentAreas {
		for i := 1; i <= ponte.StatementsPerArea; i++ {
			m[service.AssessmentField(a, i)] = r
		}
	}
	return m
}

func TestAssessmentScoring(t *testing.T) {
	cases := []struct {
		name    string
		answers []int
		want    []int
		overall int
	}{
		{"all lowest", repeat(1, 24), []int{0, 0, 0, 0, 0, 0}, 0},
		{"all highest", repeat(5, 24), []int{100, 100, 100, 100, 100, 100}, 100},
		{"middle", repeat(3, 24), []int{50, 50, 50, 50, 50, 50}, 50},
		{"mixed", append(append([]int{5, 5, 5, 4}, repeat(1, 4)...), repeat(2, 16)...),
			[]int{94, 0, 25, 25, 25, 25}, 32},
	}
	for _, tc := range cases {
		a := &ponte.Assessment{Answers: tc.answers}
		for i, s := range a.Scores() {
			if s.Area != ponte.AssessmentAreas[i] || s.Score != tc.want[i] {
				t.Errorf("%s: %s = %d, want %d", tc.name, s.Area, s.Score, tc.want[i])
			}
		}
		if got := a.Overall(); got != tc.overall {
			t.Errorf("%s: overall %d, want %d", tc.name, got, tc.overall)
		}
	}
}

func repeat(r, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = r
	}
	return out
}

func TestSubmitAssessmentAndHistory(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		u := e.member(t, "as@example.org")
		partial := allRatings(4)
		delete(partial, service.AssessmentField(ponte.AreaCreativity, 2))
		partial[service.AssessmentField(ponte.AreaManagement, 1)] = 6
		_, err := e.svc.SubmitAssessment(ctx, u, partial)
		wantField(t, err, "q.creativity.2", "error.profile.rating_required")
		wantField(t, err, "q.management.1", "error.profile.rating_required")
		if h, _ := e.svc.MyAssessments(ctx, u, 0, 10); len(h) != 0 {
			t.Fatal("an incomplete assessment was saved")
		}
		first, err := e.svc.SubmitAssessment(ctx, u, allRatings(2))
		if err != nil {
			t.Fatal(err)
		}
		e.now = e.now.Add(24 * 60 * 60 * 1e9)
		second, _ := e.svc.SubmitAssessment(ctx, u, allRatings(5))
		h, _ := e.svc.MyAssessments(ctx, u, 0, 10)
		if len(h) != 2 || h[0].ID != second.ID || h[1].Overall() != 25 || !h[0].TakenAt.After(h[1].TakenAt) {
			t.Fatalf("history = %+v", h)
		}
		other := e.member(t, "other@example.org")
		_, err = e.svc.MyAssessment(ctx, other, first.ID)
		wantCode(t, err, ponte.ENotFound)
		// Private by default: the profile shows it to its person only.
		v, _ := e.svc.Person(ctx, other, u.ID, "en")
		if v != nil && v.Assessment != nil {
			t.Fatal("private assessment shown to a member")
		}
		mine, _ := e.svc.Person(ctx, u, u.ID, "en")
		if mine.Assessment == nil || mine.Assessment.ID != second.ID {
			t.Fatalf("own view: %+v", mine.Assessment)
		}
	})
}
