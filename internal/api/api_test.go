package api_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte/internal/api"
	"github.com/ponte-platform/ponte/internal/i18n"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
)

type apiEnv struct {
	t     *testing.T
	srv   *httptest.Server
	svc   *service.Service
	token string
}

func newAPI(t *testing.T, backend string) *apiEnv {
	t.Helper()
	cat, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	svc := service.New(sqltest.Open(t, backend), service.Config{PasswordCost: service.TestPasswordParams}, cat, nil, log)
	srv := httptest.NewServer(api.New(svc, cat, log, "test"))
	t.Cleanup(srv.Close)
	u, err := svc.CreateUser(context.Background(), service.CreateUserInput{Email: "api@example.org",
		DisplayName: "API User", Password: "api user password"})
	if err != nil {
		t.Fatal(err)
	}
	tok, _, err := svc.CreateAPIToken(context.Background(), u, "test")
	if err != nil {
		t.Fatal(err)
	}
	return &apiEnv{t: t, srv: srv, svc: svc, token: tok}
}

// call sends a request and decodes the JSON answer.
func (e *apiEnv) call(method, path, token, body string, hdr ...string) (int, map[string]any) {
	e.t.Helper()
	req, _ := http.NewRequest(method, e.srv.URL+path, strings.NewReader(body))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	r, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer r.Body.Close()
	if ct := r.Header.Get("Content-Type"); !strings.Contains(ct, "json") {
		e.t.Fatalf("%s %s: Content-Type %q", method, path, ct)
	}
	var m map[string]any
	if err := json.NewDecoder(r.Body).Decode(&m); err != nil {
		e.t.Fatalf("%s %s: body is not JSON: %v", method, path, err)
	}
	return r.StatusCode, m
}

// errOf returns the error object's code and message, failing if absent.
func errOf(t *testing.T, m map[string]any) (string, string) {
	t.Helper()
	e, ok := m["error"].(map[string]any)
	if !ok {
		t.Fatalf("no error object in %v", m)
	}
	code, _ := e["code"].(string)
	msg, _ := e["message"].(string)
	if code == "" || msg == "" || strings.HasPrefix(msg, "error.") {
		t.Fatalf("error object incomplete or untranslated: %v", e)
	}
	return code, msg
}

func each(t *testing.T, fn func(t *testing.T, e *apiEnv)) {
	for _, b := range sqltest.Backends(t) {
		t.Run(b, func(t *testing.T) {
			t.Parallel()
			fn(t, newAPI(t, b))
		})
	}
}

func TestMeNeedsAToken(t *testing.T) {
	each(t, func(t *testing.T, e *apiEnv) {
		status, m := e.call("GET", "/api/v1/me", "", "")
		if code, _ := errOf(t, m); status != 401 || code != "unauthorized" {
			t.Fatalf("no token: %d %s", status, code)
		}
		status, m = e.call("GET", "/api/v1/me", "pt_WRONG", "", "Accept-Language", "it")
		code, msg := errOf(t, m)
		if status != 401 || code != "unauthorized" || !strings.Contains(msg, "token") && !strings.Contains(msg, "Token") {
			t.Fatalf("bad token: %d %s %q", status, code, msg)
		}
		status, m = e.call("GET", "/api/v1/me", e.token, "")
		if status != 200 || m["email"] != "api@example.org" || m["display_name"] != "API User" || m["role"] != "member" {
			t.Fatalf("GET /me = %d %v", status, m)
		}
		if _, ok := m["created_at"]; !ok {
			t.Fatalf("snake_case created_at missing: %v", m)
		}
	})
}

func TestUpdateMe(t *testing.T) {
	each(t, func(t *testing.T, e *apiEnv) {
		status, m := e.call("PATCH", "/api/v1/me", e.token, `{"display_name": "Ivana", "language": "hr"}`)
		if status != 200 || m["display_name"] != "Ivana" || m["language"] != "hr" {
			t.Fatalf("PATCH /me = %d %v", status, m)
		}
		status, m = e.call("PATCH", "/api/v1/me", e.token, `{"display_name": "   "}`)
		code, _ := errOf(t, m)
		fields, _ := m["error"].(map[string]any)["fields"].(map[string]any)
		if status != 422 || code != "invalid" || fields["display_name"] == nil {
			t.Fatalf("blank name = %d %v", status, m)
		}
		status, m = e.call("PATCH", "/api/v1/me", e.token, `{"language": "tlh"}`)
		if code, _ := errOf(t, m); status != 422 || code != "invalid" {
			t.Fatalf("unknown language = %d %v", status, m)
		}
	})
}

func TestMalformedJSONIs400(t *testing.T) {
	each(t, func(t *testing.T, e *apiEnv) {
		for _, body := range []string{`{"display_name": `, `not json`, `[1,2`} {
			status, m := e.call("PATCH", "/api/v1/me", e.token, body)
			if code, _ := errOf(t, m); status != 400 || code != "bad_request" {
				t.Fatalf("body %q: %d %v", body, status, m)
			}
		}
	})
}

func TestUnknownRouteIsJSON404(t *testing.T) {
	each(t, func(t *testing.T, e *apiEnv) {
		status, m := e.call("GET", "/api/v1/no-such-thing", e.token, "")
		if code, _ := errOf(t, m); status != 404 || code != "not_found" {
			t.Fatalf("unknown route = %d %v", status, m)
		}
	})
}

func TestOpenAPIDocument(t *testing.T) {
	e := newAPI(t, "sqlite")
	status, m := e.call("GET", "/api/v1/openapi.json", "", "")
	if status != 200 || m["openapi"] != "3.1.0" {
		t.Fatalf("openapi.json = %d %v", status, m["openapi"])
	}
	servers, _ := m["servers"].([]any)
	if len(servers) != 1 || servers[0].(map[string]any)["url"] != "/api/v1" {
		t.Fatalf("servers = %v, want the /api/v1 base", servers)
	}
	paths, _ := m["paths"].(map[string]any)
	me, _ := paths["/me"].(map[string]any)
	if me["get"] == nil || me["patch"] == nil {
		t.Fatalf("/me operations missing from the document: %v", paths)
	}
	b, _ := json.Marshal(m)
	if strings.Contains(string(b), "$schema") || strings.Contains(string(b), "problem+json") {
		t.Fatal("the document must describe Ponte's JSON errors, without schema links")
	}
	if !strings.Contains(string(b), `"ErrorBody"`) {
		t.Fatal("the error schema ErrorBody is not in the document")
	}
}
