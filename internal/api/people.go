package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/ponte-platform/ponte/internal/service"
)

// registerPeople declares profile and people operations.
func (a *API) registerPeople() {
	tags := []string{"People"}
	huma.Register(a.h, huma.Operation{OperationID: "get-my-profile", Method: http.MethodGet, Path: "/me/profile",
		Summary: "My profile, every section", Tags: tags, Security: bearer, Errors: []int{401}}, a.getMyProfile)
	huma.Register(a.h, huma.Operation{OperationID: "put-my-profile", Method: http.MethodPut, Path: "/me/profile",
		Summary: "Replace my profile (skills apart)", Tags: tags, Security: bearer,
		Errors: []int{400, 401, 422}}, a.putMyProfile)
	huma.Register(a.h, huma.Operation{OperationID: "get-my-skills", Method: http.MethodGet, Path: "/me/skills",
		Summary: "My skills", Tags: tags, Security: bearer, Errors: []int{401}}, a.getMySkills)
	huma.Register(a.h, huma.Operation{OperationID: "put-my-skills", Method: http.MethodPut, Path: "/me/skills",
		Summary: "Replace my skills, atomically", Tags: tags, Security: bearer,
		Description: "The body is the whole set. An unknown concept URI fails the whole request (422, naming it) and nothing changes.",
		Errors:      []int{400, 401, 422}}, a.putMySkills)
	huma.Register(a.h, huma.Operation{OperationID: "list-people", Method: http.MethodGet, Path: "/people",
		Summary: "Find people", Tags: tags, Errors: []int{422},
		Description: "Filters only match sections the caller may see; each item shows only what the caller may see."},
		a.listPeople)
	huma.Register(a.h, huma.Operation{OperationID: "get-person", Method: http.MethodGet, Path: "/people/{id}",
		Summary: "A person's profile, as the caller may see it", Tags: tags, Errors: []int{404}}, a.getPerson)
}

// PersonOutput is one profile.
type PersonOutput struct {
	Body PersonDTO
}

// PersonInput names a person.
type PersonInput struct {
	LangInput
	ID int64 `path:"id" minimum:"1"`
}

func (a *API) getPerson(ctx context.Context, in *PersonInput) (*PersonOutput, error) {
	lang := langOf(in.AcceptLanguage, a.cat)
	viewer, _ := user(ctx) // visitors too: visibility decides
	v, err := a.svc.Person(ctx, viewer, in.ID, lang)
	if err != nil {
		return nil, a.fail(lang, err)
	}
	return &PersonOutput{Body: personDTO(v)}, nil
}

func (a *API) getMyProfile(ctx context.Context, in *LangInput) (*PersonOutput, error) {
	lang := langOf(in.AcceptLanguage, a.cat)
	u, err := user(ctx)
	if err != nil {
		return nil, a.fail(lang, err)
	}
	v, err := a.svc.Person(ctx, u, u.ID, lang)
	if err != nil {
		return nil, a.fail(lang, err)
	}
	return &PersonOutput{Body: personDTO(v)}, nil
}

// PeopleInput is the directory's query.
type PeopleInput struct {
	LangInput
	Skill    string `query:"skill" doc:"Concept URI; narrower skills match too"`
	Region   string `query:"region" doc:"NUTS code of any level; matches the regions within it"`
	Language string `query:"language" doc:"ISO 639-1 code of a spoken language"`
	OrgType  string `query:"org_type" doc:"Member of an organisation of this type"`
	Interest string `query:"interest" doc:"theme:<code> or s3:<code>"`
	Order    string `query:"order" enum:"relevance,recent," doc:"relevance (default with a skill) or recent"`
	Cursor   string `query:"cursor" doc:"next_cursor of the previous page"`
	Limit    int    `query:"limit" minimum:"0" maximum:"100" doc:"Page size, 20 by default"`
}

// PeopleOutput is a page of people.
type PeopleOutput struct {
	Body struct {
		Items      []PersonDTO `json:"items"`
		NextCursor string      `json:"next_cursor,omitempty" doc:"Absent on the last page"`
	}
}

func (a *API) listPeople(ctx context.Context, in *PeopleInput) (*PeopleOutput, error) {
	lang := langOf(in.AcceptLanguage, a.cat)
	viewer, _ := user(ctx)
	page, err := a.svc.Directory(ctx, viewer, service.DirectoryQuery{SkillURI: in.Skill, Region: in.Region,
		Language: in.Language, OrgType: in.OrgType, Interest: in.Interest, Order: in.Order,
		Cursor: in.Cursor, Limit: in.Limit, Lang: lang})
	if err != nil {
		return nil, a.fail(lang, err)
	}
	out := &PeopleOutput{}
	out.Body.Items = make([]PersonDTO, 0, len(page.Items))
	for _, v := range page.Items {
		out.Body.Items = append(out.Body.Items, personDTO(v))
	}
	out.Body.NextCursor = page.Next
	return out, nil
}
