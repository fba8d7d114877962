package api_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

// otherToken creates a second user with a token.
func (e *apiEnv) otherToken(email string) string {
	e.t.Helper()
	u, err := e.svc.CreateUser(context.Background(), service.CreateUserInput{Email: email, Password: "other user password"})
	if err != nil {
		e.t.Fatal(err)
	}
	tok, _, err := e.svc.CreateAPIToken(context.Background(), u, "test")
	if err != nil {
		e.t.Fatal(err)
	}
	return tok
}

const orgJSON = `{"name": "Institut Ruđer Bošković", "type": "research_centre", "country": "HR",
	"registry_id": "HR69715301002", "region": "HR050", "sectors": ["M"], "s3_areas": ["health-life-sciences"],
	"website": "https://www.irb.hr"}`

func TestOrgAPICreateGetUpdate(t *testing.T) {
	each(t, func(t *testing.T, e *apiEnv) {
		status, m := e.call("POST", "/api/v1/organisations", "", orgJSON)
		if code, _ := errOf(t, m); status != 401 || code != "unauthorized" {
			t.Fatalf("no token = %d %v", status, m)
		}
		status, m = e.call("POST", "/api/v1/organisations", e.token, orgJSON)
		if status != 201 || m["registry_id"] != "69715301002" || m["region"] != "HR050" || m["lat"] == nil {
			t.Fatalf("create = %d %v", status, m)
		}
		id := int64(m["id"].(float64))
		path := fmt.Sprintf("/api/v1/organisations/%d", id)
		status, m = e.call("GET", path, "", "")
		if status != 200 || m["name"] != "Institut Ruđer Bošković" || m["sectors"].([]any)[0] != "M" {
			t.Fatalf("get = %d %v", status, m)
		}
		bad := strings.Replace(orgJSON, "HR69715301002", "69715301003", 1)
		bad = strings.Replace(bad, `"HR050"`, `"ITC4C"`, 1)
		status, m = e.call("PUT", path, e.token, bad, "Accept-Language", "it")
		code, _ := errOf(t, m)
		fields, _ := m["error"].(map[string]any)["fields"].(map[string]any)
		if status != 422 || code != "invalid" || fields["registry_id"] == nil || fields["region"] == nil ||
			!strings.Contains(fields["registry_id"].(string), "cifra di controllo") {
			t.Fatalf("bad update = %d %v", status, m)
		}
		other := e.otherToken("other@example.org")
		status, m = e.call("PUT", path, other, orgJSON)
		if code, _ := errOf(t, m); status != 403 || code != "forbidden" {
			t.Fatalf("update by a stranger = %d %v", status, m)
		}
		status, m = e.call("PUT", path, e.token, strings.Replace(orgJSON, "research_centre", "research_infrastructure", 1))
		if status != 200 || m["type"] != "research_infrastructure" {
			t.Fatalf("update = %d %v", status, m)
		}
		status, m = e.call("GET", "/api/v1/organisations/999999", "", "")
		if code, _ := errOf(t, m); status != 404 || code != "not_found" {
			t.Fatalf("missing = %d %v", status, m)
		}
	})
}

func TestOrgAPIProjectsAndSkills(t *testing.T) {
	each(t, func(t *testing.T, e *apiEnv) {
		storetest.SeedConcepts(t, e.svc.Store())
		_, m := e.call("POST", "/api/v1/organisations", e.token, orgJSON)
		id := int64(m["id"].(float64))
		path := fmt.Sprintf("/api/v1/organisations/%d/projects", id)
		body := `{"title": "Laboratorij", "start_date": "2020-01-01", "end_date": "2021-12-31", "budget_cents": 125000050,
			"partners": [{"name": "British Council"}], "skills": ["` + storetest.URIPython + `", "http://example.org/unknown"]}`
		status, m := e.call("POST", path, e.token, body)
		fields, _ := m["error"].(map[string]any)["fields"].(map[string]any)
		if status != 422 || fields["skills.1"] == nil || !strings.Contains(fields["skills.1"].(string), "http://example.org/unknown") {
			t.Fatalf("unknown skill = %d %v", status, m)
		}
		if _, g := e.call("GET", fmt.Sprintf("/api/v1/organisations/%d", id), "", ""); g["project_count"].(float64) != 0 {
			t.Fatalf("a refused project was saved: %v", g)
		}
		other := e.otherToken("p@example.org")
		if status, _ := e.call("POST", path, other, strings.Replace(body, `, "http://example.org/unknown"`, "", 1)); status != 403 {
			t.Fatalf("project by a stranger = %d", status)
		}
		body = strings.Replace(body, `"http://example.org/unknown"`, `"`+storetest.URIDataAnalytics+`"`, 1)
		status, m = e.call("POST", path, e.token, body)
		if status != 201 || m["budget_cents"].(float64) != 125000050 || len(m["skills"].([]any)) != 2 ||
			m["partners"].([]any)[0].(map[string]any)["name"] != "British Council" {
			t.Fatalf("project = %d %v", status, m)
		}
		_, g := e.call("GET", fmt.Sprintf("/api/v1/organisations/%d", id), "", "")
		comps, _ := g["distinctive_competences"].([]any)
		if g["project_count"].(float64) != 1 || len(comps) != 2 || comps[0].(map[string]any)["projects"].(float64) != 1 {
			t.Fatalf("organisation after the project = %v", g)
		}
	})
}

func TestOrgAPIDirectory(t *testing.T) {
	each(t, func(t *testing.T, e *apiEnv) {
		for i := range 5 {
			body := fmt.Sprintf(`{"name": "Udruga %d", "type": "ngo", "country": "HR", "region": "HR031"}`, i)
			if status, m := e.call("POST", "/api/v1/organisations", e.token, body); status != 201 {
				t.Fatalf("create = %d %v", status, m)
			}
		}
		e.call("POST", "/api/v1/organisations", e.token, `{"name": "Comune", "type": "public_administration", "country": "IT", "region": "ITC4C"}`)
		seen := 0
		cursor := ""
		for range 5 {
			status, m := e.call("GET", "/api/v1/organisations?region=HR03&type=ngo&limit=2&cursor="+cursor, "", "")
			if status != 200 {
				t.Fatalf("list = %d %v", status, m)
			}
			seen += len(m["items"].([]any))
			next, _ := m["next_cursor"].(string)
			if next == "" {
				break
			}
			cursor = next
		}
		if seen != 5 {
			t.Fatalf("paged through %d, want 5", seen)
		}
		status, m := e.call("GET", "/api/v1/organisations?sector=ZZ", "", "")
		if code, _ := errOf(t, m); status != 422 || code != "invalid" {
			t.Fatalf("bad filter = %d %v", status, m)
		}
		status, m = e.call("GET", "/api/v1/openapi.json", "", "")
		paths, _ := m["paths"].(map[string]any)
		if status != 200 || paths["/organisations"] == nil || paths["/organisations/{id}"] == nil || paths["/organisations/{id}/projects"] == nil {
			t.Fatal("organisation operations missing from the OpenAPI document")
		}
	})
}
