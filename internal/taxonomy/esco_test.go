package taxonomy

import (
	"context"
	"errors"
	"slices"
	"testing"
)

const (
	uriWorkInTeams = "http://data.europa.eu/esco/skill/60c78287-22eb-4103-9c8c-28deaa460da0"
	uriTeamsGroup  = "http://data.europa.eu/esco/skill/036afa6e-cdde-4b38-a53a-8e7910a840e1"
	uriInitiative  = "http://data.europa.eu/esco/skill/001115fb-569f-4ee6-8381-c6807ef2527f"
)

// readEnglish reads the whole embedded English release once per test run.
func readEnglish(t *testing.T, h Handler) {
	t.Helper()
	if err := ReadESCO(context.Background(), EmbeddedESCO(), "en", h); err != nil {
		t.Fatalf("ReadESCO(embedded, en): %v", err)
	}
}

func TestReadESCOEnglishCounts(t *testing.T) {
	n := newCounts()
	readEnglish(t, countingHandler(n))
	checks := []struct {
		what      string
		got, want int
	}{
		{"skills", n.concepts[KindSkill], 10837},
		{"knowledge", n.concepts[KindKnowledge], 3059},
		{"skills and knowledge", n.concepts[KindSkill] + n.concepts[KindKnowledge], 13896},
		{"skill groups", n.concepts[KindSkillGroup], 640},
		{"broader relations", n.broader, 20656},
		{"skill-skill relations", n.relations, 5899},
		{"occupations", n.occupations, 2406},
		{"occupation-skill relations", n.occSkills, 99614},
		{"transversal collection", n.members[CollectionTransversal], 96},
		{"digital collection", n.members[CollectionDigital], 1201},
		{"green collection", n.members[CollectionGreen], 570},
		{"language collection", n.members[CollectionLanguage], 346},
		{"research collection", n.members[CollectionResearch], 40},
		{"DigComp collection", n.members[CollectionDigComp], 26},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %d, want %d", c.what, c.got, c.want)
		}
	}
}

func TestReadESCOEnglishKnownConcept(t *testing.T) {
	got := map[string]Concept{}
	readEnglish(t, Handler{Concept: func(c Concept) error {
		if c.URI == uriWorkInTeams || c.URI == uriTeamsGroup {
			got[c.URI] = c
		}
		return nil
	}})
	c := got[uriWorkInTeams]
	if c.PreferredLabel != "work in teams" || c.Kind != KindSkill || c.Scheme != SchemeESCO ||
		c.SkillType != "skill/competence" || c.ReuseLevel != "transversal" || c.Lang != "en" {
		t.Errorf("work in teams = %+v", c)
	}
	wantAlt := []string{"work in groups", "working in teams", "support colleagues", "work in squads",
		"handle team dynamics", "foster social networks", "cooperate with colleagues", "team-working",
		"cooperate", "collaborate on tasks"} // the file also repeats "work in teams": dropped
	if !slices.Equal(c.AltLabels, wantAlt) {
		t.Errorf("alt labels = %q, want %q", c.AltLabels, wantAlt)
	}
	if !slices.Contains(c.HiddenLabels, "team spirit") || len(c.HiddenLabels) != 7 {
		t.Errorf("hidden labels = %q", c.HiddenLabels)
	}
	if c.Description != "Work confidently within a group with each doing their part in the service of the whole." {
		t.Errorf("description = %q", c.Description)
	}
	g := got[uriTeamsGroup]
	if g.Kind != KindSkillGroup || g.Code != "T4.3" || g.PreferredLabel != "collaborating in teams and networks" {
		t.Errorf("group = %+v", g)
	}
}

func TestReadESCOEnglishHierarchyAndLinks(t *testing.T) {
	var parents []string
	initiative := map[string]bool{}
	readEnglish(t, Handler{
		Broader: func(b Broader) error {
			if b.ChildURI == uriWorkInTeams {
				parents = append(parents, b.ParentURI)
			}
			return nil
		},
		Membership: func(m Membership) error {
			if m.ConceptURI == uriInitiative {
				initiative[m.Collection] = true
			}
			return nil
		},
	})
	if !slices.Equal(parents, []string{uriTeamsGroup}) {
		t.Errorf("work in teams → %q, want [%s]", parents, uriTeamsGroup)
	}
	if !initiative[CollectionTransversal] {
		t.Errorf("show initiative is not in the transversal collection: %v", initiative)
	}
}

func TestReadESCOEnglishDanglingLinks(t *testing.T) {
	// The Handler documentation promises these numbers to store writers.
	known := map[string]bool{}
	danglingBroader, danglingOcc := 0, 0
	readEnglish(t, Handler{
		Concept:    func(c Concept) error { known[c.URI] = true; return nil },
		Occupation: func(o Occupation) error { known[o.URI] = true; return nil },
		Broader: func(b Broader) error {
			if !known[b.ChildURI] || !known[b.ParentURI] {
				danglingBroader++
			}
			return nil
		},
		OccupationSkill: func(o OccupationSkill) error {
			if !known[o.OccupationURI] || !known[o.SkillURI] {
				danglingOcc++
			}
			return nil
		},
	})
	if danglingBroader != 7 || danglingOcc != 67 {
		t.Errorf("dangling: %d broader, %d occupation-skill; want 7 and 67", danglingBroader, danglingOcc)
	}
}

func TestReadESCOEnglishRelationsAndOccupations(t *testing.T) {
	types := map[string]int{}
	var occ Occupation
	readEnglish(t, Handler{
		Relation:        func(r Relation) error { types["skill "+r.Type]++; return nil },
		OccupationSkill: func(o OccupationSkill) error { types["occupation "+o.Type]++; return nil },
		Occupation: func(o Occupation) error {
			if o.PreferredLabel == "technical director" {
				occ = o
			}
			return nil
		},
	})
	want := map[string]int{"skill essential": 191, "skill optional": 5708, "occupation essential": 52222, "occupation optional": 47392}
	for k, v := range want {
		if types[k] != v {
			t.Errorf("%s relations: %d, want %d", k, types[k], v)
		}
	}
	if occ.ISCOGroup != "2654" || occ.Code != "2654.1.7" || occ.Kind != KindOccupation || len(occ.AltLabels) != 6 {
		t.Errorf("technical director = %+v", occ)
	}
}

func TestReadESCOProgress(t *testing.T) {
	var last Progress
	files := 0
	h := countingHandler(newCounts())
	h.Progress = func(p Progress) {
		if p.Step < last.Step || (p.Step == last.Step && p.Rows < last.Rows) || p.Steps != 12 {
			t.Errorf("progress went back or changed plan: %+v after %+v", p, last)
		}
		if p.Done {
			files++
			if p.Size <= 0 || p.Bytes != p.Size {
				t.Errorf("%s done at %d of %d bytes", p.File, p.Bytes, p.Size)
			}
		}
		last = p
	}
	readEnglish(t, h)
	if files != 12 || last.File != "occupationSkillRelations.csv" || last.Rows != 99614 {
		t.Errorf("%d files done, last %+v", files, last)
	}
}

func TestReadESCOStopsOnHandlerErrorAndCancel(t *testing.T) {
	stop := errors.New("disk full")
	err := ReadESCO(context.Background(), EmbeddedESCO(), "en", Handler{
		Concept: func(Concept) error { return stop },
	})
	if !errors.Is(err, stop) || err.Error() != "taxonomy: skillGroups_en.csv line 2: disk full" {
		t.Errorf("handler error: got %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	rows := 0
	err = ReadESCO(ctx, EmbeddedESCO(), "en", Handler{Concept: func(Concept) error {
		if rows++; rows == 10 {
			cancel()
		}
		return nil
	}})
	if !errors.Is(err, context.Canceled) || rows > 2*progressEvery {
		t.Errorf("after cancel: %v, %d rows", err, rows)
	}
}
