package api_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

func TestSearchAPI(t *testing.T) {
	each(t, func(t *testing.T, e *apiEnv) {
		storetest.SeedConcepts(t, e.svc.Store())
		body := strings.Replace(proposalJSON, "Nudimo senzorsku mrežu", "Nudimo senzorsku mrežu za <b>vinograde</b> u Istri", 1)
		status, m := e.call("POST", "/api/v1/proposals", e.token, body)
		if status != 201 {
			t.Fatalf("create = %d %v", status, m)
		}
		id := int64(m["id"].(float64))
		q := "/api/v1/search?q=" + url.QueryEscape("vinogradi") + "&lang=hr"
		if status, m = e.call("GET", q, "", ""); status != 200 || len(m["items"].([]any)) != 0 {
			t.Fatalf("a draft is searchable: %d %v", status, m)
		}
		if status, m = e.call("POST", fmt.Sprintf("/api/v1/proposals/%d/status", id), e.token, `{"status": "published"}`); status != 200 {
			t.Fatalf("publish = %d %v", status, m)
		}
		status, m = e.call("GET", q, "", "")
		items, _ := m["items"].([]any)
		if status != 200 || len(items) != 1 {
			t.Fatalf("search = %d %v", status, m)
		}
		hit := items[0].(map[string]any)
		if hit["type"] != "proposal" || hit["url"] != fmt.Sprintf("/proposals/%d", id) ||
			!strings.Contains(hit["snippet_html"].(string), "&lt;b&gt;<mark>vinograde</mark>&lt;/b&gt;") {
			t.Errorf("hit = %v", hit)
		}
		facets := m["facets"].(map[string]any)
		if fmt.Sprint(facets["type"]) != "[map[count:1 value:proposal]]" || len(facets["region"].([]any)) != 2 {
			t.Errorf("facets = %v", facets)
		}
		status, m = e.call("GET", "/api/v1/search?q=%22+%2C+the", "", "")
		if status != 200 || m["empty_query"] != true {
			t.Errorf("stop-words = %d %v", status, m)
		}
		status, m = e.call("GET", "/api/v1/search?q=vinograde&region=XX9", "", "", "Accept-Language", "sl")
		code, _ := errOf(t, m)
		fields, _ := m["error"].(map[string]any)["fields"].(map[string]any)
		if status != 422 || code != "invalid" || fields["region"] == nil {
			t.Errorf("bad region = %d %v", status, m)
		}
		if status, _ = e.call("GET", "/api/v1/search?q=x&type=gift", "", ""); status != 422 {
			t.Errorf("bad type = %d", status)
		}
	})
}
