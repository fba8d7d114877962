package taxonomy

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// italian is the hand-made Italian release in testdata/esco_it.
var italian = os.DirFS("testdata/esco_it")

// collect reads a release into slices, skipping bad rows into bad.
type collected struct {
	concepts []Concept
	broader  []Broader
	members  []Membership
	bad      []*RowError
	progress []Progress
}

func (c *collected) handler(skipBad bool) Handler {
	h := Handler{
		Concept:         func(x Concept) error { c.concepts = append(c.concepts, x); return nil },
		Broader:         func(x Broader) error { c.broader = append(c.broader, x); return nil },
		Membership:      func(x Membership) error { c.members = append(c.members, x); return nil },
		Relation:        func(Relation) error { return nil },
		Occupation:      func(Occupation) error { return nil },
		OccupationSkill: func(OccupationSkill) error { return nil },
		Progress:        func(p Progress) { c.progress = append(c.progress, p) },
	}
	if skipBad {
		h.BadRow = func(e *RowError) error { c.bad = append(c.bad, e); return nil }
	}
	return h
}

func TestReadESCOItalianMalformedRowStops(t *testing.T) {
	var c collected
	err := ReadESCO(context.Background(), italian, "it", c.handler(false))
	var re *RowError
	if !errors.As(err, &re) || re.File != "skills_it.csv" || re.Line != 12 || !errors.Is(err, csv.ErrFieldCount) {
		t.Fatalf("got error %v, want a field count RowError at skills_it.csv line 12", err)
	}
	if want := "taxonomy: skills_it.csv line 12: wrong number of fields: 5 fields, header has 13"; err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}
	if len(c.concepts) != 1+3 {
		t.Errorf("%d concepts before the bad row, want the group and 3 skills", len(c.concepts))
	}
}

func TestReadESCOItalianSkipsBadRow(t *testing.T) {
	var c collected
	if err := ReadESCO(context.Background(), italian, "it", c.handler(true)); err != nil {
		t.Fatal(err)
	}
	if len(c.bad) != 1 || c.bad[0].Line != 12 {
		t.Errorf("bad rows %v, want one at line 12", c.bad)
	}
	labels := map[string]Concept{}
	for _, x := range c.concepts {
		labels[x.PreferredLabel] = x
		if x.Lang != "it" {
			t.Errorf("%s: lang %q", x.URI, x.Lang)
		}
	}
	teams := labels["lavorare in squadra"]
	if teams.URI != uriWorkInTeams || !slices.Equal(teams.AltLabels, []string{"lavorare in gruppo", "collaborare con i colleghi", "cooperare"}) {
		t.Errorf("lavorare in squadra = %+v", teams)
	}
	if !strings.HasPrefix(teams.Description, "Lavorare con fiducia all’interno") {
		t.Errorf("description %q", teams.Description)
	}
	if got := labels["pensare in modo creativo"].AltLabels; !slices.Equal(got, []string{`pensare "fuori dagli schemi"`, "ideare soluzioni originali"}) {
		t.Errorf("quoted alt labels %q", got)
	}
	if k := labels["principi di gestione dei progetti"]; k.Kind != KindKnowledge {
		t.Errorf("knowledge concept = %+v", k)
	}
	if g := labels["collaborare in gruppi e reti"]; g.Kind != KindSkillGroup || g.Code != "T4.3" {
		t.Errorf("group (after BOM) = %+v", g)
	}
	if len(c.concepts) != 5 || len(c.broader) != 1 || len(c.members) != 2 {
		t.Errorf("%d concepts, %d broader, %d members; want 5, 1, 2", len(c.concepts), len(c.broader), len(c.members))
	}
}

func TestReadESCOItalianSkipsMissingFiles(t *testing.T) {
	var c collected
	if err := ReadESCO(context.Background(), italian, "it", c.handler(true)); err != nil {
		t.Fatal(err)
	}
	var missing []string
	for _, p := range c.progress {
		if p.Missing {
			missing = append(missing, p.File)
		}
	}
	want := []string{"digitalSkillsCollection_it.csv", "greenSkillsCollection_it.csv",
		"languageSkillsCollection_it.csv", "researchSkillsCollection_it.csv",
		"digCompSkillsCollection_it.csv", "skillSkillRelations.csv", "occupations_it.csv",
		"occupationSkillRelations.csv"}
	if !slices.Equal(missing, want) {
		t.Errorf("missing files reported: %q, want %q", missing, want)
	}
}

func TestReadESCOErrors(t *testing.T) {
	const header = "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,description\n"
	cases := []struct {
		name, lang string
		fsys       fs.FS
		want       string
	}{
		{"bad language", "../it", italian, `invalid language code "../it"`},
		{"wrong language", "de", italian, "skills_de.csv: file does not exist"},
		{"no skills file", "it", fstest.MapFS{"skillGroups_it.csv": {Data: []byte(header)}}, "skills_it.csv: file does not exist"},
		{"empty skills file", "it", mapFS("skills_it.csv", ""), "skills_it.csv: header: EOF"},
		{"no URI column", "it", mapFS("skills_it.csv", "preferredLabel,altLabels\nx,y\n"), `skills_it.csv: no "conceptUri" column`},
		{"empty URI", "it", mapFS("skills_it.csv", header+"K,,skill/competence,,x,,\n"), "skills_it.csv line 2: empty concept URI"},
		{"bare quote", "it", mapFS("skills_it.csv", header+"K,u,s,r,say \"hi\",,\n"), `skills_it.csv line 2: bare " in non-quoted-field`},
		{"unclosed quote", "it", mapFS("skills_it.csv", header+"K,u,s,r,x,\"a\nb,c\n"), `skills_it.csv line 2: extraneous or missing " in quoted-field`},
		{"broken gzip", "it", fstest.MapFS{"skills_it.csv.gz": {Data: []byte("this is not a gzip stream at all")}}, "open skills_it.csv: gzip: invalid header"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := ReadESCO(context.Background(), c.fsys, c.lang, Handler{Concept: func(Concept) error { return nil }})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want an error containing %q", err, c.want)
			}
		})
	}
}

// mapFS is a one-file release.
func mapFS(name, data string) fstest.MapFS {
	return fstest.MapFS{name: {Data: []byte(data)}}
}

func TestValidLang(t *testing.T) {
	for _, l := range []string{"en", "it", "el", "hr", "ro", "sl", "pt", "nb", "ga", "en-us", "pt-BR"} {
		if !validLang(l) {
			t.Errorf("validLang(%q) = false", l)
		}
	}
	for _, l := range []string{"", "e", "english", "IT", "it/", "../en", "en-", "en_us", "it-x/y"} {
		if validLang(l) {
			t.Errorf("validLang(%q) = true", l)
		}
	}
}

// TestReadESCOFromZip reads the release straight from a zip archive, as an
// import command can with the file downloaded from the ESCO portal.
func TestReadESCOFromZip(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"skills_it.csv", "skillGroups_it.csv"} {
		data, err := fs.ReadFile(italian, name)
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.Create("ESCO dataset - v1.1.1 - it/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	dir, err := fs.Sub(zr, "ESCO dataset - v1.1.1 - it")
	if err != nil {
		t.Fatal(err)
	}
	var c collected
	if err := ReadESCO(context.Background(), dir, "it", c.handler(true)); err != nil || len(c.concepts) != 5 {
		t.Errorf("from zip: %v, %d concepts", err, len(c.concepts))
	}
}

// TestReadESCOQuotedHeaderAfterBOM: a spreadsheet that quotes every field
// puts the byte order mark before the first quote.
func TestReadESCOQuotedHeaderAfterBOM(t *testing.T) {
	fsys := mapFS("skills_it.csv", "\ufeff\"conceptUri\",\"preferredLabel\"\r\n\"u\",\"lavorare in squadra\"\r\n")
	var c collected
	if err := ReadESCO(context.Background(), fsys, "it", c.handler(false)); err != nil {
		t.Fatal(err)
	}
	if len(c.concepts) != 1 || c.concepts[0].URI != "u" || c.concepts[0].PreferredLabel != "lavorare in squadra" {
		t.Errorf("concepts = %+v", c.concepts)
	}
}
