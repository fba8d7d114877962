package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/ponte-platform/ponte/internal/service"
)

// registerProposals declares the collaboration proposal operations.
func (a *API) registerProposals() {
	tags := []string{"Proposals"}
	huma.Register(a.h, huma.Operation{OperationID: "list-proposals", Method: http.MethodGet, Path: "/proposals",
		Summary: "Find collaboration proposals", Tags: tags, Errors: []int{400, 422},
		Description: "Newest first, keyset pages: pass next_cursor back as cursor. Published proposals by default; " +
			"status=closed lists closed ones; draft, pending (awaiting moderation) and archived list the caller's own " +
			"(everyone's for moderators). " +
			"A skill filter matches narrower skills too."}, a.listProposals)
	huma.Register(a.h, huma.Operation{OperationID: "create-proposal", Method: http.MethodPost, Path: "/proposals",
		Summary: "Write a proposal (saved as a draft)", Tags: tags, Security: bearer,
		DefaultStatus: http.StatusCreated, Errors: []int{400, 401, 422},
		Description: "Skills are concept URIs. An unknown URI fails the whole request (422, naming it) and nothing is saved."},
		a.createProposal)
	huma.Register(a.h, huma.Operation{OperationID: "get-proposal", Method: http.MethodGet, Path: "/proposals/{id}",
		Summary: "A proposal", Tags: tags, Errors: []int{404},
		Description: "Drafts and archived proposals are found only by those who may edit them."}, a.getProposal)
	huma.Register(a.h, huma.Operation{OperationID: "update-proposal", Method: http.MethodPut, Path: "/proposals/{id}",
		Summary: "Replace a proposal's content (its proposer, its organisation's managers, moderators)", Tags: tags,
		Security: bearer, Errors: []int{400, 401, 403, 404, 409, 422},
		Description: "Drafts and published proposals only; a published one must stay complete."}, a.updateProposal)
	huma.Register(a.h, huma.Operation{OperationID: "change-proposal-status", Method: http.MethodPost,
		Path: "/proposals/{id}/status", Summary: "Publish, close or archive a proposal", Tags: tags, Security: bearer,
		Errors: []int{400, 401, 403, 404, 409, 422},
		Description: "draft → published → closed (reason partnered or withdrawn) → archived; anything else is 409. " +
			"When the instance moderates proposals (PONTE_MODERATION), publishing by a non-moderator answers with " +
			"the proposal in state pending: a moderator publishes it (status published, moderators only, else 403) " +
			"or sends it back; its editors may take it back with status draft."},
		a.changeProposalStatus)
}

// ProposalListInput is the directory's query.
type ProposalListInput struct {
	LangInput
	Type           string `query:"type"`
	Status         string `query:"status" enum:"published,closed,draft,pending,archived,"`
	Skill          string `query:"skill" doc:"Concept URI; narrower skills match too"`
	Region         string `query:"region" doc:"NUTS code of any level; matches target regions within it"`
	S3Area         string `query:"s3_area"`
	DeadlineBefore string `query:"deadline_before" doc:"YYYY-MM-DD, inclusive"`
	DeadlineAfter  string `query:"deadline_after" doc:"YYYY-MM-DD, inclusive"`
	Cursor         string `query:"cursor" doc:"next_cursor of the previous page"`
	Limit          int    `query:"limit" minimum:"0" maximum:"100" doc:"Page size, 20 by default"`
}

// ProposalListOutput is a page of proposals.
type ProposalListOutput struct {
	Body struct {
		Items      []ProposalDTO `json:"items"`
		NextCursor string        `json:"next_cursor,omitempty"`
	}
}

func (a *API) listProposals(ctx context.Context, in *ProposalListInput) (*ProposalListOutput, error) {
	lang := langOf(in.AcceptLanguage, a.cat)
	viewer, _ := user(ctx)
	page, err := a.svc.Proposals(ctx, viewer, service.ProposalListInput{Type: in.Type, Status: in.Status,
		SkillURI: in.Skill, SkillField: "skill", Region: in.Region, S3Area: in.S3Area,
		DeadlineBefore: in.DeadlineBefore, DeadlineAfter: in.DeadlineAfter, Cursor: in.Cursor, Limit: in.Limit}, lang)
	if err != nil {
		return nil, a.fail(lang, err)
	}
	out := &ProposalListOutput{}
	out.Body.Items = make([]ProposalDTO, 0, len(page.Items))
	for _, p := range page.Items {
		out.Body.Items = append(out.Body.Items, proposalDTO(p))
	}
	out.Body.NextCursor = page.Next
	return out, nil
}

// ProposalOutput is one proposal.
type ProposalOutput struct {
	Body ProposalDTO
}

// ProposalIDInput names a proposal.
type ProposalIDInput struct {
	LangInput
	ID int64 `path:"id" minimum:"1"`
}

func (a *API) getProposal(ctx context.Context, in *ProposalIDInput) (*ProposalOutput, error) {
	lang := langOf(in.AcceptLanguage, a.cat)
	viewer, _ := user(ctx)
	p, _, err := a.svc.Proposal(ctx, viewer, in.ID, lang)
	if err != nil {
		return nil, a.fail(lang, err)
	}
	return &ProposalOutput{Body: proposalDTO(p)}, nil
}

// ProposalCreateInput is a new proposal.
type ProposalCreateInput struct {
	LangInput
	Body ProposalBody
}

func (a *API) createProposal(ctx context.Context, in *ProposalCreateInput) (*ProposalOutput, error) {
	lang := langOf(in.AcceptLanguage, a.cat)
	u, err := user(ctx)
	if err != nil {
		return nil, a.fail(lang, err)
	}
	p, err := a.svc.CreateProposal(ctx, u, in.Body.input(), lang)
	if err != nil {
		return nil, a.projectError(lang, err, in.Body.skillURIs())
	}
	return &ProposalOutput{Body: proposalDTO(p)}, nil
}

// ProposalUpdateInput replaces a proposal's content.
type ProposalUpdateInput struct {
	LangInput
	ID   int64 `path:"id" minimum:"1"`
	Body ProposalBody
}

func (a *API) updateProposal(ctx context.Context, in *ProposalUpdateInput) (*ProposalOutput, error) {
	lang := langOf(in.AcceptLanguage, a.cat)
	u, err := user(ctx)
	if err != nil {
		return nil, a.fail(lang, err)
	}
	p, err := a.svc.UpdateProposal(ctx, u, in.ID, in.Body.input(), lang)
	if err != nil {
		return nil, a.projectError(lang, err, in.Body.skillURIs())
	}
	return &ProposalOutput{Body: proposalDTO(p)}, nil
}

// ProposalStatusInput moves a proposal to another state.
type ProposalStatusInput struct {
	LangInput
	ID   int64 `path:"id" minimum:"1"`
	Body struct {
		Status string `json:"status" enum:"published,closed,archived,draft"`
		Reason string `json:"reason,omitempty" enum:"partnered,withdrawn," doc:"Required when closing"`
	}
}

func (a *API) changeProposalStatus(ctx context.Context, in *ProposalStatusInput) (*ProposalOutput, error) {
	lang := langOf(in.AcceptLanguage, a.cat)
	u, err := user(ctx)
	if err != nil {
		return nil, a.fail(lang, err)
	}
	p, err := a.svc.ChangeProposalStatus(ctx, u, in.ID, in.Body.Status, in.Body.Reason, lang)
	if err != nil {
		return nil, a.fail(lang, err)
	}
	return &ProposalOutput{Body: proposalDTO(p)}, nil
}
