package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

// apiJSON calls the API through the whole site, as the skill field's
// script does, and decodes the answer.
func apiJSON(t *testing.T, s *testSite, path string, status int, hdr ...string) map[string]any {
	t.Helper()
	r := s.do(s.client(), "GET", path, nil, hdr...)
	var m map[string]any
	if err := json.Unmarshal([]byte(r.body), &m); err != nil || r.status != status {
		t.Fatalf("GET %s = %d %v\n%.500s", path, r.status, err, r.body)
	}
	return m
}

// items returns the items of an autocomplete answer.
func items(t *testing.T, m map[string]any) []map[string]any {
	t.Helper()
	raw, ok := m["items"].([]any)
	if !ok {
		t.Fatalf("no items array in %v", m)
	}
	out := make([]map[string]any, len(raw))
	for i, x := range raw {
		out[i] = x.(map[string]any)
	}
	return out
}

// apiError checks the API's error shape and returns its code.
func apiError(t *testing.T, m map[string]any) string {
	t.Helper()
	e, _ := m["error"].(map[string]any)
	code, _ := e["code"].(string)
	if msg, _ := e["message"].(string); code == "" || msg == "" {
		t.Fatalf("error object incomplete: %v", m)
	}
	return code
}

func testSkillAPI(t *testing.T, s *testSite) {
	got := items(t, apiJSON(t, s, "/api/v1/skills?q=Python", http.StatusOK))
	if len(got) == 0 || got[0]["uri"] != storetest.URIPython || got[0]["label"] != "Python (computer programming)" ||
		got[0]["lang"] != "en" || got[0]["type"] != "knowledge" || got[0]["reuse_level"] != "sector-specific" {
		t.Fatalf("Python = %v", got)
	}
	for _, q := range []string{"q=squadra&lang=it&limit=3", "q=squadra&limit=3"} {
		it := items(t, apiJSON(t, s, "/api/v1/skills?"+q, http.StatusOK, "Accept-Language", "it-IT,it;q=0.9"))
		if len(it) == 0 || it[0]["label"] != "lavorare in squadra" || it[0]["lang"] != "it" {
			t.Fatalf("Italian (%s) = %v", q, it)
		}
	}
	for _, q := range []string{"", "%20%20", "%21%21"} {
		if got := items(t, apiJSON(t, s, "/api/v1/skills?q="+q, http.StatusOK)); len(got) != 0 {
			t.Fatalf("q=%s gave %d items", q, len(got))
		}
	}
	for limit, want := range map[string]int{"": 10, "3": 3, "500": 50, "-1": 10} {
		if got := items(t, apiJSON(t, s, "/api/v1/skills?q=a&limit="+limit, http.StatusOK)); len(got) != want {
			t.Fatalf("limit %q gave %d, want %d", limit, len(got), want)
		}
	}
	if got := items(t, apiJSON(t, s, "/api/v1/skills?q=work+in+teams&lang=xx", http.StatusOK)); got[0]["label"] != "work in teams" {
		t.Fatalf("unknown language = %v", got[0])
	}
	m := apiJSON(t, s, "/api/v1/skills?limit=abc&q=x", http.StatusUnprocessableEntity, "Accept-Language", "it")
	if apiError(t, m) != "invalid" {
		t.Fatalf("bad limit = %v", m)
	}
}

func testSkillAPIDetail(t *testing.T, s *testSite) {
	id := skillID(t, s, storetest.URIWorkInTeams)
	m := apiJSON(t, s, fmt.Sprintf("/api/v1/skills/%d?lang=it", id), http.StatusOK)
	if m["label"] != "lavorare in squadra" || m["lang"] != "it" || m["uri"] != storetest.URIWorkInTeams ||
		m["attribution"] != "ESCO v1.1.1, © European Union" {
		t.Fatalf("detail = %v", m)
	}
	broader, _ := m["broader"].([]any)
	labels, _ := m["labels"].([]any)
	if len(broader) == 0 || len(labels) != 2 || m["collections"] == nil {
		t.Fatalf("detail lacks broader concepts or labels: %v", m)
	}
	group := skillID(t, s, "http://data.europa.eu/esco/skill/045f71e6-0699-4169-8a54-9c6b96f3174d")
	g := apiJSON(t, s, fmt.Sprintf("/api/v1/skills/%d", group), http.StatusOK)
	if n, _ := g["narrower"].([]any); len(n) != 50 || g["narrower_next"] == nil {
		t.Fatalf("group narrower = %d, next %v", len(n), g["narrower_next"])
	}
	byURI := apiJSON(t, s, "/api/v1/skills/by-uri?uri="+url.QueryEscape(storetest.URIPython), http.StatusOK)
	if byURI["uri"] != storetest.URIPython {
		t.Fatalf("by-uri = %v", byURI)
	}
	for path, code := range map[string]string{
		"/api/v1/skills/999999999":                     "not_found",
		"/api/v1/skills/by-uri?uri=http%3A%2F%2Fx.org": "not_found",
	} {
		if got := apiError(t, apiJSON(t, s, path, http.StatusNotFound)); got != code {
			t.Fatalf("%s: code %s", path, got)
		}
	}
	if got := apiError(t, apiJSON(t, s, "/api/v1/skills/abc", http.StatusUnprocessableEntity)); got != "invalid" {
		t.Fatalf("non-numeric id: %s", got)
	}
	doc := apiJSON(t, s, "/api/v1/openapi.json", http.StatusOK)
	paths, _ := doc["paths"].(map[string]any)
	for _, p := range []string{"/skills", "/skills/{id}", "/skills/by-uri"} {
		if op, _ := paths[p].(map[string]any); op["get"] == nil {
			t.Fatalf("OpenAPI document lacks GET %s", p)
		}
	}
}
