package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/ponte-platform/ponte/internal/service"
)

// SuggestInput is a text to find skills in.
type SuggestInput struct {
	LangInput
	Body struct {
		Text  string `json:"text" maxLength:"20000" doc:"The text, e.g. a proposal's summary and description"`
		Lang  string `json:"lang,omitempty" doc:"Language of the text (ISO 639-1); default from Accept-Language"`
		Limit int    `json:"limit,omitempty" doc:"How many suggestions, 1 to 50 (default 20)"`
	}
}

// SuggestionDTO is one suggested skill.
type SuggestionDTO struct {
	SkillRefDTO
	Score float64 `json:"score" doc:"Ranks the suggestions of one request, higher first; not comparable across requests"`
	Why   string  `json:"why" doc:"The strongest reason, in English: a matching label, an occupation the text reads like, a broader skill"`
}

// SuggestOutput lists suggestions, best first.
type SuggestOutput struct {
	Body struct {
		Items []SuggestionDTO `json:"items"`
	}
}

func (a *API) registerSkillSuggest() {
	huma.Register(a.h, huma.Operation{OperationID: "suggest-skills", Method: http.MethodPost,
		Path: "/skills/suggest", Summary: "Suggest skills for a text", Tags: []string{"Skills"},
		Errors: []int{400, 422},
		Description: "Ranks taxonomy skills for a text (a proposal being written): labels and alternative " +
			"labels with stemming in the text's language, occupations whose descriptions the text reads like " +
			"(their essential skills), and the skill hierarchy. Text with nothing relevant gives an empty list."},
		a.suggestSkills)
}

func (a *API) suggestSkills(ctx context.Context, in *SuggestInput) (*SuggestOutput, error) {
	lang := a.labelLang(in.Body.Lang, in.AcceptLanguage)
	limit := in.Body.Limit
	if limit <= 0 {
		limit = 20
	}
	found, err := a.svc.SkillsForText(ctx, in.Body.Text, lang, limit)
	if err != nil {
		return nil, a.fail(langOf(in.AcceptLanguage, a.cat), err)
	}
	out := &SuggestOutput{}
	out.Body.Items = make([]SuggestionDTO, 0, len(found))
	for _, f := range found {
		out.Body.Items = append(out.Body.Items, suggestionDTO(f))
	}
	return out, nil
}

func suggestionDTO(f service.TextSuggestion) SuggestionDTO {
	c := f.Concept
	return SuggestionDTO{SkillRefDTO: SkillRefDTO{ID: c.ID, URI: c.URI, Label: c.Label, Lang: c.Lang, Type: c.Kind},
		Score: f.Score, Why: f.Why}
}
