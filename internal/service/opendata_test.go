package service_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

// TestOpenDataHonoursVisibility exports every dataset in both formats and
// checks that only what a visitor may see is written: a person whose
// skills are for members has none listed, a person whose "about" section
// is for members is absent, drafts are absent, and no e-mail address or
// members-only text leaks.
func TestOpenDataHonoursVisibility(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		storetest.SeedConcepts(t, e.store)
		ana, bo, cy := e.member(t, "ana@example.org"), e.member(t, "bo@example.org"), e.member(t, "cy@example.org")
		e.fullProfile(t, ana)
		e.fullProfile(t, bo)
		if err := e.svc.SetVisibility(ctx, ana, ponte.SectionSkills, ponte.VisMembers); err != nil {
			t.Fatal(err)
		}
		if err := e.svc.SetVisibility(ctx, bo, ponte.SectionAbout, ponte.VisMembers); err != nil {
			t.Fatal(err)
		}
		draft := e.proposal(t, cy, validProposal())
		pub := e.proposal(t, cy, validProposal())
		if _, err := e.svc.ChangeProposalStatus(ctx, cy, pub.ID, ponte.ProposalPublished, "", "en"); err != nil {
			t.Fatal(err)
		}

		var buf bytes.Buffer
		n, err := e.svc.ExportOpenData(ctx, ponte.DatasetPeople, service.FormatCSV, &buf)
		if err != nil || n != 1 {
			t.Fatalf("people.csv: %d rows, %v", n, err)
		}
		rows, err := csv.NewReader(&buf).ReadAll()
		if err != nil || len(rows) != 2 || strings.Join(rows[0], ",") != strings.Join(service.OpenDataColumns(ponte.DatasetPeople), ",") {
			t.Fatalf("people.csv = %q, %v", rows, err)
		}
		row := map[string]string{}
		for i, c := range rows[0] {
			row[c] = rows[1][i]
		}
		if row["name"] != "Ana Horvat" || row["region"] != "HR036" || row["languages"] != "hr|it" || row["skills"] != "" ||
			row["url"] != "http://ponte.test/people/"+strconv.FormatInt(ana.ID, 10) {
			t.Fatalf("ana's row = %v", row)
		}
		buf.Reset()
		if _, err := e.svc.ExportOpenData(ctx, ponte.DatasetPeople, service.FormatJSONL, &buf); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(buf.String(), "@example.org") || strings.Contains(buf.String(), "Workshops") ||
			strings.Contains(buf.String(), storetest.URIPython) {
			t.Fatalf("people.jsonl leaks members-only data: %s", buf.String())
		}
		var person struct {
			Name   string   `json:"name"`
			Skills []string `json:"skills"`
		}
		if err := json.Unmarshal(buf.Bytes(), &person); err != nil || person.Name != "Ana Horvat" || person.Skills == nil {
			t.Fatalf("people.jsonl = %s (%v)", buf.String(), err)
		}

		buf.Reset()
		n, err = e.svc.ExportOpenData(ctx, ponte.DatasetProposals, service.FormatJSONL, &buf)
		if err != nil || n != 1 {
			t.Fatalf("proposals.jsonl: %d rows, %v", n, err)
		}
		var prop struct {
			ID        int64    `json:"id"`
			Essential []string `json:"essential_skills"`
			Other     []string `json:"other_skills"`
			Countries []string `json:"countries"`
		}
		if err := json.Unmarshal(buf.Bytes(), &prop); err != nil || prop.ID != pub.ID || prop.ID == draft.ID ||
			strings.Join(prop.Essential, " ") != storetest.URIPython || strings.Join(prop.Other, " ") != storetest.URIDataAnalytics ||
			strings.Join(prop.Countries, " ") != "HR SI" {
			t.Fatalf("proposals.jsonl = %s (%v)", buf.String(), err)
		}

		buf.Reset()
		if n, err := e.svc.ExportOpenData(ctx, ponte.DatasetOrganisations, service.FormatCSV, &buf); err != nil || n != 2 {
			t.Fatalf("organisations.csv: %d rows, %v\n%s", n, err, buf.String())
		}
		for _, bad := range [][2]string{{"users", service.FormatCSV}, {ponte.DatasetPeople, "xml"}} {
			_, err := e.svc.ExportOpenData(ctx, bad[0], bad[1], &buf)
			wantCode(t, err, ponte.ENotFound)
		}
	})
}
