package taxonomy

import (
	"context"
	"slices"
	"strings"
	"testing"
)

func TestEntreComp(t *testing.T) {
	f, err := EntreComp()
	if err != nil {
		t.Fatal(err)
	}
	if a, c, th := f.Count(KindArea), f.Count(KindCompetence), f.Count(KindThread); a != 3 || c != 15 || th != 60 {
		t.Errorf("EntreComp: %d areas, %d competences, %d threads; want 3, 15, 60", a, c, th)
	}
	if len(f.Broader) != 15+60 {
		t.Errorf("%d broader links, want 75", len(f.Broader))
	}
	want := []struct{ uri, label string }{
		{"urn:entrecomp:area:1", "Ideas and opportunities"},
		{"urn:entrecomp:area:3", "Into action"},
		{"urn:entrecomp:competence:1.1", "Spotting opportunities"},
		{"urn:entrecomp:competence:2.3", "Mobilizing resources"},
		{"urn:entrecomp:thread:1.1.1", "Identify, create and seize opportunities"},
	}
	for _, w := range want {
		if c, ok := f.Concept(w.uri); !ok || c.PreferredLabel != w.label || c.Scheme != SchemeEntreComp || c.Lang != "en" {
			t.Errorf("%s = %+v, want label %q", w.uri, c, w.label)
		}
	}
	c, _ := f.Concept("urn:entrecomp:competence:1.1")
	if !strings.HasPrefix(c.Description, "Use your imagination and abilities to identify opportunities for creating value\nIdentify and seize") {
		t.Errorf("1.1 description %q", c.Description)
	}
	if !slices.Contains(f.Broader, Broader{ChildURI: "urn:entrecomp:competence:3.4", ParentURI: "urn:entrecomp:area:3"}) {
		t.Error("3.4 is not under area 3")
	}
}

func TestEntreCompLevels(t *testing.T) {
	f, err := EntreComp()
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"Discover", "Explore", "Experiment", "Dare", "Improve", "Reinforce", "Expand", "Transform"}
	bands := []string{"Foundation", "Intermediate", "Advanced", "Expert"}
	if len(f.Levels) != 8 {
		t.Fatalf("%d levels, want 8", len(f.Levels))
	}
	for i, l := range f.Levels {
		if l.Number != i+1 || l.Name != names[i] || l.Band != bands[i/2] || l.Autonomy == "" || l.Description == "" || l.BandDescription == "" {
			t.Errorf("level %d = %+v", i+1, l)
		}
	}
	// The reshaped file says "competenceAreas" where the JRC says "competences".
	for _, c := range f.Concepts {
		if strings.Contains(c.Description, "competenceArea") {
			t.Errorf("%s description not cleaned: %q", c.URI, c.Description)
		}
	}
	if !strings.Contains(f.Levels[6].Description, "on the competences needed") {
		t.Errorf("level 7: %q", f.Levels[6].Description)
	}
}

func TestDigComp(t *testing.T) {
	f, err := DigComp()
	if err != nil {
		t.Fatal(err)
	}
	if a, c := f.Count(KindArea), f.Count(KindCompetence); a != 5 || c != 21 || len(f.Concepts) != 26 || len(f.Broader) != 21 {
		t.Errorf("DigComp: %d areas, %d competences, %d broader; want 5, 21, 21", a, c, len(f.Broader))
	}
	c, ok := f.Concept("urn:digcomp:3.0:competence:1.1")
	if !ok || c.PreferredLabel != "Browsing, searching and filtering information" || c.Code != "1.1" ||
		!strings.HasPrefix(c.Description, "To articulate information needs") {
		t.Errorf("1.1 = %+v", c)
	}
	for _, c := range f.Concepts {
		if c.Description == "" || c.Scheme != SchemeDigComp {
			t.Errorf("%s: no description or wrong scheme: %+v", c.URI, c)
		}
	}
	if !slices.Contains(f.Broader, Broader{ChildURI: "urn:digcomp:3.0:competence:5.4", ParentURI: "urn:digcomp:3.0:area:5"}) {
		t.Error("5.4 is not under area 5")
	}
	if len(f.Levels) != 8 || f.Levels[0].Name != "Basic 1" || f.Levels[7].Name != "Highly advanced 8" || f.Levels[3].Band != "Intermediate" {
		t.Errorf("levels = %+v", f.Levels)
	}
}

func TestDigCompWithoutSupplement(t *testing.T) {
	const items = "item_type,id,competence_area_id,competence_area,competence_id,competence,text\n" +
		"CompetenceStatement,CS1.1.01,1,Information,1.1,Browsing,x\n" +
		"LearningOutcome,LO1.1.01,1,Information,1.1,Browsing,y\n" +
		"CompetenceStatement,CS2.1.01,2,Communication,2.1,Interacting,z\n"
	f, err := ParseDigComp(strings.NewReader(items), nil)
	if err != nil {
		t.Fatal(err)
	}
	if f.Count(KindArea) != 2 || f.Count(KindCompetence) != 2 || f.Levels != nil {
		t.Errorf("got %+v", f)
	}
	_, err = ParseDigComp(strings.NewReader("item_type,id,competence_area_id,competence_area,competence_id,competence\nx,y,1,A,,B\n"), nil)
	if err == nil || !strings.Contains(err.Error(), "digcomp3.0_items.csv line 2") {
		t.Errorf("row without competence id: %v", err)
	}
}

func TestParseEntreCompErrors(t *testing.T) {
	for _, in := range []string{"", "{", `{"areas":[]}`, `{"areas":[{"id":1,"name":""}]}`} {
		if _, err := ParseEntreComp(strings.NewReader(in)); err == nil {
			t.Errorf("ParseEntreComp(%q) succeeded", in)
		}
	}
}

func TestFrameworkEmitStopsOnError(t *testing.T) {
	f, err := EntreComp()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	err = f.Emit(context.Background(), Handler{Concept: func(Concept) error {
		if n++; n == 2 {
			return context.DeadlineExceeded
		}
		return nil
	}})
	if err == nil || n != 2 {
		t.Errorf("Emit went on after an error: %v, %d calls", err, n)
	}
}
