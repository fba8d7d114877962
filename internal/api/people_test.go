package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

// second makes another member with a token.
func (e *apiEnv) second(email string) (*ponte.User, string) {
	e.t.Helper()
	u, err := e.svc.CreateUser(context.Background(), service.CreateUserInput{Email: email,
		DisplayName: "Second", Password: "second user password"})
	if err != nil {
		e.t.Fatal(err)
	}
	tok, _, err := e.svc.CreateAPIToken(context.Background(), u, "t")
	if err != nil {
		e.t.Fatal(err)
	}
	return u, tok
}

const profileBody = `{"display_name":"Ana Horvat","headline":"Cooperatives","bio":"*hi*","region":"HR050",
	"languages":[{"code":"hr","level":"native"},{"code":"it","level":"C1"}],"themes":["education"],
	"s3_areas":["tourism"],"offer":"Workshops","seek":"Partners","show_email":"members","allow_contact":true,
	"visibility":{"offer_seek":"members","contact":"members","languages":"private"}}`

func TestProfileAPIRoundTripAndVisibility(t *testing.T) {
	each(t, func(t *testing.T, e *apiEnv) {
		storetest.SeedConcepts(t, e.svc.Store())
		status, m := e.call("PUT", "/api/v1/me/profile", e.token, profileBody)
		if status != 200 || m["display_name"] != "Ana Horvat" || m["country"] != "HR" || m["region"] != "HR050" {
			t.Fatalf("PUT /me/profile = %d %v", status, m)
		}
		if vis := m["visibility"].(map[string]any); vis["languages"] != "private" || vis["about"] != "public" {
			t.Fatalf("visibility = %v", vis)
		}
		status, body := e.callRaw("PUT", "/api/v1/me/skills", e.token,
			`[{"uri":"`+storetest.URIPython+`","level":3,"evidence":{"kind":"link","url":"https://example.org"}}]`)
		if status != 200 || !strings.Contains(body, `"endorsements":0`) {
			t.Fatalf("PUT /me/skills = %d %s", status, body)
		}
		_, me := e.call("GET", "/api/v1/me", e.token, "")
		id := fmt.Sprint(me["id"])
		_, visitor := e.call("GET", "/api/v1/people/"+id, "", "")
		_, memberTok := e.second("bo@example.org")
		_, member := e.call("GET", "/api/v1/people/"+id, memberTok, "")
		_, self := e.call("GET", "/api/v1/me/profile", e.token, "")
		for _, c := range []struct {
			who   string
			m     map[string]any
			field string
			want  bool
		}{
			{"visitor", visitor, "headline", true}, {"visitor", visitor, "skills", true},
			{"visitor", visitor, "offer", false}, {"visitor", visitor, "email", false},
			{"visitor", visitor, "languages", false}, {"visitor", visitor, "visibility", false},
			{"member", member, "offer", true}, {"member", member, "email", true},
			{"member", member, "languages", false}, {"member", member, "visibility", false},
			{"self", self, "languages", true}, {"self", self, "visibility", true}, {"self", self, "email", true},
		} {
			if _, ok := c.m[c.field]; ok != c.want {
				t.Errorf("%s sees %s: %v, want %v (%v)", c.who, c.field, ok, c.want, c.m)
			}
		}
		if _, m := e.call("GET", "/api/v1/people/999999", "", ""); m["error"] == nil {
			t.Fatalf("unknown person: %v", m)
		}
	})
}

func TestProfileAPIValidation(t *testing.T) {
	each(t, func(t *testing.T, e *apiEnv) {
		status, m := e.call("PUT", "/api/v1/me/profile", e.token,
			`{"display_name":"A","country":"IT","region":"HR050","languages":[{"code":"zz","level":"C1"}],
			"visibility":{"about":"friends"}}`, "Accept-Language", "it")
		code, _ := errOf(t, m)
		fields, _ := m["error"].(map[string]any)["fields"].(map[string]any)
		if status != 422 || code != "invalid" || fields["region"] == nil || fields["languages.0.code"] == nil {
			t.Fatalf("invalid profile = %d %v", status, m)
		}
		if msg, _ := fields["region"].(string); strings.HasPrefix(msg, "error.") {
			t.Fatalf("untranslated field message %q", msg)
		}
		status, _ = e.call("PUT", "/api/v1/me/profile", "", `{"display_name":"A"}`)
		if status != 401 {
			t.Fatalf("no token: %d", status)
		}
	})
}

func TestSkillsAPIUnknownURINamesIt(t *testing.T) {
	each(t, func(t *testing.T, e *apiEnv) {
		storetest.SeedConcepts(t, e.svc.Store())
		e.callRaw("PUT", "/api/v1/me/skills", e.token, `[{"uri":"`+storetest.URIPython+`","level":2}]`)
		bad := "http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000"
		status, m := e.call("PUT", "/api/v1/me/skills", e.token,
			`[{"uri":"`+storetest.URIWorkInTeams+`","level":2},{"uri":"`+bad+`","level":1}]`)
		code, _ := errOf(t, m)
		fields, _ := m["error"].(map[string]any)["fields"].(map[string]any)
		if msg, _ := fields["skills.1.uri"].(string); status != 422 || code != "invalid" || !strings.Contains(msg, bad) {
			t.Fatalf("unknown URI = %d %v", status, m)
		}
		req := e.callList("GET", "/api/v1/me/skills", e.token)
		if len(req) != 1 || req[0]["uri"] != storetest.URIPython {
			t.Fatalf("skills changed after a failed PUT: %v", req)
		}
	})
}

func TestPeopleAPIFiltersAndPages(t *testing.T) {
	each(t, func(t *testing.T, e *apiEnv) {
		ctx := context.Background()
		storetest.SeedConcepts(t, e.svc.Store())
		for i := 0; i < 5; i++ {
			u, _ := e.second(fmt.Sprintf("p%d@example.org", i))
			e.svc.UpdateProfile(ctx, u, service.ProfileInput{Region: []string{"ITC4C", "SI041"}[i%2]}, ponte.SectionLocation)
			e.svc.ReplaceSkills(ctx, u, []service.SkillInput{{URI: storetest.URIProjectManagement, Level: 1 + i%4}})
		}
		q := "/api/v1/people?skill=" + storetest.URIGroupProjects + "&region=ITC&limit=2"
		var ids []any
		for page := 0; page < 5 && q != ""; page++ {
			status, m := e.call("GET", q, "", "")
			if status != 200 {
				t.Fatalf("GET %s = %d %v", q, status, m)
			}
			for _, it := range m["items"].([]any) {
				ids = append(ids, it.(map[string]any)["id"])
			}
			q = ""
			if c, ok := m["next_cursor"].(string); ok {
				q = "/api/v1/people?skill=" + storetest.URIGroupProjects + "&region=ITC&limit=2&cursor=" + c
			}
		}
		if len(ids) != 3 {
			t.Fatalf("ITC people with a project skill: %v", ids)
		}
		status, m := e.call("GET", "/api/v1/people?region=NOPE", "", "")
		if code, _ := errOf(t, m); status != 422 || code != "invalid" {
			t.Fatalf("bad region = %d %v", status, m)
		}
	})
}

func TestPeopleOperationsAreDocumented(t *testing.T) {
	e := newAPI(t, "sqlite")
	_, doc := e.call("GET", "/api/v1/openapi.json", "", "")
	paths, _ := doc["paths"].(map[string]any)
	for _, p := range []string{"/me/profile", "/me/skills", "/people", "/people/{id}"} {
		if paths[p] == nil {
			t.Errorf("OpenAPI lacks %s", p)
		}
	}
}

// callList sends a GET and decodes a JSON array.
func (e *apiEnv) callList(method, path, token string) []map[string]any {
	e.t.Helper()
	req, _ := http.NewRequest(method, e.srv.URL+path, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	r, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer r.Body.Close()
	var out []map[string]any
	if err := json.NewDecoder(r.Body).Decode(&out); err != nil {
		e.t.Fatalf("%s %s: %v", method, path, err)
	}
	return out
}

// callRaw sends a request and returns the status and body as text.
func (e *apiEnv) callRaw(method, path, token, body string) (int, string) {
	e.t.Helper()
	req, _ := http.NewRequest(method, e.srv.URL+path, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	r, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer r.Body.Close()
	b, _ := io.ReadAll(r.Body)
	return r.StatusCode, string(b)
}
