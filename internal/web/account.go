package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
)

// accountData is the account page: settings, password, API tokens, data.
type accountData struct {
	Tokens   []*ponte.APIToken
	NewToken string // shown once, right after creation
	Settings *form
	Password *form
	Token    *form
}

// requireUser returns the signed-in user or EUnauthorized (which sends a
// visitor to the sign-in page).
func requireUser(r *http.Request) (*ponte.User, error) {
	u := currentUser(r)
	if u == nil {
		return nil, ponte.Errorf(ponte.EUnauthorized, "error.unauthorized")
	}
	return u, nil
}

func (s *Server) account(w http.ResponseWriter, r *http.Request) error {
	return s.renderAccount(w, r, http.StatusOK, &accountData{})
}

// renderAccount draws the account page, with whichever section's form
// failed (or the new token) filled in and the others fresh.
func (s *Server) renderAccount(w http.ResponseWriter, r *http.Request, status int, d *accountData) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	if d.Tokens, err = s.svc.APITokens(r.Context(), u); err != nil {
		return err
	}
	if d.Settings == nil {
		d.Settings = emptyForm()
		d.Settings.Values.Set("display_name", u.DisplayName)
		d.Settings.Values.Set("lang", u.Lang)
	}
	if d.Password == nil {
		d.Password = emptyForm()
	}
	if d.Token == nil {
		d.Token = emptyForm()
	}
	return s.render(w, r, status, "account", s.newPage(r, "account.title", d))
}

func (s *Server) accountSettings(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	f, err := parseForm(r)
	if err != nil {
		return err
	}
	nu, err := s.svc.UpdateSettings(r.Context(), u, service.SettingsInput{
		DisplayName: f.Get("display_name"), Lang: f.Get("lang")})
	if f.failed(err) {
		return s.renderAccount(w, r, http.StatusUnprocessableEntity, &accountData{Settings: f})
	}
	if err != nil {
		return err
	}
	s.setCookie(w, langCookie, nu.Lang, 365*24*time.Hour)
	return s.redirectFlash(w, r, "/account", "flash.settings_saved")
}

func (s *Server) accountPassword(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	f, err := parseForm(r)
	if err != nil {
		return err
	}
	err = s.svc.ChangePassword(r.Context(), u, f.Get("current_password"), f.Get("new_password"))
	if f.failed(err) {
		return s.renderAccount(w, r, http.StatusUnprocessableEntity, &accountData{Password: f})
	}
	if err != nil {
		return err
	}
	if err := s.startSession(w, r, u); err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/account", "flash.password_changed")
}

func (s *Server) tokenCreate(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	f, err := parseForm(r)
	if err != nil {
		return err
	}
	secret, _, err := s.svc.CreateAPIToken(r.Context(), u, f.Get("name"))
	if f.failed(err) {
		return s.renderAccount(w, r, http.StatusUnprocessableEntity, &accountData{Token: f})
	}
	if err != nil {
		return err
	}
	return s.renderAccount(w, r, http.StatusOK, &accountData{NewToken: secret}) // private, no-store
}

func (s *Server) tokenRevoke(w http.ResponseWriter, r *http.Request) error {
	u, id, err := userAndID(r)
	if err != nil {
		return err
	}
	if err := s.svc.RevokeAPIToken(r.Context(), u, id); err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/account", "flash.token_revoked")
}

func (s *Server) accountExport(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	x, err := s.svc.ExportMyData(r.Context(), u)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="ponte-my-data-%d.json"`, u.ID))
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(x)
}

func (s *Server) accountDeleteForm(w http.ResponseWriter, r *http.Request) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "account_delete", s.newPageForm(r, "delete.title", emptyForm()))
}

func (s *Server) accountDelete(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	f, err := parseForm(r)
	if err != nil {
		return err
	}
	if !f.Checked("confirm") {
		f.Errors["confirm"] = "error.confirm_delete"
		return s.render(w, r, http.StatusUnprocessableEntity, "account_delete", s.newPageForm(r, "delete.title", f))
	}
	err = s.svc.DeleteMyAccount(r.Context(), u, f.Get("password"))
	if f.failed(err) || ponte.ErrorCode(err) == ponte.EForbidden {
		if e := ponte.AsError(err); e.Code == ponte.EForbidden {
			f.Error = e.Key
		}
		return s.render(w, r, statusOf(ponte.ErrorCode(err)), "account_delete", s.newPageForm(r, "delete.title", f))
	}
	if err != nil {
		return err
	}
	s.clearCookie(w, sessionCookie)
	return s.redirectFlash(w, r, "/", "flash.account_deleted")
}

// userAndID is the preamble of handlers acting on one object: the signed-in
// user and the {id} of the path.
func userAndID(r *http.Request) (*ponte.User, int64, error) {
	u, err := requireUser(r)
	if err != nil {
		return nil, 0, err
	}
	id, err := pathID(r)
	return u, id, err
}

// pathID parses the {id} path segment.
func pathID(r *http.Request) (int64, error) { return pathInt(r, "id") }

// memberForm is the start of a member's POST on an object: the signed-in
// user, the {id} of the path and the parsed form, checked in that order
// (a visitor is sent to sign in before anything else is read).
func memberForm(r *http.Request) (*ponte.User, int64, *form, error) {
	u, err := requireUser(r)
	if err != nil {
		return nil, 0, nil, err
	}
	id, err := pathID(r)
	if err != nil {
		return nil, 0, nil, err
	}
	f, err := parseForm(r)
	if err != nil {
		return nil, 0, nil, err
	}
	return u, id, f, nil
}

// pathInt parses a positive numeric path segment ({cid}, {uid}…); anything
// else is a page that does not exist.
func pathInt(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, ponte.Errorf(ponte.ENotFound, "error.not_found")
	}
	return id, nil
}
