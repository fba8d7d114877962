package suggest

import (
	"strings"

	"github.com/ponte-platform/ponte/internal/taxonomy"
)

// collector gathers what Build needs from a Source's records. Links are
// kept as URIs and resolved at the end, because a joined Source may send
// a language's labels after the links that name its concepts.
type collector struct {
	opts      Options
	skills    []skillNode
	skillID   map[string]int32
	occs      []occNode
	occID     map[string]int32
	texts     map[string]*langTexts
	broader   []taxonomy.Broader
	relations []taxonomy.Relation
	occSkills []taxonomy.OccupationSkill
}

// langTexts are the texts of one language, by skill and occupation id.
type langTexts struct {
	skills []docText
	occs   []docText
}

// docText is a concept's labels and description in one language; an
// empty pref means the concept has none in it.
type docText struct {
	pref   string
	alt    []string
	hidden []string
	desc   string
}

// newCollector returns an empty collector.
func newCollector(opts Options) *collector {
	return &collector{opts: opts, skillID: map[string]int32{}, occID: map[string]int32{}, texts: map[string]*langTexts{}}
}

// suggestible reports whether a concept kind is offered as a suggestion:
// skills, knowledge and framework competences; not groups, areas or
// threads, which are too broad or too narrow to tag a proposal with.
func suggestible(kind string) bool {
	switch kind {
	case taxonomy.KindSkill, taxonomy.KindKnowledge, taxonomy.KindCompetence:
		return true
	}
	return false
}

// handler returns the Handler that feeds c.
func (c *collector) handler() taxonomy.Handler {
	return taxonomy.Handler{
		Concept:    c.concept,
		Broader:    func(b taxonomy.Broader) error { c.broader = append(c.broader, b); return nil },
		Relation:   func(r taxonomy.Relation) error { c.relations = append(c.relations, r); return nil },
		Occupation: c.occupation,
		OccupationSkill: func(os taxonomy.OccupationSkill) error {
			if c.excluded(os.OccupationURI) {
				return nil
			}
			c.occSkills = append(c.occSkills, os)
			return nil
		},
	}
}

// excluded reports whether Options.Exclude holds out an occupation.
func (c *collector) excluded(uri string) bool { return c.opts.Exclude != nil && c.opts.Exclude(uri) }

// concept records a suggestible concept and its texts in its language.
func (c *collector) concept(k taxonomy.Concept) error {
	if !suggestible(k.Kind) || k.PreferredLabel == "" {
		return nil
	}
	id, ok := c.skillID[k.URI]
	if !ok {
		// A copy: k.URI may share the memory of the whole CSV record it
		// was read from (descriptions, alternative labels), which the
		// model would otherwise keep alive for the server's life.
		uri := strings.Clone(k.URI)
		id = int32(len(c.skills))
		c.skillID[uri] = id
		c.skills = append(c.skills, skillNode{uri: uri})
	}
	t := c.lang(k.Lang)
	t.skills = setDoc(t.skills, id, k)
	return nil
}

// occupation records an occupation that is not held out.
func (c *collector) occupation(o taxonomy.Occupation) error {
	if c.excluded(o.URI) || o.PreferredLabel == "" {
		return nil
	}
	id, ok := c.occID[o.URI]
	if !ok {
		uri := strings.Clone(o.URI) // as for skills
		id = int32(len(c.occs))
		c.occID[uri] = id
		c.occs = append(c.occs, occNode{uri: uri})
	}
	t := c.lang(o.Lang)
	t.occs = setDoc(t.occs, id, o.Concept)
	return nil
}

// lang returns the texts of a language, creating them; a concept without
// a language is taken as English, the language of the embedded release.
func (c *collector) lang(lang string) *langTexts {
	if lang == "" {
		lang = "en"
	}
	t := c.texts[lang]
	if t == nil {
		t = &langTexts{}
		c.texts[lang] = t
	}
	return t
}

// setDoc stores k's texts at id, growing docs as needed; a concept sent
// twice in one language keeps its last texts.
func setDoc(docs []docText, id int32, k taxonomy.Concept) []docText {
	for int(id) >= len(docs) {
		docs = append(docs, docText{})
	}
	docs[id] = docText{pref: k.PreferredLabel, alt: k.AltLabels, hidden: k.HiddenLabels, desc: k.Description}
	return docs
}
