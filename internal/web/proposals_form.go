package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
)

// proposalFormData is the write or edit proposal page.
type proposalFormData struct {
	Form        *form
	ID          int64 // 0 when writing a new one
	Action      string
	Type        orgSelectView
	Langs       []orgOption
	Summary     proposalTextView
	Description proposalTextView
	SkillRows   []proposalSkillRow
	Rows        int
	Partners    orgSelectView // drawn as tick boxes
	S3          orgSelectView
	Themes      orgSelectView
	Suggest     proposalSuggestView
	RowTemplate proposalSkillRow // an empty row that the script copies
}

// proposalTextView is a labelled text area with its hint and error.
type proposalTextView struct {
	Name, Label, Hint, Value, Error string
	Rows, Max                       int
}

// proposalSkillRow is one required skill of the form: the shared skill
// field, whether it is essential and its least level.
type proposalSkillRow struct {
	N         string // the row's number; "__N__" in the script's template
	Field     SkillField
	Essential bool
	Levels    []orgOption
}

// proposalBlankRows is how many empty skill rows the form offers.
const proposalBlankRows = 3

func (s *Server) proposalNewForm(w http.ResponseWriter, r *http.Request) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	f := emptyForm()
	f.Values.Set("lang", lang(r))
	if org := r.URL.Query().Get("org"); org != "" {
		f.Values.Set("org_id", org)
	}
	return s.renderProposalForm(w, r, http.StatusOK, nil, f, nil)
}

func (s *Server) proposalEditForm(w http.ResponseWriter, r *http.Request) error {
	p, err := s.editableProposal(r)
	if err != nil {
		return err
	}
	return s.renderProposalForm(w, r, http.StatusOK, p, proposalFormValues(p), nil)
}

// editableProposal reads the {id} proposal and checks that the actor may
// edit it.
func (s *Server) editableProposal(r *http.Request) (*ponte.Proposal, error) {
	u, err := requireUser(r)
	if err != nil {
		return nil, err
	}
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	p, canEdit, err := s.svc.Proposal(r.Context(), u, id, lang(r))
	if err != nil {
		return nil, err
	}
	if !canEdit {
		return nil, ponte.Errorf(ponte.EForbidden, "error.forbidden")
	}
	return p, nil
}

// renderProposalForm draws the form with what was typed (f), its errors
// and the skill candidates a failed submission needs chosen.
func (s *Server) renderProposalForm(w http.ResponseWriter, r *http.Request, status int, p *ponte.Proposal, f *form, cands map[string][]*ponte.Concept) error {
	e := f.Errors
	d := &proposalFormData{Form: f, Action: "/proposals",
		Type: orgSelectView{"type", "proposal.field_type", e["type"], orgOptions(ponte.ProposalTypes, "proposal.type.", f.Get("type"))},
		Summary: proposalTextView{"summary", "proposal.field_summary", "proposal.summary_hint", f.Get("summary"), e["summary"],
			3, ponte.MaxProposalSummaryLen},
		Description: proposalTextView{"description", "proposal.field_description", "proposal.markdown_hint", f.Get("description"),
			e["description"], 10, ponte.MaxProposalTextLen},
		Partners: orgSelectView{"partner_types", "proposal.partner_types", e["partner_types"],
			orgOptions(ponte.OrgTypes, "org.type.", f.Values["partner_types"]...)},
		S3:     orgSelectView{"s3_areas", "proposal.s3_areas", e["s3_areas"], orgOptions(ponte.S3Areas, "people.s3.", f.Values["s3_areas"]...)},
		Themes: orgSelectView{"themes", "proposal.themes", e["themes"], orgOptions(ponte.Themes, "people.theme.", f.Values["themes"]...)}}
	for _, l := range ponte.Languages {
		d.Langs = append(d.Langs, orgOption{Value: l, Text: languageNames[l], On: f.Get("lang") == l})
	}
	title := "proposal.new_title"
	if p != nil {
		d.ID, d.Action, title = p.ID, "/proposals/"+orgItoa(p.ID), "proposal.edit_title"
	}
	d.Rows = skillRows(f)
	for i := 1; i <= d.Rows; i++ {
		d.SkillRows = append(d.SkillRows, newProposalSkillRow(f, strconv.Itoa(i), cands))
	}
	d.RowTemplate = newProposalSkillRow(nil, "__N__", nil)
	d.RowTemplate.Levels = orgOptions([]string{"1", "2", "3", "4"}, "people.level.", "1")
	d.RowTemplate.Essential = true
	d.Suggest = suggestViewOf(r)
	return s.render(w, r, status, "proposal_form", s.newPage(r, title, d))
}

// newProposalSkillRow is skill row n of the form as typed.
func newProposalSkillRow(f *form, n string, cands map[string][]*ponte.Concept) proposalSkillRow {
	sf := newOrgSkillField(f, "skill"+n, "proposal.skill_label", "", cands)
	return proposalSkillRow{N: n, Field: sf, Essential: f.Checked("essential" + n),
		Levels: orgOptions([]string{"1", "2", "3", "4"}, "people.level.", orgFieldOr(f.Get("level"+n), "2"))}
}

// skillRows is how many skill rows the form has: those sent (or filled)
// plus blank ones, within the limit.
func skillRows(f *form) int {
	n, _ := strconv.Atoi(f.Get("skill_rows"))
	filled := 0
	for i := 1; i <= ponte.MaxProposalSkills; i++ {
		if f.Get("skill"+strconv.Itoa(i)+"_q") != "" || f.Get("skill"+strconv.Itoa(i)+"_uri") != "" {
			filled = i
		}
	}
	return min(max(n, filled+proposalBlankRows, proposalBlankRows), ponte.MaxProposalSkills)
}

// proposalFormValues fills a fresh form from a proposal.
func proposalFormValues(p *ponte.Proposal) *form {
	f := emptyForm()
	v := f.Values
	v.Set("type", p.Type)
	v.Set("lang", p.Lang)
	v.Set("title", p.Title)
	v.Set("summary", p.Summary)
	v.Set("description", p.Description)
	v.Set("countries", strings.Join(p.Countries, " "))
	v.Set("regions", strings.Join(p.Regions, " "))
	v["partner_types"], v["s3_areas"], v["themes"] = p.PartnerTypes, p.S3Areas, p.Themes
	if !p.Deadline.IsZero() {
		v.Set("deadline", p.Deadline.Format(time.DateOnly))
	}
	v.Set("call_ref", p.CallRef)
	v.Set("call_url", p.CallURL)
	if p.OrgID != nil {
		v.Set("org_id", orgItoa(*p.OrgID))
	}
	for i, sk := range p.Skills {
		n := strconv.Itoa(i + 1)
		if sk.Concept != nil {
			v.Set("skill"+n+"_q", sk.Concept.Label)
			v.Set("skill"+n+"_uri", sk.Concept.URI)
		}
		if sk.Essential {
			v.Set("essential"+n, "1")
		}
		v.Set("level"+n, strconv.Itoa(sk.MinLevel))
	}
	return f
}

// proposalInput reads the form.
func proposalInput(f *form) service.ProposalInput {
	in := service.ProposalInput{Type: f.Get("type"), Lang: f.Get("lang"), Title: f.Get("title"),
		Summary: f.Get("summary"), Description: f.Get("description"), PartnerTypes: f.Values["partner_types"],
		S3Areas: f.Values["s3_areas"], Themes: f.Values["themes"], Countries: splitCodes(f.Get("countries")),
		Regions: splitCodes(f.Get("regions")), Deadline: f.Get("deadline"), CallRef: f.Get("call_ref"),
		CallURL: f.Get("call_url"), OrgID: proposalOrgRef(f.Get("org_id"))}
	for i := 1; i <= ponte.MaxProposalSkills; i++ {
		n := strconv.Itoa(i)
		level, _ := strconv.Atoi(orgFieldOr(f.Get("level"+n), "1"))
		in.Skills = append(in.Skills, service.ProposalSkillInput{SkillRef: service.SkillRef{Field: "skill" + n,
			URI: f.Get("skill" + n + "_uri"), Text: f.Get("skill" + n + "_q")}, Essential: f.Checked("essential" + n), MinLevel: level})
	}
	return in
}

// splitCodes reads codes separated by spaces, commas or semicolons.
func splitCodes(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == ' ' || r == '\n' || r == '\t' })
}

// proposalOrgRef reads an organisation as typed: "42", "#42" or its
// address on Ponte. Anything else is -1, which the service refuses.
func proposalOrgRef(s string) int64 {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0
	}
	if _, after, ok := strings.Cut(s, "/organisations/"); ok {
		s = after
	}
	s = strings.TrimPrefix(s, "#")
	if i := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }); i >= 0 {
		s = s[:i]
	}
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return -1
	}
	return id
}

func (s *Server) proposalCreate(w http.ResponseWriter, r *http.Request) error {
	return s.saveProposal(w, r, nil)
}

func (s *Server) proposalUpdate(w http.ResponseWriter, r *http.Request) error {
	p, err := s.editableProposal(r)
	if err != nil {
		return err
	}
	return s.saveProposal(w, r, p)
}

// saveProposal writes a new draft or saves an edit; a refused submission
// comes back with what was typed, every error and skill candidates.
func (s *Server) saveProposal(w http.ResponseWriter, r *http.Request, p *ponte.Proposal) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	f, err := parseForm(r)
	if err != nil {
		return err
	}
	addSuggestedSkills(f)
	switch f.Get("action") {
	case "suggest":
		return s.proposalSuggestForm(w, r, p, f)
	case "add_suggested":
		r = withSuggestions(r, keptSuggestions(f))
		return s.renderProposalForm(w, r, http.StatusOK, p, f, nil)
	}
	var saved *ponte.Proposal
	if p == nil {
		saved, err = s.svc.CreateProposal(r.Context(), u, proposalInput(f), lang(r))
	} else {
		saved, err = s.svc.UpdateProposal(r.Context(), u, p.ID, proposalInput(f), lang(r))
	}
	if f.failed(err) {
		return s.renderProposalForm(w, r, http.StatusUnprocessableEntity, p, f, skillChoices(err))
	}
	if err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/proposals/"+orgItoa(saved.ID), "flash.proposal_saved")
}
