package suggest

import "github.com/ponte-platform/ponte/internal/taxonomy"

// model resolves the collected links by URI into a Model without indexes.
// Links naming a concept that is not suggestible (a skill group) or not in
// the taxonomy (ESCO has a few dangling ones) are dropped.
func (c *collector) model() *Model {
	m := &Model{skills: c.skills, skillID: c.skillID, occs: c.occs}
	for _, b := range c.broader {
		ch, ok1 := c.skillID[b.ChildURI]
		p, ok2 := c.skillID[b.ParentURI]
		if ok1 && ok2 && ch != p {
			m.skills[ch].broader = appendNew(m.skills[ch].broader, p)
		}
	}
	c.resolveRelations(m)
	for _, os := range c.occSkills {
		o, ok1 := c.occID[os.OccupationURI]
		s, ok2 := c.skillID[os.SkillURI]
		if !ok1 || !ok2 {
			continue
		}
		if os.Type == taxonomy.RelationEssential {
			m.occs[o].essential = appendNew(m.occs[o].essential, s)
		} else {
			m.occs[o].optional = appendNew(m.occs[o].optional, s)
		}
	}
	return m
}

// resolveRelations links each skill to the skills ESCO says it relates to,
// essential links first so propagation can weigh them apart.
func (c *collector) resolveRelations(m *Model) {
	for _, pass := range []bool{true, false} {
		for _, r := range c.relations {
			if (r.Type == taxonomy.RelationEssential) != pass {
				continue
			}
			s, ok1 := c.skillID[r.SkillURI]
			t, ok2 := c.skillID[r.RelatedURI]
			if !ok1 || !ok2 || s == t {
				continue
			}
			m.skills[s].related = appendNew(m.skills[s].related, t)
			if pass {
				m.skills[s].nEss = len(m.skills[s].related)
			}
		}
	}
}

// appendNew appends id unless list holds it; lists are short.
func appendNew(list []int32, id int32) []int32 {
	for _, x := range list {
		if x == id {
			return list
		}
	}
	return append(list, id)
}
