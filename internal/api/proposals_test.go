package api_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

var proposalJSON = `{"type": "technology_offer", "title": "Senzori za vinograde", "summary": "Nudimo senzorsku mrežu",
	"lang": "hr", "deadline": "2099-12-31", "regions": ["HR050"], "s3_areas": ["agri-food"], "partner_types": ["sme"],
	"call_url": "https://example.eu/call",
	"skills": [{"uri": "` + storetest.URIPython + `", "essential": true, "min_level": 3}]}`

func TestProposalAPILifecycle(t *testing.T) {
	each(t, func(t *testing.T, e *apiEnv) {
		storetest.SeedConcepts(t, e.svc.Store())
		status, m := e.call("POST", "/api/v1/proposals", "", proposalJSON)
		if code, _ := errOf(t, m); status != 401 || code != "unauthorized" {
			t.Fatalf("no token = %d %v", status, m)
		}
		status, m = e.call("POST", "/api/v1/proposals", e.token, proposalJSON)
		if status != 201 || m["status"] != "draft" || m["lang"] != "hr" || m["proposer_name"] != "API User" ||
			m["skills"].([]any)[0].(map[string]any)["min_level"] != float64(3) {
			t.Fatalf("create = %d %v", status, m)
		}
		path := fmt.Sprintf("/api/v1/proposals/%d", int64(m["id"].(float64)))
		if status, m = e.call("GET", path, "", ""); status != 404 {
			t.Fatalf("a visitor reads a draft = %d %v", status, m)
		}
		bad := strings.Replace(proposalJSON, storetest.URIPython, "http://example.org/unknown", 1)
		bad = strings.Replace(bad, "2099-12-31", "2001-01-01", 1)
		status, m = e.call("PUT", path, e.token, bad, "Accept-Language", "it")
		fields, _ := m["error"].(map[string]any)["fields"].(map[string]any)
		if status != 422 || fields["deadline"] == nil || !strings.Contains(fmt.Sprint(fields["skills.0"]), "http://example.org/unknown") {
			t.Fatalf("bad update = %d %v", status, m)
		}
		status, m = e.call("POST", path+"/status", e.token, `{"status": "published"}`)
		if status != 200 || m["status"] != "published" || m["published_at"] == nil {
			t.Fatalf("publish = %d %v", status, m)
		}
		status, m = e.call("POST", path+"/status", e.token, `{"status": "archived"}`)
		if code, _ := errOf(t, m); status != 409 || code != "conflict" {
			t.Fatalf("archive a published proposal = %d %v", status, m)
		}
		other := e.otherToken("other@example.org")
		status, m = e.call("PUT", path, other, proposalJSON)
		if code, _ := errOf(t, m); status != 403 || code != "forbidden" {
			t.Fatalf("update by a stranger = %d %v", status, m)
		}
		status, m = e.call("PUT", path, e.token, strings.Replace(proposalJSON, "Senzori", "Pametni senzori", 1))
		if status != 200 || m["title"] != "Pametni senzori za vinograde" || m["status"] != "published" {
			t.Fatalf("update = %d %v", status, m)
		}
		status, m = e.call("GET", "/api/v1/proposals?region=HR0&skill="+storetest.URIPython, "", "")
		items, _ := m["items"].([]any)
		if status != 200 || len(items) != 1 || m["next_cursor"] != nil {
			t.Fatalf("list = %d %v", status, m)
		}
		status, m = e.call("GET", "/api/v1/proposals?type=gift", "", "")
		if code, _ := errOf(t, m); status != 422 || code != "invalid" {
			t.Fatalf("bad filter = %d %v", status, m)
		}
	})
}

func TestProposalAPIInOpenAPI(t *testing.T) {
	e := newAPI(t, "sqlite")
	_, m := e.call("GET", "/api/v1/openapi.json", "", "")
	paths, _ := m["paths"].(map[string]any)
	list, _ := paths["/proposals"].(map[string]any)
	one, _ := paths["/proposals/{id}"].(map[string]any)
	if list["get"] == nil || list["post"] == nil || one["get"] == nil || one["put"] == nil {
		t.Fatalf("proposal operations missing: %v %v", list, one)
	}
}
