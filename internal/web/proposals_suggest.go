package web

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/ponte-platform/ponte"
)

// Skill suggestions on the proposal form. Without JavaScript, the button
// "Suggest skills from my text" submits the form with action=suggest: the
// form comes back as typed (nothing saved) with the suggestions as tick
// boxes named add_skill; ticked ones become required skills on the next
// submission (essential, least level 1), whichever button sends it. With
// JavaScript, proposal_suggest.js asks POST /proposals/suggest-skills and
// adds a skill row with one click.

// proposalSuggestLimit is how many suggestions the form offers.
const proposalSuggestLimit = 10

// proposalSuggestView is the suggestions part of the form.
type proposalSuggestView struct {
	Asked bool // the person asked: show the result, even an empty one
	Items []proposalSuggestion
	Error string // message key when the suggestions could not be made
}

// proposalSuggestion is one suggested skill, labelled for the reader.
type proposalSuggestion struct {
	N                int
	URI, Label, Lang string
}

type suggestKey struct{}

// withSuggestions hands the suggestions to renderProposalForm.
func withSuggestions(r *http.Request, v proposalSuggestView) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), suggestKey{}, v))
}

func suggestViewOf(r *http.Request) proposalSuggestView {
	v, _ := r.Context().Value(suggestKey{}).(proposalSuggestView)
	return v
}

// proposalSuggestForm shows the form again, as typed, with suggestions.
func (s *Server) proposalSuggestForm(w http.ResponseWriter, r *http.Request, p *ponte.Proposal, f *form) error {
	v, err := s.suggestFor(r, f)
	if err != nil {
		return err
	}
	return s.renderProposalForm(w, withSuggestions(r, v), http.StatusOK, p, f, nil)
}

// suggestFor asks the service for skills fitting the form's text, leaving
// out those the form already names. Refusals the person can act on (text
// too long, too many requests) become the view's error.
func (s *Server) suggestFor(r *http.Request, f *form) (proposalSuggestView, error) {
	v := proposalSuggestView{Asked: true}
	u, err := requireUser(r)
	if err != nil {
		return v, err
	}
	text := strings.TrimSpace(f.Get("title") + "\n" + f.Get("summary") + "\n" + f.Get("description"))
	if text == "" {
		v.Error = "proposal.suggest.no_text"
		return v, nil
	}
	found, err := s.svc.SuggestProposalSkills(r.Context(), u, text, f.Get("lang"), lang(r), proposalSuggestLimit+ponte.MaxProposalSkills)
	switch ponte.ErrorCode(err) {
	case "":
	case ponte.EInvalid:
		v.Error = "proposal.suggest.too_long"
		return v, nil
	case ponte.ERateLimited:
		v.Error = "error.rate_limited"
		return v, nil
	default:
		return v, err
	}
	have := formSkillURIs(f)
	for _, sg := range found {
		if len(v.Items) == proposalSuggestLimit {
			break
		}
		if c := sg.Concept; !slices.Contains(have, c.URI) {
			v.Items = append(v.Items, proposalSuggestion{N: len(v.Items) + 1, URI: c.URI, Label: c.Label, Lang: c.Lang})
		}
	}
	return v, nil
}

// formSkillURIs lists the skills the form's rows already name.
func formSkillURIs(f *form) []string {
	var out []string
	for i := 1; i <= ponte.MaxProposalSkills; i++ {
		if u := f.Get("skill" + strconv.Itoa(i) + "_uri"); u != "" {
			out = append(out, u)
		}
	}
	return out
}

// addSuggestedSkills turns ticked suggestions (add_skill) into skill rows:
// each fills the first empty row, essential, least level 1. A skill the
// form already names is not added twice.
func addSuggestedSkills(f *form) {
	labels := map[string]string{}
	uris, names := f.Values["sug_uri"], f.Values["sug_label"]
	for i := range min(len(uris), len(names)) {
		labels[uris[i]] = names[i]
	}
	have := formSkillURIs(f)
	row := 1
	for _, uri := range f.Values["add_skill"] {
		if uri == "" || slices.Contains(have, uri) {
			continue
		}
		for ; row <= ponte.MaxProposalSkills; row++ {
			n := strconv.Itoa(row)
			if f.Get("skill"+n+"_q") == "" && f.Get("skill"+n+"_uri") == "" {
				break
			}
		}
		if row > ponte.MaxProposalSkills {
			f.Errors["skills"] = "proposal.error.too_many"
			break
		}
		n := strconv.Itoa(row)
		f.Values.Set("skill"+n+"_q", orgFieldOr(labels[uri], uri))
		f.Values.Set("skill"+n+"_uri", uri)
		f.Values.Set("essential"+n, "1")
		f.Values.Set("level"+n, "1")
		have = append(have, uri)
	}
	f.Values.Del("add_skill")
}

// keptSuggestions is the list sent back with the form (hidden sug_*
// fields), less the skills the form now names: after adding some, the
// rest stay on offer without asking the model again.
func keptSuggestions(f *form) proposalSuggestView {
	v := proposalSuggestView{Asked: true}
	have := formSkillURIs(f)
	uris, names, langs := f.Values["sug_uri"], f.Values["sug_label"], f.Values["sug_lang"]
	for i := range min(len(uris), len(names), len(langs), proposalSuggestLimit) {
		if uris[i] != "" && !slices.Contains(have, uris[i]) {
			v.Items = append(v.Items, proposalSuggestion{N: len(v.Items) + 1, URI: uris[i], Label: names[i], Lang: langs[i]})
		}
	}
	return v
}

// suggestItemJSON is one suggestion as the script receives it.
type suggestItemJSON struct {
	URI   string `json:"uri"`
	Label string `json:"label"`
	Lang  string `json:"lang"`
}

// proposalSuggestJSON answers the form's script: the form's fields in,
// {"items": [...], "message": "3 suggestions"} out, in the reader's
// language. A session request, so the browser needs no API token; cross-
// site requests are refused by the CSRF protection like every POST.
func (s *Server) proposalSuggestJSON(w http.ResponseWriter, r *http.Request) error {
	f, err := parseForm(r)
	if err == nil {
		var v proposalSuggestView
		if v, err = s.suggestFor(r, f); err == nil {
			return s.writeSuggestJSON(w, r, v)
		}
	}
	code := ponte.ErrorCode(err)
	key := "error.internal"
	if e := ponte.AsError(err); e != nil && code != ponte.EInternal && e.Key != "" {
		key = e.Key
	} else {
		s.log.Error("suggest skills", "request_id", RequestID(r), "err", err)
	}
	writeJSONError(w, statusOf(code), code, s.cat.Translate(lang(r), key, nil))
	return nil
}

func (s *Server) writeSuggestJSON(w http.ResponseWriter, r *http.Request, v proposalSuggestView) error {
	out := struct {
		Items   []suggestItemJSON `json:"items"`
		Message string            `json:"message"`
	}{Items: []suggestItemJSON{}}
	for _, it := range v.Items {
		out.Items = append(out.Items, suggestItemJSON{URI: it.URI, Label: it.Label, Lang: it.Lang})
	}
	if v.Error != "" {
		out.Message = s.cat.Translate(lang(r), v.Error, nil)
	} else {
		out.Message = s.cat.Plural(lang(r), "proposal.suggest.count", len(out.Items), nil)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	return json.NewEncoder(w).Encode(out)
}
