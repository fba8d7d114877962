package web

import (
	"context"
	"encoding/csv"
	"net/http"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore"
)

func TestOpenDataDownloads(t *testing.T) {
	s := newSite(t, sqlstore.SQLite)
	_, u := s.member("opendata@example.org")
	ctx := context.Background()
	if _, err := s.svc.UpdateProfile(ctx, u, service.ProfileInput{DisplayName: "Maja Novak", Headline: "Social economy",
		Country: "SI", Region: "SI041"}, ponte.SectionAbout, ponte.SectionLocation); err != nil {
		t.Fatal(err)
	}
	c := s.client()
	page := s.do(c, "GET", "/open-data", nil)
	if page.status != http.StatusOK || !strings.Contains(page.body, `href="/open-data/people.csv"`) ||
		!strings.Contains(page.body, `href="/open-data/proposals.jsonl"`) {
		t.Fatalf("/open-data = %d", page.status)
	}
	r := s.do(c, "GET", "/open-data/people.csv", nil)
	if r.status != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), "text/csv") ||
		!strings.Contains(r.header.Get("Content-Disposition"), `filename="ponte-people-`) {
		t.Fatalf("people.csv = %d %v", r.status, r.header)
	}
	rows, err := csv.NewReader(strings.NewReader(r.body)).ReadAll()
	if err != nil || len(rows) != 2 || rows[1][1] != "Maja Novak" || rows[1][4] != "SI041" {
		t.Fatalf("people.csv rows = %q, %v", rows, err)
	}
	r = s.do(c, "GET", "/open-data/organisations.jsonl", nil)
	if r.status != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), "application/jsonl") || r.body != "" {
		t.Fatalf("organisations.jsonl = %d %q", r.status, r.body)
	}
	for _, bad := range []string{"/open-data/users.csv", "/open-data/people.xml", "/open-data/people"} {
		if r := s.do(c, "GET", bad, nil); r.status != http.StatusNotFound || langOf(r.body) != "en" {
			t.Fatalf("%s = %d", bad, r.status)
		}
	}
}
