package taxonomy

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
)

// ReadESCO reads an official ESCO CSV release in language lang from the
// root of fsys and streams its records to h.
//
// The files are those of the ESCO download, with their official names and
// headers: skills_<lang>.csv (required), skillGroups_<lang>.csv,
// broaderRelationsSkillPillar.csv, the collections
// (transversalSkillsCollection_<lang>.csv, digital, green, language,
// research, digComp), skillSkillRelations.csv, occupations_<lang>.csv and
// occupationSkillRelations.csv. Each may be plain or gzipped (name.gz).
// Columns are found by header name, so their order does not matter. An
// optional file missing from a release is skipped with a Progress report,
// and only the files some callback of h wants are read.
//
// Use EmbeddedESCO() with lang "en" for the built-in release,
// os.DirFS(dir) for a downloaded and unpacked one, or the *zip.Reader of
// the downloaded archive itself (it is an fs.FS; pass fs.Sub of its folder
// if the files are not at its root). ctx is checked between batches of
// rows, so an interrupted import stops promptly.
func ReadESCO(ctx context.Context, fsys fs.FS, lang string, h Handler) error {
	plan, err := planESCO(fsys, lang, h)
	if err != nil {
		return err
	}
	return runPlan(ctx, fsys, plan, h, stepper{steps: len(plan)})
}

// planESCO checks the release and lists the files h needs, in an order in
// which every concept comes before the links that name it.
func planESCO(fsys fs.FS, lang string, h Handler) ([]escoFile, error) {
	if !validLang(lang) {
		return nil, fmt.Errorf("taxonomy: invalid language code %q", lang)
	}
	skills := "skills_" + lang + ".csv"
	if !exists(fsys, skills) {
		return nil, fmt.Errorf("taxonomy: %s: %w (not an ESCO %q release?)", skills, fs.ErrNotExist, lang)
	}
	var plan []escoFile
	add := func(want bool, name string, read readFunc) {
		if want {
			plan = append(plan, escoFile{name: name, read: read})
		}
	}
	add(h.Concept != nil, "skillGroups_"+lang+".csv", readConcepts(lang, groupKind))
	add(h.Concept != nil, skills, readConcepts(lang, skillKind))
	add(h.Broader != nil, "broaderRelationsSkillPillar.csv", readBroader)
	for _, c := range escoCollections {
		add(h.Membership != nil, c.file+"_"+lang+".csv", readMembers(c.name))
	}
	add(h.Relation != nil, "skillSkillRelations.csv", readRelations)
	add(h.Occupation != nil, "occupations_"+lang+".csv", readOccupations(lang))
	add(h.OccupationSkill != nil, "occupationSkillRelations.csv", readOccupationSkills)
	return plan, nil
}

// escoCollections maps the ESCO collection files to collection names.
var escoCollections = []struct{ file, name string }{
	{"transversalSkillsCollection", CollectionTransversal},
	{"digitalSkillsCollection", CollectionDigital},
	{"greenSkillsCollection", CollectionGreen},
	{"languageSkillsCollection", CollectionLanguage},
	{"researchSkillsCollection", CollectionResearch},
	{"digCompSkillsCollection", CollectionDigComp},
}

// escoFile is one file of a read plan.
type escoFile struct {
	name string
	read readFunc
}

// readFunc reads the rows of one opened file.
type readFunc func(ctx context.Context, t *table) error

// runPlan reads the planned files in order, numbering them from st.step.
func runPlan(ctx context.Context, fsys fs.FS, plan []escoFile, h Handler, st stepper) error {
	for _, f := range plan {
		st.step++
		if err := runFile(ctx, fsys, f, h, st); err != nil {
			return err
		}
	}
	return nil
}

// runFile opens one file and reads it; an absent file is reported and
// skipped (planESCO has already made sure the skills file is there).
func runFile(ctx context.Context, fsys fs.FS, f escoFile, h Handler, st stepper) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("taxonomy: %w", err)
	}
	src, err := openSource(fsys, f.name)
	if errors.Is(err, fs.ErrNotExist) {
		if h.Progress != nil {
			h.Progress(Progress{File: f.name, Step: st.step, Steps: st.steps, Done: true, Missing: true})
		}
		return nil
	}
	if err != nil {
		return err
	}
	defer src.Close()
	t, err := newTable(f.name, src, h)
	if err != nil {
		return err
	}
	t.src, t.step = src, st
	return f.read(ctx, t)
}
