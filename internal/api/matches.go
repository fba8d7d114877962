package api

import (
	"bytes"
	"context"
	"net/http"
	"strconv"
	"sync"

	"github.com/danielgtaylor/huma/v2"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
)

// registerMatches adds the operations on partner matches.
func (a *API) registerMatches() {
	huma.Register(a.h, huma.Operation{OperationID: "list-proposal-matches", Method: http.MethodGet,
		Path: "/proposals/{id}/matches", Summary: "Rank the people or organisations that fit a proposal",
		Tags: []string{"Proposals"}, Security: bearer, Errors: []int{401, 403, 404, 422},
		Description: "For those who may edit the proposal (its proposer, its organisation's managers, moderators). " +
			"Ranks by coverage of the required skills (concept URIs, so across languages; partial credit through " +
			"narrower, broader and related skills), proficiency, evidence, region and country, language and partner " +
			"type. Each match says why: every reason has a stable key, its parameters and its text in the " +
			"Accept-Language language. People are matched only on what any member may see of them."}, a.listMatches)
}

// MatchListInput asks for a proposal's matches.
type MatchListInput struct {
	LangInput
	ID    int64  `path:"id" minimum:"1"`
	Kind  string `query:"kind" enum:"people,organisations," doc:"people (default) or organisations"`
	Limit int    `query:"limit" minimum:"0" maximum:"50" doc:"How many, 20 by default"`
}

// MatchListOutput is the ranked matches, best first.
type MatchListOutput struct {
	Body MatchListOutputBody
}

// MatchListOutputBody is a page of matches. The same page goes to every
// asker until the service computes it again, and encoding 20 matches with
// their reasons was a quarter of a request's work: a kept page carries its
// encoding, which the API's JSON format writes as it is (jsonFormat).
type MatchListOutputBody struct {
	Kind  string     `json:"kind"`
	Items []MatchDTO `json:"items"`
	raw   []byte     // the encoding of Kind and Items, when kept (Items is then nil)
}

// RawJSON returns the kept encoding, or nil.
func (b MatchListOutputBody) RawJSON() []byte { return b.raw }

// MatchDTO is one match.
type MatchDTO struct {
	Kind       string           `json:"kind" doc:"people or organisations"`
	ID         int64            `json:"id"`
	URL        string           `json:"url" doc:"The person's or organisation's page"`
	Name       string           `json:"name"`
	Type       string           `json:"type,omitempty" doc:"Organisation type"`
	Region     string           `json:"region,omitempty" doc:"NUTS code, when the caller may see it"`
	Country    string           `json:"country,omitempty"`
	Score      int              `json:"score" doc:"0-100"`
	Covered    int              `json:"covered" doc:"Essential skills covered, fully or in part"`
	Essentials int              `json:"essentials" doc:"Essential skills asked for"`
	Reasons    []MatchReasonDTO `json:"reasons"`
}

// MatchReasonDTO is one line of a match's explanation.
type MatchReasonDTO struct {
	Key    string            `json:"key" doc:"Stable message key, e.g. match.reason.via_narrower"`
	Params map[string]string `json:"params,omitempty" doc:"Skill labels in the caller's language, places, counts"`
	Text   string            `json:"text" doc:"The reason in the Accept-Language language"`
}

func (a *API) listMatches(ctx context.Context, in *MatchListInput) (*MatchListOutput, error) {
	lang := langOf(in.AcceptLanguage, a.cat)
	viewer, _ := user(ctx)
	page, err := a.svc.Matches(ctx, viewer, in.ID, service.MatchesQuery{Kind: in.Kind, Limit: in.Limit, Lang: lang})
	if err != nil {
		return nil, a.fail(lang, err)
	}
	return &MatchListOutput{Body: a.matchDTOs.get(lang, page.Kind, page.Matches, func() []MatchDTO {
		items := make([]MatchDTO, 0, len(page.Matches))
		for _, m := range page.Matches {
			items = append(items, a.matchDTO(lang, m))
		}
		return items
	})}, nil
}

// dtoMemo keeps the bodies, DTOs and encoding, of pages of matches the
// service keeps: a page is shared by every request until the service
// computes it again (a new slice), and translating its reasons was most of
// a request's work. Keys hold the page's first element, so its address is
// not reused while kept.
type dtoMemo struct {
	mu sync.Mutex
	m  map[dtoKey]MatchListOutputBody
}

type dtoKey struct {
	first *ponte.Match
	n     int
	lang  string
}

// dtoMemoMax bounds the pages kept (about 12 KB each); past it the memo
// starts afresh. The service keeps up to matchesKept (1,000) pages.
const dtoMemoMax = 1024

// get returns the body of the page ms of kind in lang, its DTOs made by
// build and encoded the first time.
func (d *dtoMemo) get(lang, kind string, ms []ponte.Match, build func() []MatchDTO) MatchListOutputBody {
	if len(ms) == 0 {
		return MatchListOutputBody{Kind: kind, Items: build()}
	}
	k := dtoKey{first: &ms[0], n: len(ms), lang: lang}
	d.mu.Lock()
	body, ok := d.m[k]
	d.mu.Unlock()
	if ok {
		return body
	}
	body = MatchListOutputBody{Kind: kind, Items: build()}
	var b bytes.Buffer
	if err := encodeJSON(&b, body); err == nil {
		body.raw, body.Items = b.Bytes(), nil // kept alone: smaller than the DTOs
	}
	d.mu.Lock()
	if d.m == nil || len(d.m) >= dtoMemoMax {
		d.m = make(map[dtoKey]MatchListOutputBody, dtoMemoMax)
	}
	d.m[k] = body
	d.mu.Unlock()
	return body
}

func (a *API) matchDTO(lang string, m ponte.Match) MatchDTO {
	d := MatchDTO{Kind: m.Kind, ID: m.ID, Name: m.Name, Type: m.Type, Region: m.Region, Country: m.Country,
		Score: m.Score, Covered: m.Covered, Essentials: m.Essentials, Reasons: make([]MatchReasonDTO, 0, len(m.Reasons)),
		URL: "/people/" + strconv.FormatInt(m.ID, 10)}
	if m.Kind == ponte.MatchOrganisations {
		d.URL = "/organisations/" + strconv.FormatInt(m.ID, 10)
	}
	for _, r := range m.Reasons {
		data := map[string]any{}
		params := map[string]string{}
		for k, v := range r.Params {
			data[k], params[k] = v, v
		}
		for k, key := range r.ParamKeys {
			t := a.cat.Translate(lang, key, nil)
			data[k], params[k] = t, t
		}
		text := ""
		if r.Plural {
			params["Count"] = strconv.Itoa(r.Count)
			text = a.cat.Plural(lang, r.Key, r.Count, data)
		} else {
			text = a.cat.Translate(lang, r.Key, data)
		}
		if len(params) == 0 {
			params = nil
		}
		d.Reasons = append(d.Reasons, MatchReasonDTO{Key: r.Key, Params: params, Text: text})
	}
	return d
}
