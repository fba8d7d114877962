package web

import (
	"net/http"
	"strconv"

	"github.com/ponte-platform/ponte"
)

// endorseTarget reads the person (path) and the skill's concept id (form).
func endorseTarget(r *http.Request) (int64, int64, error) {
	id, err := pathID(r)
	if err != nil {
		return 0, 0, err
	}
	f, err := parseForm(r)
	if err != nil {
		return 0, 0, err
	}
	concept, err := strconv.ParseInt(f.Get("skill"), 10, 64)
	if err != nil || concept <= 0 {
		return 0, 0, ponte.Errorf(ponte.EBadRequest, "error.bad_request")
	}
	return id, concept, nil
}

func (s *Server) endorse(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	id, concept, err := endorseTarget(r)
	if err != nil {
		return err
	}
	if err := s.svc.Endorse(r.Context(), u, id, concept); err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/people/"+itoa(id)+"#skill-"+itoa(concept), "flash.people.endorsed")
}

func (s *Server) withdrawEndorsement(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	id, concept, err := endorseTarget(r)
	if err != nil {
		return err
	}
	if err := s.svc.WithdrawEndorsement(r.Context(), u, id, concept); err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/people/"+itoa(id)+"#skill-"+itoa(concept), "flash.people.endorsement_withdrawn")
}
