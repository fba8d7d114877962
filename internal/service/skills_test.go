package service_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

// suggestions lists hits for a failure message.
func suggestions(hits []service.SkillSuggestion) string {
	var b strings.Builder
	for i, h := range hits {
		fmt.Fprintf(&b, "\n  %d. %q (%s) matched %q", i+1, h.Label, h.Lang, h.Matched)
	}
	return b.String()
}

func testSuggest(t *testing.T, e *taxEnv) {
	cases := []struct {
		q, lang, uri string
		within       int
		label, shown string
	}{
		{"proj man", "en", storetest.URIProjectMgmtKnow, 3, "project management", "en"},
		{"proj man", "en", storetest.URIProjectManagement, 10, "perform project management", "en"},
		{"Python", "en", storetest.URIPython, 1, "Python (computer programming)", "en"},
		{"python", "it", storetest.URIPython, 1, "Python (computer programming)", "en"}, // no Italian label
		{"work in teams", "xx", storetest.URIWorkInTeams, 1, "work in teams", "en"},     // unknown language
		{"lavorare squadra", "it", storetest.URIWorkInTeams, 1, "lavorare in squadra", "it"},
		{"LAVORARE IN SQUADRA", "it", storetest.URIWorkInTeams, 1, "lavorare in squadra", "it"},
		{"cooperare", "it", storetest.URIWorkInTeams, 1, "lavorare in squadra", "it"},
		{"pensare fuori dagli schemi", "it", storetest.URIThinkCreatively, 1, "pensare in modo creativo", "it"},
		{"creativita", "it", uriCreativityArea, 3, "Creatività", "it"},
		{"ΔΗΜΙΟΥΡΓΙΚΟΤΗΤΑ", "el", uriCreativityArea, 1, "Δημιουργικότητα", "el"},
		{"δημιουργικότητα", "el", uriCreativityArea, 1, "Δημιουργικότητα", "el"},
	}
	for _, c := range cases {
		t.Run(c.lang+"/"+c.q, func(t *testing.T) {
			hits, err := e.svc.SuggestSkills(context.Background(), c.q, c.lang, 10)
			if err != nil {
				t.Fatal(err)
			}
			pos := 0
			for i, h := range hits {
				if h.URI == c.uri {
					pos = i + 1
					break
				}
			}
			if pos == 0 || pos > c.within {
				t.Fatalf("%s at %d, want within %d:%s", c.uri, pos, c.within, suggestions(hits))
			}
			if h := hits[pos-1]; h.Label != c.label || h.Lang != c.shown || h.ID == 0 {
				t.Fatalf("shown as %q (%s), want %q (%s)", h.Label, h.Lang, c.label, c.shown)
			}
		})
	}
}

func testSuggestLimits(t *testing.T, e *taxEnv) {
	ctx := context.Background()
	for _, q := range []string{"", "   ", "?!", "--"} {
		hits, err := e.svc.SuggestSkills(ctx, q, "en", 10)
		if err != nil || hits == nil || len(hits) != 0 {
			t.Errorf("SuggestSkills(%q) = %v, %v; want an empty list", q, hits, err)
		}
	}
	for limit, want := range map[int]int{0: 10, -3: 10, 5: 5, 50: 50, 500: 50} {
		if hits, _ := e.svc.SuggestSkills(ctx, "a", "en", limit); len(hits) != want {
			t.Errorf("limit %d gave %d hits, want %d", limit, len(hits), want)
		}
	}
}

func testResolve(t *testing.T, e *taxEnv) {
	ctx := context.Background()
	cases := []struct {
		name, uri, text, lang string
		want                  string // URI resolved to, or "" for none
		key                   string // field error key, or ""
		candidates            bool
	}{
		{"uri", storetest.URIPython, "whatever was typed", "en", storetest.URIPython, "", false},
		{"unknown uri", "http://data.europa.eu/esco/skill/nope", "", "en", "", "error.skill_unknown", false},
		{"exact preferred", "", "  Work in TEAMS ", "en", storetest.URIWorkInTeams, "", false},
		{"exact Italian", "", "lavorare in squadra", "it", storetest.URIWorkInTeams, "", false},
		{"exact English in Italian", "", "think creatively", "it", storetest.URIThinkCreatively, "", false},
		{"exact alternative", "", "Python3", "en", storetest.URIPython, "", false},
		{"ambiguous", "", "proj man", "en", "", "error.skill_choose", true},
		{"nothing", "", "zzqxv wwqk", "en", "", "error.skill_no_match", false},
		{"empty", "", "  ", "en", "", "error.required", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, cands, err := e.svc.ResolveSkill(ctx, "skill", c.uri, c.text, c.lang)
			if c.key != "" {
				if pe := ponte.AsError(err); pe == nil || pe.Code != ponte.EInvalid || pe.Fields["skill"] != c.key {
					t.Fatalf("err = %v, want field skill = %s", err, c.key)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			if (got == nil && c.want != "") || (got != nil && got.URI != c.want) {
				t.Fatalf("resolved to %+v, want %s", got, c.want)
			}
			if c.candidates != (len(cands) >= 2) || len(cands) > 8 {
				t.Fatalf("%d candidates", len(cands))
			}
		})
	}
	_, cands, _ := e.svc.ResolveSkill(ctx, "skill", "", "lavorare", "it")
	if len(cands) == 0 || cands[0].URI != storetest.URIWorkInTeams || cands[0].Label != "lavorare in squadra" {
		t.Fatalf("Italian candidates: %+v", cands)
	}
}
