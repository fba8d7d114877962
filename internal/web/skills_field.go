package web

import (
	"github.com/ponte-platform/ponte"
)

// SkillField is the view of a skill field, the one way every form asks for
// a skill. Draw it with
//
//	{{template "skill-field" .Data.Skill}}
//
// and put {{template "skill-assets"}} once in the page's content block (it
// links skills.css and skillpicker.js). Without JavaScript the field is a
// labelled text input; with it, the input becomes an ARIA 1.2 combobox
// whose list comes from GET /api/v1/skills and whose choice fills a
// hidden input.
//
// What the browser sends, for Name "skill":
//
//	skill_q    the text as typed (always)
//	skill_uri  the concept URI chosen from the suggestions, or from the
//	           radio buttons of an earlier answer; empty when the person
//	           only typed
//
// A handler resolves the two with the service, which accepts a URI or
// typed text that names exactly one concept:
//
//	f, err := parseForm(r)
//	…
//	text, uri := f.Get("skill_q"), f.Get("skill_uri")
//	c, candidates, err := s.svc.ResolveSkill(r.Context(), "skill", uri, text, lang(r))
//	if err != nil { // EInvalid with Fields["skill"]: show the form again
//		f.failed(err)
//		field := skillFieldFrom(f, "skill", "profile.skill_label", candidates)
//		return s.render(w, r, http.StatusUnprocessableEntity, "…", s.newPage(r, "…", data{Skill: field}))
//	}
//	// c.ID and c.URI name the concept; store the ID.
//
// When the text was ambiguous the field shows the candidates as radio
// buttons named skill_uri, so the next submission carries a URI. The
// error keys are error.required, error.skill_unknown, error.skill_choose
// and error.skill_no_match; field-level errors link from the form's error
// summary to the text input, whose id is "f-" + Name.
type SkillField struct {
	Name       string           // field name prefix; the inputs are Name_q and Name_uri
	Label      string           // message key of the label
	Hint       string           // message key of a hint; "" for the default hint
	Text       string           // the text typed so far
	URI        string           // the concept chosen so far, if any
	Error      string           // message key of the field's error, or ""
	Required   bool             // mark the field as required
	Candidates []*ponte.Concept // choices offered after an ambiguous answer
}

// ID is the id of the text input, "f-" + Name, which error summaries link to.
func (f SkillField) ID() string { return "f-" + f.Name }

// DescribedBy lists the ids of the hint and the error, for aria-describedby.
func (f SkillField) DescribedBy() string {
	ids := f.ID() + "-hint"
	if f.Error != "" {
		ids += " " + f.ID() + "-error"
	}
	return ids
}

// skillFieldFrom builds a SkillField from a submitted form: the text, the
// URI and the field's error; candidates come from ResolveSkill.
func skillFieldFrom(f *form, name, label string, candidates []*ponte.Concept) SkillField {
	sf := SkillField{Name: name, Label: label, Candidates: candidates}
	if f != nil {
		sf.Text, sf.URI, sf.Error = f.Get(name+"_q"), f.Get(name+"_uri"), f.Errors[name]
	}
	return sf
}

// skillChoice is one radio button of an ambiguous answer.
type skillChoice struct {
	URI, Label, Lang, KindKey string
	Checked                   bool
}

// Choices returns the candidates as radio buttons.
func (f SkillField) Choices() []skillChoice {
	out := make([]skillChoice, 0, len(f.Candidates))
	for _, c := range f.Candidates {
		out = append(out, skillChoice{URI: c.URI, Label: c.Label, Lang: c.Lang, KindKey: kindKey(c.Kind),
			Checked: c.URI == f.URI})
	}
	return out
}
