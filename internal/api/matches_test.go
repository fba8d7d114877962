package api_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

func TestMatchesAPI(t *testing.T) {
	each(t, func(t *testing.T, e *apiEnv) {
		ctx := context.Background()
		st := e.svc.Store()
		ids := storetest.SeedConcepts(t, st)
		person, personTok := e.second("marija@example.hr")
		p := ponte.NewProfile(person)
		p.Region, p.Country = "HR050", "HR"
		if err := st.SaveProfile(ctx, p); err != nil {
			t.Fatal(err)
		}
		if err := st.UpsertProfileSkill(ctx, &ponte.ProfileSkill{UserID: person.ID, ConceptID: ids[storetest.URIPython],
			Level: 4, EvidenceKind: ponte.EvidenceProject}); err != nil {
			t.Fatal(err)
		}
		status, m := e.call("POST", "/api/v1/proposals", e.token, proposalJSON)
		if status != 201 {
			t.Fatalf("create = %d %v", status, m)
		}
		path := fmt.Sprintf("/api/v1/proposals/%d/matches", int64(m["id"].(float64)))
		status, m = e.call("GET", path+"?kind=people&limit=5", e.token, "", "Accept-Language", "it")
		items, _ := m["items"].([]any)
		if status != 200 || m["kind"] != "people" || len(items) != 1 {
			t.Fatalf("matches = %d %v", status, m)
		}
		it := items[0].(map[string]any)
		r0 := it["reasons"].([]any)[0].(map[string]any)
		if it["id"] != float64(person.ID) || it["url"] != fmt.Sprintf("/people/%d", person.ID) || it["region"] != "HR050" ||
			it["covered"] != float64(1) || it["score"].(float64) < 80 || r0["key"] != "match.reason.coverage" ||
			r0["text"] != "Copre 1 competenza essenziale su 1" || r0["params"].(map[string]any)["Covered"] != "1" {
			t.Fatalf("match = %v", it)
		}
		if status, m = e.call("GET", path, personTok, ""); status != 404 {
			t.Fatalf("another member on a draft = %d %v", status, m)
		}
		if status, m = e.call("POST", path[:len(path)-len("/matches")]+"/status", e.token, `{"status": "published"}`); status != 200 {
			t.Fatalf("publish = %d %v", status, m)
		}
		status, m = e.call("GET", path, personTok, "")
		if code, _ := errOf(t, m); status != 403 || code != "forbidden" {
			t.Fatalf("another member = %d %v", status, m)
		}
		status, m = e.call("GET", path, "", "")
		if code, _ := errOf(t, m); status != 401 || code != "unauthorized" {
			t.Fatalf("no token = %d %v", status, m)
		}
		status, m = e.call("GET", path+"?kind=organisations", e.token, "")
		if items, _ := m["items"].([]any); status != 200 || m["kind"] != "organisations" || len(items) != 0 {
			t.Fatalf("organisations = %d %v", status, m)
		}
		if status, m = e.call("GET", path+"?kind=robots", e.token, ""); status != 422 {
			t.Fatalf("bad kind = %d %v", status, m)
		}
	})
}
