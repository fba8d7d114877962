package taxonomy

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// EntreComp URN prefixes; see the package documentation.
const (
	entreCompArea       = "urn:entrecomp:area:"
	entreCompCompetence = "urn:entrecomp:competence:"
	entreCompThread     = "urn:entrecomp:thread:"
)

// entreCompFile is the shape of entrecomp.json, reshaped from the JRC's
// EntreComp by scify/entreCompOnline.
type entreCompFile struct {
	Progression []struct {
		Band        string `json:"band"`
		Description string `json:"description"`
		Levels      []struct {
			Level       int    `json:"level"`
			Name        string `json:"name"`
			Autonomy    string `json:"autonomy"`
			Description string `json:"description"`
		} `json:"levels"`
	} `json:"progression"`
	Areas []struct {
		ID          int    `json:"id"`
		Name        string `json:"name"`
		Competences []struct {
			ID          string   `json:"id"`
			Name        string   `json:"name"`
			Hint        string   `json:"hint"`
			Descriptors []string `json:"descriptors"`
			Threads     []struct {
				ID   string `json:"id"`
				Name string `json:"name"`
			} `json:"threads"`
		} `json:"competences"`
	} `json:"areas"`
}

// ParseEntreComp reads entrecomp.json: 3 areas, 15 competences, 60 threads
// and the 8 proficiency levels. A competence's description is its hint
// followed by its descriptors, one per line.
func ParseEntreComp(r io.Reader) (*Framework, error) {
	var file entreCompFile
	if err := json.NewDecoder(r).Decode(&file); err != nil {
		return nil, fmt.Errorf("taxonomy: entrecomp.json: %w", err)
	}
	f := &Framework{Scheme: SchemeEntreComp}
	if err := f.entreCompAreas(&file); err != nil {
		return nil, err
	}
	f.entreCompLevels(&file)
	if len(f.Concepts) == 0 || len(f.Levels) == 0 {
		return nil, fmt.Errorf("taxonomy: entrecomp.json: no areas or no levels")
	}
	return f, nil
}

// entreCompAreas adds the areas, competences and threads, in file order
// within each kind.
func (f *Framework) entreCompAreas(file *entreCompFile) error {
	var comps, threads []Concept
	for _, a := range file.Areas {
		id := strconv.Itoa(a.ID)
		if a.ID <= 0 || a.Name == "" {
			return fmt.Errorf("taxonomy: entrecomp.json: area %q: no id or name", a.Name)
		}
		area := entreCompConcept(entreCompArea, KindArea, id, a.Name, "")
		f.Concepts = append(f.Concepts, area)
		for _, c := range a.Competences {
			if c.ID == "" || c.Name == "" {
				return fmt.Errorf("taxonomy: entrecomp.json: area %s: competence without id or name", id)
			}
			desc := entreCompText(c.Hint + "\n" + strings.Join(c.Descriptors, "\n"))
			comp := entreCompConcept(entreCompCompetence, KindCompetence, c.ID, c.Name, desc)
			comps = append(comps, comp)
			f.Broader = append(f.Broader, Broader{ChildURI: comp.URI, ParentURI: area.URI})
			for _, t := range c.Threads {
				if t.ID == "" || t.Name == "" {
					continue // a thread is a detail; a broken one should not lose the competence
				}
				th := entreCompConcept(entreCompThread, KindThread, t.ID, t.Name, "")
				threads = append(threads, th)
				f.Broader = append(f.Broader, Broader{ChildURI: th.URI, ParentURI: comp.URI})
			}
		}
	}
	f.Concepts = append(append(f.Concepts, comps...), threads...)
	return nil
}

// entreCompConcept builds an English EntreComp concept.
func entreCompConcept(prefix, kind, id, name, desc string) Concept {
	return Concept{
		URI: prefix + id, Scheme: SchemeEntreComp, Kind: kind, Code: id,
		Lang: "en", PreferredLabel: strings.TrimSpace(name), Description: desc,
	}
}

// entreCompLevels adds the eight levels of the progression model.
func (f *Framework) entreCompLevels(file *entreCompFile) {
	for _, band := range file.Progression {
		for _, l := range band.Levels {
			f.Levels = append(f.Levels, Level{
				Number: l.Level, Name: l.Name, Band: band.Band,
				BandDescription: band.Description, Autonomy: l.Autonomy,
				Description: entreCompText(l.Description),
			})
		}
	}
}

// entreCompText cleans a text of entrecomp.json. The mechanical reshaping
// that produced the file renamed every "competences" to "competenceAreas",
// prose included ("the competenceAreas needed to deal with complex
// challenges"); the JRC original says "competences". Runs of spaces are
// collapsed, but line breaks between descriptors are kept.
func entreCompText(s string) string {
	s = strings.ReplaceAll(s, "competenceAreas", "competences")
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	return strings.Join(lines, "\n")
}
