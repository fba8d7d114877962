package api_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte/internal/service"
)

func TestSuggestSkillsForText(t *testing.T) {
	e := newAPI(t, "sqlite")
	if _, err := e.svc.LoadEmbeddedTaxonomy(context.Background(), service.TaxonomyOptions{}); err != nil {
		t.Fatal(err)
	}
	body, _ := json.Marshal(map[string]any{"text": "We need a partner who can write research proposals " +
		"and analyse data about social inclusion of young people.", "lang": "en", "limit": 5})
	status, m := e.call("POST", "/api/v1/skills/suggest", "", string(body))
	items, _ := m["items"].([]any)
	if status != 200 || len(items) != 5 {
		t.Fatalf("suggest = %d, %d items: %v", status, len(items), m)
	}
	first := items[0].(map[string]any)
	for _, k := range []string{"id", "uri", "label", "lang", "type", "score", "why"} {
		if _, ok := first[k]; !ok {
			t.Fatalf("item lacks %s: %v", k, first)
		}
	}
	status, m = e.call("POST", "/api/v1/skills/suggest", "", `{"text": "!!! ... the of"}`)
	if items, _ := m["items"].([]any); status != 200 || items == nil || len(items) != 0 {
		t.Fatalf("punctuation only = %d %v", status, m)
	}
	status, m = e.call("POST", "/api/v1/skills/suggest", "", `{"text": `)
	if code, _ := errOf(t, m); status != 400 || code != "bad_request" {
		t.Fatalf("malformed JSON = %d %v", status, m)
	}
	long, _ := json.Marshal(map[string]string{"text": strings.Repeat("word ", 4001)})
	status, m = e.call("POST", "/api/v1/skills/suggest", "", string(long))
	if code, _ := errOf(t, m); status != 422 || code != "invalid" {
		t.Fatalf("oversize text = %d %v", status, m)
	}
}
