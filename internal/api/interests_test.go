package api_test

import (
	"fmt"
	"testing"

	"github.com/ponte-platform/ponte/internal/i18n"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

func TestInterestAPI(t *testing.T) {
	cat, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	each(t, func(t *testing.T, e *apiEnv) {
		storetest.SeedConcepts(t, e.svc.Store())
		status, m := e.call("POST", "/api/v1/proposals", e.token, proposalJSON)
		if status != 201 {
			t.Fatalf("create = %d %v", status, m)
		}
		path := fmt.Sprintf("/api/v1/proposals/%d", int64(m["id"].(float64)))
		if status, m = e.call("POST", path+"/status", e.token, `{"status": "published"}`); status != 200 {
			t.Fatalf("publish = %d %v", status, m)
		}
		ana, bob := e.otherToken("ana@example.org"), e.otherToken("bob@example.org")
		if status, m = e.call("POST", path+"/interests", "", `{"message": "m"}`); status != 401 {
			t.Fatalf("no token = %d %v", status, m)
		}
		status, m = e.call("POST", path+"/interests", e.token, `{"message": "m"}`)
		if code, _ := errOf(t, m); status != 403 || code != "forbidden" {
			t.Fatalf("own proposal = %d %v", status, m)
		}
		status, m = e.call("POST", path+"/interests", ana, `{"message": "  "}`, "Accept-Language", "it")
		fields, _ := m["error"].(map[string]any)["fields"].(map[string]any)
		if status != 422 || fields["message"] == nil {
			t.Fatalf("empty message = %d %v", status, m)
		}
		status, m = e.call("POST", path+"/interests", ana, `{"message": "Imamo senzore."}`)
		if status != 201 || m["status"] != "pending" || m["message"] != "Imamo senzore." || m["contact"] != nil || m["user_name"] == nil {
			t.Fatalf("express = %d %v", status, m)
		}
		id := int64(m["id"].(float64))
		status, m = e.call("POST", path+"/interests", ana, `{"message": "again"}`)
		if status != 200 || int64(m["id"].(float64)) != id || m["message"] != "Imamo senzore." {
			t.Fatalf("again = %d %v", status, m)
		}
		list := func(token string) []any {
			t.Helper()
			status, m := e.call("GET", path+"/interests", token, "")
			items, ok := m["items"].([]any)
			if status != 200 || !ok {
				t.Fatalf("list = %d %v", status, m)
			}
			return items
		}
		if items := list(e.token); len(items) != 1 || items[0].(map[string]any)["contact"] != nil {
			t.Fatalf("proposer's list before acceptance = %v", items)
		}
		if items := list(bob); len(items) != 0 {
			t.Fatalf("bob sees %v", items)
		}
		decision := fmt.Sprintf("%s/interests/%d/decision", path, id)
		if status, m = e.call("POST", decision, ana, `{"decision": "accept"}`); status != 403 {
			t.Fatalf("ana decides = %d %v", status, m)
		}
		if status, m = e.call("POST", decision, e.token, `{"decision": "maybe"}`); status != 422 {
			t.Fatalf("bad decision = %d %v", status, m)
		}
		status, m = e.call("POST", decision, e.token, `{"decision": "accept"}`)
		contact, _ := m["contact"].(map[string]any)
		if status != 200 || m["status"] != "accepted" || contact["email"] != "ana@example.org" {
			t.Fatalf("accept = %d %v", status, m)
		}
		status, m = e.call("POST", decision, e.token, `{"decision": "decline"}`)
		if code, _ := errOf(t, m); status != 409 || code != "conflict" {
			t.Fatalf("decide twice = %d %v", status, m)
		}
		items := list(ana)
		contact, _ = items[0].(map[string]any)["contact"].(map[string]any)
		if len(items) != 1 || contact["email"] != "api@example.org" || contact["name"] != "API User" {
			t.Fatalf("ana's list after acceptance = %v", items)
		}
		// Withdrawn: no new interest, with a translated reason; the existing one is still returned.
		if status, m = e.call("POST", path+"/status", e.token, `{"status": "closed", "reason": "withdrawn"}`); status != 200 {
			t.Fatalf("withdraw = %d %v", status, m)
		}
		status, m = e.call("POST", path+"/interests", bob, `{"message": "late"}`, "Accept-Language", "sl")
		if code, msg := errOf(t, m); status != 409 || code != "conflict" || msg != cat.Translate("sl", "interest.error.withdrawn", nil) {
			t.Fatalf("withdrawn = %d %v", status, m)
		}
		if status, m = e.call("POST", path+"/interests", ana, `{"message": "again"}`); status != 200 || int64(m["id"].(float64)) != id {
			t.Fatalf("existing on a withdrawn proposal = %d %v", status, m)
		}
		if status, m = e.call("GET", "/api/v1/proposals/999999/interests", ana, ""); status != 404 {
			t.Fatalf("unknown proposal = %d %v", status, m)
		}
	})
}
