package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
	"github.com/ponte-platform/ponte/internal/taxonomy"
)

// TestSkillPages loads the whole taxonomy and the Italian fixture once per
// backend and drives the skill pages and the skill API over HTTP.
func TestSkillPages(t *testing.T) {
	for _, b := range sqltest.Backends(t) {
		t.Run(b, func(t *testing.T) {
			t.Parallel()
			s := newSite(t, b)
			ctx := context.Background()
			if _, err := s.svc.LoadEmbeddedTaxonomy(ctx, service.TaxonomyOptions{}); err != nil {
				t.Fatal(err)
			}
			_, err := s.svc.ImportESCO(ctx, os.DirFS("../taxonomy/testdata/esco_it"), "it",
				service.TaxonomyOptions{BadRow: func(*taxonomy.RowError) {}})
			if err != nil {
				t.Fatal(err)
			}
			for name, fn := range map[string]func(*testing.T, *testSite){
				"Search": testSkillSearch, "Concept": testSkillConcept, "Innovation": testSkillInnovation,
				"API": testSkillAPI, "APIDetail": testSkillAPIDetail,
			} {
				t.Run(name, func(t *testing.T) { fn(t, s) })
			}
		})
	}
}

// skillID returns the id of the concept with uri.
func skillID(t *testing.T, s *testSite, uri string) int64 {
	t.Helper()
	id, err := s.svc.SkillIDByURI(context.Background(), uri)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// get fetches a page and checks the status.
func get(t *testing.T, s *testSite, path string, status int, hdr ...string) resp {
	t.Helper()
	r := s.do(s.client(), "GET", path, nil, hdr...)
	if r.status != status {
		t.Fatalf("GET %s = %d, want %d\n%.2000s", path, r.status, status, r.body)
	}
	if status == http.StatusOK && (strings.Contains(r.body, "<script>") || strings.Contains(r.body, " style=")) {
		t.Fatalf("GET %s: inline script or style breaks the CSP", path)
	}
	return r
}

func testSkillSearch(t *testing.T, s *testSite) {
	r := get(t, s, "/skills", http.StatusOK)
	for _, want := range []string{`role="search"`, `name="skill_q"`, `name="skill_uri"`, `<label for="f-skill">`,
		`js/skillpicker.js`, `css/skills.css`, "ESCO v1.1.1, © European Union"} {
		if !strings.Contains(r.body, want) {
			t.Fatalf("/skills lacks %s", want)
		}
	}
	if strings.Contains(r.body, `id="results-heading"`) {
		t.Fatal("results shown before any search")
	}
	pm := skillID(t, s, storetest.URIProjectMgmtKnow)
	r = get(t, s, "/skills?skill_q=proj+man", http.StatusOK)
	if !strings.Contains(r.body, fmt.Sprintf(`href="/skills/%d"`, pm)) || !strings.Contains(r.body, `value="proj man"`) {
		t.Fatalf("search for proj man lacks project management")
	}
	r = get(t, s, "/skills?q=squadra", http.StatusOK, "Accept-Language", "it")
	if !strings.Contains(r.body, ">lavorare in squadra</a>") {
		t.Fatal("the Italian search lacks lavorare in squadra")
	}
	r = get(t, s, "/skills?q=python", http.StatusOK, "Accept-Language", "it")
	if !strings.Contains(r.body, `lang="en">Python (computer programming)</a>`) {
		t.Fatal("an English fallback label must carry lang=en")
	}
	r = get(t, s, "/skills?q=%21%3F", http.StatusOK)
	if !strings.Contains(r.body, "No skill matches these words") {
		t.Fatal("punctuation-only search must say nothing matched")
	}
	r = s.do(s.client(), "GET", "/skills?uri="+url.QueryEscape(storetest.URIPython), nil)
	if r.status != http.StatusSeeOther || r.header.Get("Location") != fmt.Sprintf("/skills/%d", skillID(t, s, storetest.URIPython)) {
		t.Fatalf("?uri= = %d %q", r.status, r.header.Get("Location"))
	}
	get(t, s, "/skills?uri=http%3A%2F%2Fexample.org%2Fnone", http.StatusNotFound)
}

var jsonLD = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)

func testSkillConcept(t *testing.T, s *testSite) {
	id := skillID(t, s, storetest.URIWorkInTeams)
	r := get(t, s, fmt.Sprintf("/skills/%d", id), http.StatusOK)
	for _, want := range []string{`<h1 id="skill-title">work in teams</h1>`, "Transversal skills", `aria-current="page"`,
		"Also known as", "ESCO v1.1.1, © European Union", `lang="it">lavorare in squadra</span>`, "Who has this skill",
		"Social and interpersonal skills", "<title>work in teams · Ponte</title>"} {
		if !strings.Contains(r.body, want) {
			t.Fatalf("concept page lacks %q", want)
		}
	}
	m := jsonLD.FindStringSubmatch(r.body)
	var ld map[string]any
	if m == nil || json.Unmarshal([]byte(m[1]), &ld) != nil || ld["@type"] != "DefinedTerm" || ld["@id"] != storetest.URIWorkInTeams {
		t.Fatalf("JSON-LD = %v", m)
	}
	r = get(t, s, fmt.Sprintf("/skills/%d", id), http.StatusOK, "Accept-Language", "it")
	if !strings.Contains(r.body, `<h1 id="skill-title">lavorare in squadra</h1>`) || !strings.Contains(r.body, "ESCO v1.1.1, © Unione europea") {
		t.Fatal("Italian concept page lacks its Italian label or attribution")
	}
	r = get(t, s, fmt.Sprintf("/skills/%d", skillID(t, s, storetest.URIPython)), http.StatusOK, "Accept-Language", "el")
	if !strings.Contains(r.body, `<h1 id="skill-title" lang="en">Python (computer programming)</h1>`) ||
		!strings.Contains(r.body, "στα αγγλικά") {
		t.Fatal("a Greek page of an English-only concept must mark the label and explain")
	}
	big := skillID(t, s, "http://data.europa.eu/esco/skill/045f71e6-0699-4169-8a54-9c6b96f3174d")
	r = get(t, s, fmt.Sprintf("/skills/%d", big), http.StatusOK)
	next := regexp.MustCompile(`href="(/skills/\d+\?narrower_after=\d+#narrower)"`).FindStringSubmatch(r.body)
	if next == nil {
		t.Fatal("a group with 271 children has no next page link")
	}
	get(t, s, strings.ReplaceAll(next[1], "&amp;", "&"), http.StatusOK)
	get(t, s, "/skills/999999999", http.StatusNotFound)
	get(t, s, "/skills/abc", http.StatusNotFound)
}

func testSkillInnovation(t *testing.T, s *testSite) {
	r := get(t, s, "/skills/innovation", http.StatusOK, "Accept-Language", "hr")
	if n := strings.Count(r.body, `<section class="innovation-area"`); n != 6 {
		t.Fatalf("%d areas on the page, want 6", n)
	}
	if !strings.Contains(r.body, "Društvene i međuljudske vještine") || !strings.Contains(r.body, "11 vještina") {
		t.Fatal("the Croatian page lacks an area's name or its count")
	}
	area := skillID(t, s, "urn:ponte:innovation:creativity")
	r = get(t, s, fmt.Sprintf("/skills/%d", area), http.StatusOK, "Accept-Language", "ro")
	if !strings.Contains(r.body, `id="members-heading"`) || !strings.Contains(r.body, "<h1 id=\"skill-title\">Creativitate</h1>") {
		t.Fatal("an innovation area's page lacks its members")
	}
}

// TestSkillFieldPartial renders the skill field without and with
// candidates: a labelled text input and a hidden URI, or radio buttons.
func TestSkillFieldPartial(t *testing.T) {
	s := newSite(t, "sqlite")
	render := func(f SkillField) string {
		var b bytes.Buffer
		if err := s.web.tmpl.sets["en"].ExecuteTemplate(&b, "skill-field", f); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	plain := render(SkillField{Name: "skill", Label: "skills.search.label", Text: "pyth", URI: "urn:x", Required: true})
	for _, want := range []string{`<label for="f-skill">Skill`, `id="f-skill" name="skill_q" type="text" value="pyth"`,
		`value="urn:x" data-skill-uri name="skill_uri"`, `aria-describedby="f-skill-hint"`, ` required`} {
		if !strings.Contains(plain, want) {
			t.Fatalf("plain field lacks %q:\n%s", want, plain)
		}
	}
	if strings.Contains(plain, "fieldset") {
		t.Fatal("radio buttons without candidates")
	}
	cands := []*ponte.Concept{{URI: "urn:a", Label: "perform project management", Lang: "en", Kind: ponte.KindSkill},
		{URI: "urn:b", Label: "project management", Lang: "en", Kind: ponte.KindKnowledge}}
	chosen := render(SkillField{Name: "skill", Label: "skills.search.label", Text: "proj man", Error: "error.skill_choose",
		Candidates: cands})
	for _, want := range []string{"<legend>Which of these skills do you mean?</legend>", `type="radio" id="f-skill-c1" name="skill_uri" value="urn:b"`,
		`<label for="f-skill-c1"><span lang="en">project management</span>`, `aria-invalid="true"`,
		`id="f-skill-error">Choose a skill from the list.`, `data-skill-uri data-name="skill_uri"`} {
		if !strings.Contains(chosen, want) {
			t.Fatalf("field with candidates lacks %q:\n%s", want, chosen)
		}
	}
	if strings.Count(chosen, ` name="skill_uri"`) != 2 {
		t.Fatal("with candidates, only the radio buttons may carry skill_uri")
	}
}
