package web

import (
	"net/http"
	"net/url"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
)

// proposalDirectoryData is the /proposals page.
type proposalDirectoryData struct {
	Form     *form
	Skill    SkillField
	Selects  []orgSelectView
	Items    []proposalView
	NextURL  string
	Filtered bool
	Save     *savedSearchForm // "Save this search", for members (saved_searches.go)
}

func (s *Server) proposalDirectory(w http.ResponseWriter, r *http.Request) error {
	return s.proposalDirectoryWith(w, r, r.URL.Query(), nil)
}

// proposalDirectoryWith renders the directory for the filters q; save is
// a refused "Save this search" form to show again (nil: a fresh one).
func (s *Server) proposalDirectoryWith(w http.ResponseWriter, r *http.Request, q url.Values, save *form) error {
	f := &form{Values: q, Errors: map[string]string{}}
	in := service.ProposalListInput{Type: q.Get("type"), Status: q.Get("status"), SkillURI: q.Get("skill_uri"),
		SkillText: q.Get("skill_q"), SkillField: "skill", Region: q.Get("region"), S3Area: q.Get("s3_area"),
		DeadlineBefore: q.Get("deadline_before"), DeadlineAfter: q.Get("deadline_after"), Cursor: q.Get("after")}
	page, err := s.svc.Proposals(r.Context(), currentUser(r), in, lang(r))
	status := http.StatusOK
	if f.failed(err) {
		status, page = http.StatusUnprocessableEntity, &service.ProposalPage{}
	} else if err != nil {
		return err
	}
	statuses := []string{ponte.ProposalPublished, ponte.ProposalClosed}
	if currentUser(r) != nil {
		statuses = ponte.ProposalStatuses
	}
	d := &proposalDirectoryData{Form: f,
		Skill: newOrgSkillField(f, "skill", "proposal.filter_skill", "proposal.filter_skill_hint", skillChoices(err)),
		Selects: []orgSelectView{
			{"type", "proposal.filter_type", f.Errors["type"], orgOptions(ponte.ProposalTypes, "proposal.type.", in.Type)},
			{"status", "proposal.filter_status", f.Errors["status"], orgOptions(statuses, "proposal.status.", in.Status)},
			{"s3_area", "proposal.filter_s3", f.Errors["s3_area"], orgOptions(ponte.S3Areas, "people.s3.", in.S3Area)},
		},
		Filtered: len(q) > 0, Save: newSavedSearchForm(r, q, save)}
	if page.Skill != nil {
		d.Skill.Text, d.Skill.URI = page.Skill.Label, page.Skill.URI
	}
	for _, p := range page.Items {
		d.Items = append(d.Items, newProposalView(p))
	}
	if page.Next != "" {
		next := url.Values{}
		for k, v := range q {
			next[k] = v
		}
		next.Set("after", page.Next)
		d.NextURL = "/proposals?" + next.Encode()
	}
	if save != nil {
		status = http.StatusUnprocessableEntity
	}
	return s.render(w, r, status, "proposal_directory", s.newPage(r, "proposal.directory_title", d))
}
