package web

import "net/http"

// photoMaxBody is the photo upload route's body limit: a 5 MB picture with
// its multipart envelope. Larger bodies are refused with 413 before they
// are read; pictures between 5 MB and this are refused by the service (422).
const photoMaxBody = 6 << 20

// peopleRoutes are profiles, the people directory, skills and endorsements,
// and the innovation-skills self-assessment.
func (s *Server) peopleRoutes() []Route {
	return []Route{
		{"GET", "/people", s.peopleDirectory, "public", 0},
		{"GET", "/people/{id}", s.personPage, "public", 0},
		{"GET", "/people/{id}/photo", s.personPhoto, "public", 0},
		{"POST", "/people/{id}/endorse", s.endorse, "member", 0},
		{"POST", "/people/{id}/endorse/withdraw", s.withdrawEndorsement, "member", 0},
		{"GET", "/profile", s.myProfile, "member", 0},
		{"GET", "/profile/edit", s.profileEdit, "member", 0},
		{"POST", "/profile/photo", s.profilePhoto, "member", photoMaxBody},
		{"POST", "/profile/photo/delete", s.profilePhotoDelete, "member", 0},
		{"POST", "/profile/visibility", s.profileVisibility, "member", 0},
		{"POST", "/profile/section/{section}", s.profileSection, "member", 0},
		{"GET", "/profile/skills", s.profileSkills, "member", 0},
		{"POST", "/profile/skills", s.profileSkillAdd, "member", 0},
		{"POST", "/profile/skills/{id}", s.profileSkillUpdate, "member", 0},
		{"POST", "/profile/skills/{id}/delete", s.profileSkillDelete, "member", 0},
		{"GET", "/profile/assessment", s.assessmentPage, "member", 0},
		{"POST", "/profile/assessment", s.assessmentSubmit, "member", 0},
		{"GET", "/profile/assessment/{id}", s.assessmentResult, "member", 0},
	}
}

// myProfile sends the member to their public profile, as others see it.
func (s *Server) myProfile(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/people/"+itoa(u.ID), http.StatusSeeOther)
	return nil
}
