package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
)

// UserDTO is a user as the API shows it to themself.
type UserDTO struct {
	ID          int64     `json:"id"`
	Email       string    `json:"email" format:"email"`
	DisplayName string    `json:"display_name"`
	Role        string    `json:"role" enum:"admin,moderator,member"`
	Language    string    `json:"language" enum:"en,it,el,hr,ro,sl"`
	CreatedAt   time.Time `json:"created_at"`
}

func userDTO(u *ponte.User) UserDTO {
	return UserDTO{ID: u.ID, Email: u.Email, DisplayName: u.DisplayName, Role: string(u.Role),
		Language: u.Lang, CreatedAt: u.CreatedAt}
}

// MeOutput is the response of GET /me.
type MeOutput struct {
	Body UserDTO
}

// LangInput carries the caller's language for error messages.
type LangInput struct {
	AcceptLanguage string `header:"Accept-Language" doc:"Language of error messages"`
}

// MeUpdateInput changes the caller's name or language.
type MeUpdateInput struct {
	LangInput
	Body struct {
		DisplayName *string `json:"display_name,omitempty" maxLength:"100" doc:"Name shown to others"`
		Language    *string `json:"language,omitempty" enum:"en,it,el,hr,ro,sl" doc:"Interface and e-mail language"`
	}
}

var bearer = []map[string][]string{{"bearer": {}}}

func (a *API) registerMe() {
	huma.Register(a.h, huma.Operation{OperationID: "get-me", Method: http.MethodGet, Path: "/me",
		Summary: "The authenticated user", Tags: []string{"Account"}, Security: bearer,
		Errors: []int{401}}, a.getMe)
	huma.Register(a.h, huma.Operation{OperationID: "update-me", Method: http.MethodPatch, Path: "/me",
		Summary: "Change my name or language", Tags: []string{"Account"}, Security: bearer,
		Errors: []int{400, 401, 422}}, a.updateMe)
}

func (a *API) getMe(ctx context.Context, in *LangInput) (*MeOutput, error) {
	u, err := user(ctx)
	if err != nil {
		return nil, a.fail(langOf(in.AcceptLanguage, a.cat), err)
	}
	return &MeOutput{Body: userDTO(u)}, nil
}

func (a *API) updateMe(ctx context.Context, in *MeUpdateInput) (*MeOutput, error) {
	lang := langOf(in.AcceptLanguage, a.cat)
	u, err := user(ctx)
	if err != nil {
		return nil, a.fail(lang, err)
	}
	set := service.SettingsInput{DisplayName: u.DisplayName, Lang: u.Lang}
	if in.Body.DisplayName != nil {
		set.DisplayName = *in.Body.DisplayName
	}
	if in.Body.Language != nil {
		set.Lang = *in.Body.Language
	}
	nu, err := a.svc.UpdateSettings(ctx, u, set)
	if err != nil {
		return nil, a.fail(lang, err)
	}
	return &MeOutput{Body: userDTO(nu)}, nil
}

func (a *API) register() {
	a.registerMe()
	a.registerSkills()
	a.registerPeople()
	a.registerOrgs()
	a.registerProposals()
	a.registerInterests()
	a.registerMatches()
	a.registerSearch()
}
