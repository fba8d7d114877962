package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/ponte-platform/ponte/internal/service"
)

// registerInterests adds the operations on expressions of interest.
func (a *API) registerInterests() {
	tags := []string{"Expressions of interest"}
	huma.Register(a.h, huma.Operation{OperationID: "express-interest", Method: http.MethodPost,
		Path: "/proposals/{id}/interests", Summary: "Express interest in a proposal", Tags: tags, Security: bearer,
		DefaultStatus: http.StatusCreated, Errors: []int{400, 401, 403, 404, 409, 422},
		Description: "For yourself, or with org_id for an organisation you own or manage. 201 with the new expression; " +
			"if you already expressed interest (for the same organisation, or for yourself), 200 with the existing one " +
			"and nothing changes. A proposal that is closed or withdrawn refuses new interest (409); your own proposal " +
			"is 403. The proposer is notified. Contact details appear only once the expression is accepted."},
		a.expressInterest)
	huma.Register(a.h, huma.Operation{OperationID: "list-interests", Method: http.MethodGet,
		Path: "/proposals/{id}/interests", Summary: "Expressions of interest in a proposal", Tags: tags, Security: bearer,
		Errors: []int{400, 401, 404},
		Description: "Newest first, keyset pages: pass next_cursor back as cursor. Those who may edit the proposal see " +
			"every expression (with the interested side's contact once accepted); other members see their own " +
			"(with the proposer's contact once accepted)."}, a.listInterests)
	huma.Register(a.h, huma.Operation{OperationID: "decide-interest", Method: http.MethodPost,
		Path: "/proposals/{id}/interests/{interest_id}/decision", Summary: "Accept or decline an expression of interest",
		Tags: tags, Security: bearer, Errors: []int{400, 401, 403, 404, 409, 422},
		Description: "Those who may edit the proposal only. Each expression is decided once (again: 409). Accepting " +
			"reveals each side's contact to the other; the interested member is notified either way."}, a.decideInterest)
}

// ContactDTO is how to reach the other side of an accepted expression.
type ContactDTO struct {
	Name       string `json:"name"`
	Email      string `json:"email"`
	OrgID      *int64 `json:"org_id,omitempty"`
	OrgName    string `json:"org_name,omitempty"`
	OrgWebsite string `json:"org_website,omitempty"`
	OrgAddress string `json:"org_address,omitempty"`
}

// InterestDTO is an expression of interest.
type InterestDTO struct {
	ID         int64       `json:"id"`
	ProposalID int64       `json:"proposal_id"`
	UserID     int64       `json:"user_id"`
	UserName   string      `json:"user_name"`
	OrgID      *int64      `json:"org_id,omitempty" doc:"The organisation it is expressed for; absent: for the member themself"`
	OrgName    string      `json:"org_name,omitempty"`
	Message    string      `json:"message"`
	Status     string      `json:"status" doc:"pending, accepted or declined"`
	CreatedAt  time.Time   `json:"created_at"`
	DecidedAt  *time.Time  `json:"decided_at,omitempty"`
	Contact    *ContactDTO `json:"contact,omitempty" doc:"The other side's contact: the interested member's for the proposal's editors, the proposer's for the interested member. Only once accepted."`
}

func interestDTO(v *service.InterestView) InterestDTO {
	i := v.Interest
	d := InterestDTO{ID: i.ID, ProposalID: i.ProposalID, UserID: i.UserID, UserName: i.Contact.Name, OrgID: i.OrgID,
		OrgName: i.Contact.OrgName, Message: i.Message, Status: i.Status, CreatedAt: i.CreatedAt, DecidedAt: i.DecidedAt}
	if c := v.Contact; c != nil {
		d.Contact = &ContactDTO{Name: c.Name, Email: c.Email, OrgID: c.OrgID, OrgName: c.OrgName,
			OrgWebsite: c.OrgWebsite, OrgAddress: c.OrgAddress}
	}
	return d
}

// InterestCreateInput is a new expression of interest.
type InterestCreateInput struct {
	LangInput
	ID   int64 `path:"id" minimum:"1"`
	Body struct {
		Message string `json:"message" maxLength:"2000" doc:"Who you are and what you could bring"`
		OrgID   int64  `json:"org_id,omitempty" minimum:"0" doc:"An organisation you own or manage; 0 or absent: yourself"`
	}
}

// InterestOutput is one expression; Status is 201 when it was created,
// 200 when it existed already.
type InterestOutput struct {
	Status int
	Body   InterestDTO
}

func (a *API) expressInterest(ctx context.Context, in *InterestCreateInput) (*InterestOutput, error) {
	lang := langOf(in.AcceptLanguage, a.cat)
	u, err := user(ctx)
	if err != nil {
		return nil, a.fail(lang, err)
	}
	v, created, err := a.svc.ExpressInterest(ctx, u, in.ID, service.InterestInput{Message: in.Body.Message, OrgID: in.Body.OrgID}, lang)
	if err != nil {
		return nil, a.fail(lang, err)
	}
	out := &InterestOutput{Status: http.StatusOK, Body: interestDTO(v)}
	if created {
		out.Status = http.StatusCreated
	}
	return out, nil
}

// InterestListInput pages a proposal's expressions.
type InterestListInput struct {
	LangInput
	ID     int64  `path:"id" minimum:"1"`
	Cursor string `query:"cursor" doc:"next_cursor of the previous page"`
}

// InterestListOutput is a page of expressions.
type InterestListOutput struct {
	Body struct {
		Items      []InterestDTO `json:"items"`
		NextCursor string        `json:"next_cursor,omitempty"`
	}
}

func (a *API) listInterests(ctx context.Context, in *InterestListInput) (*InterestListOutput, error) {
	lang := langOf(in.AcceptLanguage, a.cat)
	u, err := user(ctx)
	if err != nil {
		return nil, a.fail(lang, err)
	}
	page, err := a.svc.Interests(ctx, u, in.ID, in.Cursor, lang)
	if err != nil {
		return nil, a.fail(lang, err)
	}
	out := &InterestListOutput{}
	out.Body.Items = make([]InterestDTO, 0, len(page.Items))
	for _, v := range page.Items {
		out.Body.Items = append(out.Body.Items, interestDTO(v))
	}
	out.Body.NextCursor = page.Next
	return out, nil
}

// InterestDecisionInput accepts or declines an expression.
type InterestDecisionInput struct {
	LangInput
	ID         int64 `path:"id" minimum:"1"`
	InterestID int64 `path:"interest_id" minimum:"1"`
	Body       struct {
		Decision string `json:"decision" enum:"accept,decline"`
	}
}

// InterestDecisionOutput is the decided expression.
type InterestDecisionOutput struct {
	Body InterestDTO
}

func (a *API) decideInterest(ctx context.Context, in *InterestDecisionInput) (*InterestDecisionOutput, error) {
	lang := langOf(in.AcceptLanguage, a.cat)
	u, err := user(ctx)
	if err != nil {
		return nil, a.fail(lang, err)
	}
	v, err := a.svc.DecideInterest(ctx, u, in.ID, in.InterestID, in.Body.Decision, lang)
	if err != nil {
		return nil, a.fail(lang, err)
	}
	return &InterestDecisionOutput{Body: interestDTO(v)}, nil
}
