package web

import (
	"context"
	"net/http"
	"strconv"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
)

// interestRoutes are expressions of interest in a proposal.
func (s *Server) interestRoutes() []Route {
	return []Route{
		{"POST", "/proposals/{id}/interests", s.interestCreate, "member", 0},
		{"POST", "/proposals/{id}/interests/{interest}/decision", s.interestDecide, "member", 0},
	}
}

// proposalInterests is the expressions-of-interest part of a proposal page.
type proposalInterests struct {
	Loaded     bool   // filled (false only if the page was built elsewhere)
	Visitor    bool   // not signed in: invited to sign in
	CanExpress bool   // the viewer may express interest
	ShowForm   bool   // the form is offered: some choice of "on behalf of" is still unused
	ClosedKey  string // why the proposal takes no new interest
	Own        bool   // the viewer stands behind the proposal
	CanDecide  bool   // the viewer sees every expression and answers them
	Notice     string // a message key after a submission ("interest.sent", "interest.existing")
	Form       *form  // the expression form, with what was typed and its errors
	Orgs       []orgOption
	Mine       []*service.InterestView
	All        []*service.InterestView
	NextURL    string // the next page of All
	Decision   *form  // a refused decision's error
}

// interestFormKey carries a refused submission to the page it re-renders.
type interestFormKey struct{}

// interestForms are the submitted forms a re-rendered page shows.
type interestForms struct{ express, decision *form }

// loadProposalInterests fills d.Interests for the viewer.
func (s *Server) loadProposalInterests(r *http.Request, p *ponte.Proposal, d *proposalPageData) error {
	u := currentUser(r)
	q := r.URL.Query()
	v, err := s.svc.ProposalInterests(r.Context(), u, p.ID, q.Get("interests_before"), lang(r))
	if err != nil {
		return err
	}
	pi := proposalInterests{Loaded: true, Visitor: u == nil, CanExpress: v.CanExpress, ClosedKey: v.ClosedKey,
		Own: v.Own, CanDecide: v.CanDecide, Mine: v.Mine, Form: emptyForm(), Decision: emptyForm()}
	if fs, ok := r.Context().Value(interestFormKey{}).(*interestForms); ok {
		pi.Form, pi.Decision = orEmpty(fs.express), orEmpty(fs.decision)
	}
	switch q.Get("interest") {
	case "sent":
		pi.Notice = "interest.sent"
	case "existing":
		pi.Notice = "interest.existing"
	}
	pi.Orgs = interestChoices(v, pi.Form.Get("org_id"))
	pi.ShowForm = v.CanExpress && len(pi.Orgs) > 0
	if v.All != nil {
		pi.All = v.All.Items
		if v.All.Next != "" {
			pi.NextURL = "/proposals/" + orgItoa(p.ID) + "?interests_before=" + v.All.Next + "#interests"
		}
	}
	d.Interests = pi
	return nil
}

// interestChoices are the "on behalf of" options not used yet: the member
// themself, then the organisations they manage. The first is chosen unless
// the form says otherwise.
func interestChoices(v *service.ProposalInterestsView, chosen string) []orgOption {
	used := map[string]bool{}
	for _, m := range v.Mine {
		used[orgRefText(m.OrgID)] = true
	}
	var out []orgOption
	if !used["0"] {
		out = append(out, orgOption{Value: "0", Key: "interest.myself"})
	}
	for _, o := range v.Orgs {
		if id := strconv.FormatInt(o.OrgID, 10); !used[id] {
			out = append(out, orgOption{Value: id, Text: o.Name})
		}
	}
	on := false
	for n := range out {
		out[n].On = out[n].Value == chosen
		on = on || out[n].On
	}
	if !on && len(out) > 0 {
		out[0].On = true
	}
	return out
}

func orgRefText(id *int64) string {
	if id == nil {
		return "0"
	}
	return strconv.FormatInt(*id, 10)
}

func orEmpty(f *form) *form {
	if f == nil {
		return emptyForm()
	}
	return f
}

// interestCreate expresses interest. A second attempt lands on the page
// showing the existing expression; refusals (closed proposal, own
// proposal, empty message) come back on the page with the typed text.
func (s *Server) interestCreate(w http.ResponseWriter, r *http.Request) error {
	u, id, f, err := memberForm(r)
	if err != nil {
		return err
	}
	org, _ := strconv.ParseInt(f.Get("org_id"), 10, 64)
	_, created, err := s.svc.ExpressInterest(r.Context(), u, id, service.InterestInput{Message: f.Get("message"), OrgID: org}, lang(r))
	if status, ok := interestRefused(f, err); ok {
		return s.renderInterestPage(w, r, status, &interestForms{express: f})
	}
	if err != nil {
		return err
	}
	note := "existing"
	if created {
		note = "sent"
	}
	http.Redirect(w, r, "/proposals/"+orgItoa(id)+"?interest="+note+"#interests", http.StatusSeeOther)
	return nil
}

// interestRefused puts a refusal the page can explain on f and returns its
// status: field errors, a closed proposal, one's own proposal.
func interestRefused(f *form, err error) (int, bool) {
	if f.failed(err) {
		return http.StatusUnprocessableEntity, true
	}
	e := ponte.AsError(err)
	if e == nil || (e.Code != ponte.EConflict && e.Code != ponte.EForbidden) || e.Key == "" || e.Key == "error.forbidden" {
		return 0, false
	}
	f.Error = e.Key
	return ponte.HTTPStatus(e.Code), true
}

func (s *Server) renderInterestPage(w http.ResponseWriter, r *http.Request, status int, fs *interestForms) error {
	r = r.WithContext(context.WithValue(r.Context(), interestFormKey{}, fs))
	return s.renderProposalPage(w, r, status, emptyForm())
}

// interestDecide accepts or declines an expression of interest.
func (s *Server) interestDecide(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	iid, err := pathInt(r, "interest")
	if err != nil {
		return err
	}
	f, err := parseForm(r)
	if err != nil {
		return err
	}
	_, err = s.svc.DecideInterest(r.Context(), u, id, iid, f.Get("decision"), lang(r))
	if status, ok := interestRefused(f, err); ok {
		if f.Error == "" {
			f.Error = "error.choose_option"
		}
		return s.renderInterestPage(w, r, status, &interestForms{decision: f})
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/proposals/"+orgItoa(id)+"#interests", http.StatusSeeOther)
	return nil
}
