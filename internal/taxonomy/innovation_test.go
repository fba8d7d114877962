package taxonomy

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// embeddedLabels maps every embedded concept URI to its English label.
func embeddedLabels(t *testing.T) map[string]string {
	t.Helper()
	labels := map[string]string{}
	add := func(c Concept) error {
		if c.Lang == "en" {
			labels[c.URI] = c.PreferredLabel
		}
		return nil
	}
	if err := LoadEmbedded(context.Background(), Handler{Concept: add}); err != nil {
		t.Fatal(err)
	}
	return labels
}

// transversal returns the members of the embedded transversal collection.
func transversal(t *testing.T) map[string]bool {
	t.Helper()
	in := map[string]bool{}
	readEnglish(t, Handler{Membership: func(m Membership) error {
		if m.Collection == CollectionTransversal {
			in[m.ConceptURI] = true
		}
		return nil
	}})
	return in
}

func TestInnovationAreas(t *testing.T) {
	areas, err := InnovationAreas()
	if err != nil {
		t.Fatal(err)
	}
	var slugs []string
	for _, a := range areas {
		slugs = append(slugs, a.Slug)
		if len(a.Members) < 4 {
			t.Errorf("%s: %d members, want at least 4", a.Slug, len(a.Members))
		}
		if a.URI != "urn:ponte:innovation:"+a.Slug {
			t.Errorf("%s: URI %q", a.Slug, a.URI)
		}
		checkTranslations(t, a)
	}
	want := []string{"social-interpersonal", "open-mindedness", "international-proficiency",
		"entrepreneurial-mindset", "creativity", "management"}
	if !slices.Equal(slugs, want) {
		t.Errorf("areas %q, want %q", slugs, want)
	}
}

// checkTranslations catches a label or description left in English or
// written in the wrong script.
func checkTranslations(t *testing.T, a InnovationArea) {
	t.Helper()
	for _, lang := range ponteLanguages[1:] {
		if a.Labels[lang] == a.Labels["en"] || a.Descriptions[lang] == a.Descriptions["en"] {
			t.Errorf("%s: %s text is the English one", a.Slug, lang)
		}
		greek := strings.IndexFunc(a.Labels[lang]+a.Descriptions[lang], func(r rune) bool { return unicode.Is(unicode.Greek, r) }) >= 0
		if greek != (lang == "el") {
			t.Errorf("%s: %s text in the wrong script: %q", a.Slug, lang, a.Labels[lang])
		}
	}
}

// TestInnovationMembersExist checks every member URI against the embedded
// taxonomies, and its reviewer's label against the concept's real label.
// An ESCO member outside the transversal collection must say why in a note.
func TestInnovationMembersExist(t *testing.T) {
	labels, inTransversal := embeddedLabels(t), transversal(t)
	var file innovationFile
	r, err := Open(Embedded(), InnovationFile)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if err := json.NewDecoder(r).Decode(&file); err != nil {
		t.Fatal(err)
	}
	for _, a := range file.Areas {
		for _, m := range a.Members {
			label, ok := labels[m.URI]
			switch {
			case !ok:
				t.Errorf("%s: member %s (%q) is not in the embedded taxonomies", a.Slug, m.URI, m.Label)
			case label != m.Label:
				t.Errorf("%s: member %s is %q, the file says %q", a.Slug, m.URI, label, m.Label)
			case strings.HasPrefix(m.URI, "http://data.europa.eu/esco/") && !inTransversal[m.URI] && m.Note == "":
				t.Errorf("%s: %q is not a transversal skill and has no note saying why it is here", a.Slug, m.Label)
			}
		}
	}
}

func TestParseInnovationAreasRejects(t *testing.T) {
	texts := `"label":{"en":"a","it":"a","el":"a","hr":"a","ro":"a","sl":"a"},"description":{"en":"d","it":"d","el":"d","hr":"d","ro":"d","sl":"d"}`
	cases := map[string]string{
		"bad slug":         `{"areas":[{"slug":"Creativity",` + texts + `,"members":[{"uri":"u"}]}]}`,
		"no members":       `{"areas":[{"slug":"creativity",` + texts + `,"members":[]}]}`,
		"repeated member":  `{"areas":[{"slug":"creativity",` + texts + `,"members":[{"uri":"u"},{"uri":"u"}]}]}`,
		"repeated slug":    `{"areas":[{"slug":"a",` + texts + `,"members":[{"uri":"u"}]},{"slug":"a",` + texts + `,"members":[{"uri":"u"}]}]}`,
		"missing language": `{"areas":[{"slug":"a","label":{"en":"a"},"description":{"en":"d"},"members":[{"uri":"u"}]}]}`,
		"not JSON":         `{"areas":`,
	}
	for name, in := range cases {
		if _, err := ParseInnovationAreas(strings.NewReader(in)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestInnovationAreaRecords(t *testing.T) {
	areas, err := InnovationAreas()
	if err != nil {
		t.Fatal(err)
	}
	a := areas[4]
	cs := a.Concepts()
	if len(cs) != 6 || cs[2].Lang != "el" || cs[2].PreferredLabel != "Δημιουργικότητα" || cs[0].Kind != KindInnovationArea || cs[0].URI != "urn:ponte:innovation:creativity" {
		t.Errorf("concepts = %+v", cs)
	}
	ms := a.Memberships()
	if len(ms) != len(a.Members) || ms[0].Collection != "innovation:creativity" || ms[0].ConceptURI != a.Members[0] {
		t.Errorf("memberships = %+v", ms)
	}
}
