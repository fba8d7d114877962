package api

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/ponte-platform/ponte/internal/service"
)

// registerOrgs declares organisation operations.
func (a *API) registerOrgs() {
	tags := []string{"Organisations"}
	huma.Register(a.h, huma.Operation{OperationID: "list-organisations", Method: http.MethodGet, Path: "/organisations",
		Summary: "Find organisations", Tags: tags, Errors: []int{400, 422},
		Description: "Keyset pages: pass next_cursor back as cursor. A skill filter matches narrower skills too."},
		a.listOrgs)
	huma.Register(a.h, huma.Operation{OperationID: "create-organisation", Method: http.MethodPost, Path: "/organisations",
		Summary: "Create an organisation; the caller becomes its owner", Tags: tags, Security: bearer,
		DefaultStatus: http.StatusCreated, Errors: []int{400, 401, 422}}, a.createOrg)
	huma.Register(a.h, huma.Operation{OperationID: "get-organisation", Method: http.MethodGet, Path: "/organisations/{id}",
		Summary: "An organisation with its distinctive competences", Tags: tags, Errors: []int{404}}, a.getOrg)
	huma.Register(a.h, huma.Operation{OperationID: "update-organisation", Method: http.MethodPut, Path: "/organisations/{id}",
		Summary: "Replace an organisation's profile (owners and managers)", Tags: tags, Security: bearer,
		Errors: []int{400, 401, 403, 404, 422}}, a.updateOrg)
	huma.Register(a.h, huma.Operation{OperationID: "create-organisation-project", Method: http.MethodPost,
		Path: "/organisations/{id}/projects", Summary: "Add a project (owners and managers)", Tags: tags,
		Security: bearer, DefaultStatus: http.StatusCreated, Errors: []int{400, 401, 403, 404, 422},
		Description: "Skills are concept URIs. An unknown URI fails the whole request (422, naming it) and nothing is saved."},
		a.createProject)
}

// OrgListInput is the directory's query.
type OrgListInput struct {
	LangInput
	Q        string `query:"q" doc:"Part of the name"`
	Skill    string `query:"skill" doc:"Concept URI; narrower skills match too"`
	Region   string `query:"region" doc:"NUTS code of any level; matches the regions within it"`
	Type     string `query:"type"`
	SizeBand string `query:"size_band"`
	Sector   string `query:"sector" doc:"NACE section, A to U"`
	S3Area   string `query:"s3_area"`
	Order    string `query:"order" enum:"relevance,recent," doc:"relevance (default) or recent"`
	Cursor   string `query:"cursor" doc:"next_cursor of the previous page"`
	Limit    int    `query:"limit" minimum:"0" maximum:"100" doc:"Page size, 20 by default"`
}

// OrgListOutput is a page of the directory.
type OrgListOutput struct {
	Body struct {
		Items      []OrgListItemDTO `json:"items"`
		NextCursor string           `json:"next_cursor,omitempty"`
	}
}

func (a *API) listOrgs(ctx context.Context, in *OrgListInput) (*OrgListOutput, error) {
	lang := langOf(in.AcceptLanguage, a.cat)
	page, err := a.svc.OrgDirectory(ctx, service.OrgDirectoryInput{Query: in.Q, SkillURI: in.Skill, SkillField: "skill",
		Region: in.Region, Type: in.Type, SizeBand: in.SizeBand, Sector: in.Sector, S3Area: in.S3Area,
		Order: in.Order, Cursor: in.Cursor, Limit: in.Limit}, lang)
	if err != nil {
		return nil, a.fail(lang, err)
	}
	out := &OrgListOutput{}
	out.Body.Items = make([]OrgListItemDTO, 0, len(page.Items))
	for _, it := range page.Items {
		out.Body.Items = append(out.Body.Items, OrgListItemDTO{ID: it.ID, Name: it.Name, Type: it.Type,
			SizeBand: it.SizeBand, Country: it.Country, Region: it.Region, ProjectCount: it.ProjectCount,
			MemberCount: it.Members, Score: it.Score, UpdatedAt: it.UpdatedAt})
	}
	out.Body.NextCursor = page.Next
	return out, nil
}

// OrgOutput is one organisation.
type OrgOutput struct {
	Body OrganisationDTO
}

// OrgInput names an organisation.
type OrgInput struct {
	LangInput
	ID int64 `path:"id" minimum:"1"`
}

// apiCompetences is how many distinctive competences GET shows.
const apiCompetences = 10

func (a *API) getOrg(ctx context.Context, in *OrgInput) (*OrgOutput, error) {
	lang := langOf(in.AcceptLanguage, a.cat)
	viewer, _ := user(ctx)
	o, _, err := a.svc.Organisation(ctx, viewer, in.ID)
	if err != nil {
		return nil, a.fail(lang, err)
	}
	comps, err := a.svc.OrgCompetences(ctx, o.ID, lang, apiCompetences)
	if err != nil {
		return nil, a.fail(lang, err)
	}
	return &OrgOutput{Body: orgDTO(o, comps)}, nil
}

// OrgCreateInput is a new organisation.
type OrgCreateInput struct {
	LangInput
	Body OrgBody
}

func (a *API) createOrg(ctx context.Context, in *OrgCreateInput) (*OrgOutput, error) {
	lang := langOf(in.AcceptLanguage, a.cat)
	u, err := user(ctx)
	if err != nil {
		return nil, a.fail(lang, err)
	}
	o, err := a.svc.CreateOrganisation(ctx, u, in.Body.input())
	if err != nil {
		return nil, a.fail(lang, err)
	}
	return &OrgOutput{Body: orgDTO(o, nil)}, nil
}

// OrgUpdateInput replaces an organisation's profile.
type OrgUpdateInput struct {
	LangInput
	ID   int64 `path:"id" minimum:"1"`
	Body OrgBody
}

func (a *API) updateOrg(ctx context.Context, in *OrgUpdateInput) (*OrgOutput, error) {
	lang := langOf(in.AcceptLanguage, a.cat)
	u, err := user(ctx)
	if err != nil {
		return nil, a.fail(lang, err)
	}
	o, err := a.svc.UpdateOrganisation(ctx, u, in.ID, service.OrgAll, in.Body.input())
	if err != nil {
		return nil, a.fail(lang, err)
	}
	return &OrgOutput{Body: orgDTO(o, nil)}, nil
}

// ProjectCreateInput is a new project of an organisation.
type ProjectCreateInput struct {
	LangInput
	ID   int64 `path:"id" minimum:"1"`
	Body ProjectBody
}

// ProjectOutput is one project.
type ProjectOutput struct {
	Body ProjectDTO
}

func (a *API) createProject(ctx context.Context, in *ProjectCreateInput) (*ProjectOutput, error) {
	lang := langOf(in.AcceptLanguage, a.cat)
	u, err := user(ctx)
	if err != nil {
		return nil, a.fail(lang, err)
	}
	p, err := a.svc.CreateOrgProject(ctx, u, in.ID, in.Body.input(), lang)
	if err != nil {
		return nil, a.projectError(lang, err, in.Body.Skills)
	}
	if p, err = a.svc.OrgProject(ctx, in.ID, p.ID, lang); err != nil { // labelled skills, partner names
		return nil, a.fail(lang, err)
	}
	return &ProjectOutput{Body: projectDTO(p)}, nil
}

// projectError translates a refused project and names each rejected skill
// URI in its field's message, so a program can tell which one to fix.
func (a *API) projectError(lang string, err error, skills []string) error {
	out := a.fail(lang, err)
	eb, ok := out.(*ErrorBody)
	if !ok {
		return out
	}
	for field, msg := range eb.Err.Fields {
		idx, ok := strings.CutPrefix(field, "skills.")
		i, err := strconv.Atoi(idx)
		if ok && err == nil && i >= 0 && i < len(skills) {
			eb.Err.Fields[field] = msg + " (" + skills[i] + ")"
		}
	}
	return eb
}
