package suggest

import (
	"fmt"
	"slices"
)

// channelMax holds the largest lexical (label plus description) and
// occupation score of a query, to put the channels on one scale.
type channelMax struct{ lex, occ float32 }

// lex is a skill's lexical score.
func (a *skillAcc) lex(w *weights) float32 { return a.label + float32(w.desc)*a.desc }

// maxima finds the channel maxima over the touched skills.
func (s *scratch) maxima(w *weights) channelMax {
	var c channelMax
	for _, k := range s.hit {
		a := &s.acc[k]
		c.lex = max(c.lex, a.lex(w))
		c.occ = max(c.occ, a.occ)
	}
	return c
}

// propagate passes part of each lexically matched skill's normalised
// score to its broader skills and to the skills ESCO says it needs. A
// skill keeps the largest share it receives, not the sum, so hubs that
// many skills point to do not float up on volume alone.
func (m *Model) propagate(s *scratch, c channelMax) {
	w := &m.w
	if c.lex == 0 || (w.broader == 0 && w.related == 0) {
		return
	}
	n := len(s.hit) // skills touched from here on are targets only
	for _, k := range s.hit[:n] {
		v := s.acc[k].lex(w) / c.lex
		if v < 0.2 {
			continue // weak matches pass on noise
		}
		node := &m.skills[k]
		for _, p := range node.broader {
			s.give(p, k, v*float32(w.broader), true)
		}
		for _, r := range node.related[:node.nEss] {
			s.give(r, k, v*float32(w.related), false)
		}
	}
}

// give records a propagated score from skill from.
func (s *scratch) give(to, from int32, v float32, broader bool) {
	a := s.touch(to)
	if v > a.prop {
		a.prop, a.viaSkill, a.viaBroader = v, from, broader
	}
}

// candidate is a skill and its final score.
type candidate struct {
	skill int32
	score float32
}

// rank combines the channels and returns the best limit suggestions.
func (m *Model) rank(x *langIndex, s *scratch, limit int) []Suggestion {
	c := s.maxima(&m.w)
	m.propagate(s, c)
	cands := s.cands[:0]
	for _, k := range s.hit {
		if v := m.combine(&s.acc[k], c); v > 0 {
			cands = append(cands, candidate{k, v})
		}
	}
	s.cands = cands[:0] // keep the grown buffer for the next query
	cands = m.top(cands, limit)
	out := make([]Suggestion, 0, min(limit, len(cands)))
	for _, cd := range cands[:min(limit, len(cands))] {
		out = append(out, Suggestion{ConceptURI: m.skills[cd.skill].uri, Score: float64(cd.score), Why: m.why(x, s, cd.skill, c)})
	}
	return out
}

// better orders candidates: higher score first, then by URI, so equal
// scores come out in the same order on every run.
func (m *Model) better(a, b candidate) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	return m.skills[a.skill].uri < m.skills[b.skill].uri
}

// top returns the best limit candidates, best first. A 500-word text
// touches thousands of skills, of which a form shows twenty: keeping a
// heap of the best limit costs far less than sorting them all.
func (m *Model) top(cands []candidate, limit int) []candidate {
	h := cands[:0:0]
	for _, c := range cands {
		switch {
		case len(h) < limit:
			h = append(h, c)
			m.siftUp(h, len(h)-1)
		case m.better(c, h[0]):
			h[0] = c
			m.siftDown(h, 0)
		}
	}
	// h is a heap with the worst kept at the root; sort it best first.
	slices.SortFunc(h, func(a, b candidate) int {
		if m.better(a, b) {
			return -1
		}
		return 1
	})
	return h
}

// siftUp and siftDown keep h a heap whose root is its worst candidate.
func (m *Model) siftUp(h []candidate, i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !m.better(h[p], h[i]) {
			return
		}
		h[p], h[i] = h[i], h[p]
		i = p
	}
}

func (m *Model) siftDown(h []candidate, i int) {
	for {
		worst, l, r := i, 2*i+1, 2*i+2
		if l < len(h) && m.better(h[worst], h[l]) {
			worst = l
		}
		if r < len(h) && m.better(h[worst], h[r]) {
			worst = r
		}
		if worst == i {
			return
		}
		h[i], h[worst] = h[worst], h[i]
		i = worst
	}
}

// parts are a skill's weighted, normalised channel scores.
type parts struct{ label, desc, occ, prop float32 }

// parts splits a skill's final score by channel.
func (m *Model) parts(a *skillAcc, c channelMax) parts {
	w := &m.w
	var p parts
	if c.lex > 0 {
		p.label = float32(w.lex)*a.label/c.lex + a.phrase
		p.desc = float32(w.lex*w.desc) * a.desc / c.lex
	}
	if c.occ > 0 {
		p.occ = float32(w.occ) * a.occ / c.occ
	}
	p.prop = a.prop
	return p
}

// combine is a skill's final score.
func (m *Model) combine(a *skillAcc, c channelMax) float32 {
	p := m.parts(a, c)
	return p.label + p.desc + p.occ + p.prop
}

// why names the channel that gave a skill the most of its score.
func (m *Model) why(x *langIndex, s *scratch, k int32, c channelMax) string {
	a := &s.acc[k]
	p := m.parts(a, c)
	switch {
	case p.label >= p.desc && p.label >= p.occ && p.label >= p.prop:
		return fmt.Sprintf("label '%s'", x.labels[a.bestLabel].text)
	case p.occ >= p.desc && p.occ >= p.prop:
		return fmt.Sprintf("via occupation '%s'", m.occName(x, a.viaOcc))
	case p.prop >= p.desc:
		if a.viaBroader {
			return fmt.Sprintf("broader of '%s'", m.skillName(x, a.viaSkill))
		}
		return fmt.Sprintf("related to '%s'", m.skillName(x, a.viaSkill))
	}
	return "description"
}

// skillName and occName give a concept's preferred label in x's language,
// else in English, else its URI.
func (m *Model) skillName(x *langIndex, k int32) string {
	return m.name(x, k, func(y *langIndex) []string { return y.skillName }, m.skills[k].uri)
}

func (m *Model) occName(x *langIndex, o int32) string {
	return m.name(x, o, func(y *langIndex) []string { return y.occName }, m.occs[o].uri)
}

// name looks a label up in x, then in English.
func (m *Model) name(x *langIndex, id int32, list func(*langIndex) []string, uri string) string {
	for _, y := range []*langIndex{x, m.langs["en"]} {
		if y == nil {
			continue
		}
		if names := list(y); int(id) < len(names) && names[id] != "" {
			return names[id]
		}
	}
	return uri
}
