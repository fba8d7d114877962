package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/taxonomy"
)

// registerSkills declares the taxonomy operations (/skills). They are
// public: the autocomplete of every skill field calls GET /skills from the
// page, with no token.
func (a *API) registerSkills() {
	huma.Register(a.h, huma.Operation{OperationID: "list-skills", Method: http.MethodGet, Path: "/skills",
		Summary: "Suggest skills (autocomplete)", Tags: []string{"Skills"}, Errors: []int{422},
		Description: "Concepts whose labels (preferred, alternative) contain every word of q as a word prefix, " +
			"ignoring case and accents, best first: exact label, label prefix, words in order, all words; " +
			"preferred before alternative labels; transversal and cross-sector skills first on ties; shorter first. " +
			"Labels are in lang where the concept has one, else in English (see each item's lang). " +
			"An empty q gives an empty list."}, a.listSkills)
	huma.Register(a.h, huma.Operation{OperationID: "get-skill", Method: http.MethodGet, Path: "/skills/{id}",
		Summary: "A skill concept with its labels, broader and narrower concepts", Tags: []string{"Skills"},
		Errors: []int{404, 422}}, a.getSkill)
	huma.Register(a.h, huma.Operation{OperationID: "get-skill-by-uri", Method: http.MethodGet, Path: "/skills/by-uri",
		Summary: "A skill concept by its URI (e.g. an ESCO concept URI)", Tags: []string{"Skills"},
		Errors: []int{404, 422}}, a.getSkillByURI)
	a.registerSkillSuggest()
}

// SkillListInput is the autocomplete query.
type SkillListInput struct {
	LangInput
	Q     string `query:"q" maxLength:"200" doc:"What was typed: words or word beginnings, in any case, with or without accents"`
	Lang  string `query:"lang" maxLength:"16" doc:"Language of the labels (ISO 639-1, e.g. it); English where a concept has none, and for an unknown language. Default: from Accept-Language"`
	Limit int    `query:"limit" default:"10" doc:"How many suggestions, 1 to 50 (larger values are clamped, 0 or less means 10)"`
}

// SkillSuggestionDTO is one suggestion.
type SkillSuggestionDTO struct {
	ID          int64  `json:"id" doc:"Concept id, for /skills/{id} and the web page /skills/{id}"`
	URI         string `json:"uri" doc:"Concept URI (ESCO URI, or a URN for EntreComp, DigComp and innovation areas)"`
	Label       string `json:"label" doc:"Preferred label in lang"`
	Lang        string `json:"lang" doc:"Language of label: the asked language, or en when the concept has no label in it"`
	Type        string `json:"type" enum:"skill,knowledge,skill-group,competence,area,innovation-area" doc:"Kind of concept"`
	Scheme      string `json:"scheme" enum:"esco,entrecomp,digcomp,ponte"`
	ReuseLevel  string `json:"reuse_level" doc:"ESCO reuse level: transversal, cross-sector, sector-specific, occupation-specific, or empty"`
	Matched     string `json:"matched,omitempty" doc:"The label that matched, when it is not label (an alternative label, or an English label)"`
	MatchedLang string `json:"matched_lang,omitempty"`
	Exact       bool   `json:"exact" doc:"q equals one of the concept's labels, ignoring case and accents"`
}

// SkillListOutput is the autocomplete answer.
type SkillListOutput struct {
	Body struct {
		Items []SkillSuggestionDTO `json:"items" doc:"Suggestions, best first"`
	}
}

func (a *API) listSkills(ctx context.Context, in *SkillListInput) (*SkillListOutput, error) {
	hits, err := a.svc.SuggestSkills(ctx, in.Q, a.labelLang(in.Lang, in.AcceptLanguage), in.Limit)
	if err != nil {
		return nil, a.fail(langOf(in.AcceptLanguage, a.cat), err)
	}
	out := &SkillListOutput{}
	out.Body.Items = make([]SkillSuggestionDTO, len(hits))
	for i, h := range hits {
		out.Body.Items[i] = SkillSuggestionDTO{ID: h.ID, URI: h.URI, Label: h.Label, Lang: h.Lang, Type: h.Kind,
			Scheme: h.Scheme, ReuseLevel: h.ReuseLevel, Matched: h.Matched, MatchedLang: h.MatchedLang, Exact: h.Exact}
	}
	return out, nil
}

// SkillGetInput asks for one concept.
type SkillGetInput struct {
	LangInput
	ID            int64  `path:"id" minimum:"1" doc:"Concept id"`
	Lang          string `query:"lang" maxLength:"16" doc:"Language of the labels; English where a concept has none. Default: from Accept-Language"`
	NarrowerAfter int64  `query:"narrower_after" minimum:"0" doc:"Keyset cursor: narrower_next of the previous page"`
}

// SkillByURIInput asks for one concept by URI.
type SkillByURIInput struct {
	LangInput
	URI  string `query:"uri" required:"true" maxLength:"500" doc:"Concept URI"`
	Lang string `query:"lang" maxLength:"16" doc:"Language of the labels; English where a concept has none. Default: from Accept-Language"`
}

func (a *API) getSkill(ctx context.Context, in *SkillGetInput) (*SkillDetailOutput, error) {
	d, err := a.svc.SkillByID(ctx, in.ID, a.labelLang(in.Lang, in.AcceptLanguage), service.SkillCursor{NarrowerAfter: in.NarrowerAfter})
	if err != nil {
		return nil, a.fail(langOf(in.AcceptLanguage, a.cat), err)
	}
	return &SkillDetailOutput{Body: skillDetailDTO(d)}, nil
}

func (a *API) getSkillByURI(ctx context.Context, in *SkillByURIInput) (*SkillDetailOutput, error) {
	id, err := a.svc.SkillIDByURI(ctx, in.URI)
	if err == nil {
		var d *service.SkillDetail
		if d, err = a.svc.SkillByID(ctx, id, a.labelLang(in.Lang, in.AcceptLanguage), service.SkillCursor{}); err == nil {
			return &SkillDetailOutput{Body: skillDetailDTO(d)}, nil
		}
	}
	return nil, a.fail(langOf(in.AcceptLanguage, a.cat), err)
}

// labelLang is the language labels are asked in: lang if given (any ESCO
// language), else the best of Accept-Language among Ponte's six.
func (a *API) labelLang(lang, acceptLanguage string) string {
	if lang != "" {
		return lang
	}
	return langOf(acceptLanguage, a.cat)
}

// attribution is the notice a concept's labels need.
func attribution(scheme string) string {
	switch scheme {
	case ponte.SchemeESCO:
		return taxonomy.AttributionESCO
	case ponte.SchemeEntreComp:
		return taxonomy.AttributionEntreComp
	case ponte.SchemeDigComp:
		return taxonomy.AttributionDigComp
	}
	return ""
}
