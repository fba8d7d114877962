package suggest

import (
	"math"
	"slices"
)

// scoreLabels is the label channel: each label scores by how much of its
// IDF mass the text holds, more when whole and in order. A skill keeps
// its best label, not the sum, so skills with many synonyms gain no edge.
func (x *langIndex) scoreLabels(s *scratch, w *weights) {
	for _, t := range s.qterms {
		idf := x.skillIDF[t]
		for _, l := range x.labelPost[t] {
			if s.labelAcc[l] == 0 {
				s.labelHit = append(s.labelHit, l)
			}
			s.labelAcc[l] += idf
		}
	}
	for _, l := range s.labelHit {
		x.scoreLabel(s, l, w)
	}
}

// scoreLabel scores one label the text holds some words of. Its IDF mass
// found counts, times the share found (so half a label counts for less
// than half) and the share of its bigrams found as phrases.
func (x *langIndex) scoreLabel(s *scratch, l int32, w *weights) {
	// Most labels a long text touches hold only a word or two of it; they
	// are dismissed from small dense arrays, before the label itself is
	// read from memory.
	hot := x.labelHot[l]
	found := float64(s.labelAcc[l])
	cover := min(found/float64(hot.mass), 1)
	if cover < w.minCover {
		return
	}
	// Sums of the same float32s in another order may miss 1 by a hair.
	whole := cover > 1-1e-4
	base := found * math.Pow(cover, w.coverPow) * kindWeight(hot.kind, w)
	a := &s.acc[hot.skill]
	if !whole && float32(base*(1+w.bigram)) <= a.label {
		return // cannot beat the skill's best label: skip the bigram look-ups
	}
	lab := &x.labels[l]
	share := bigramShare(lab, &s.bigrams)
	a = s.touch(hot.skill)
	if score := float32(base * (1 + w.bigram*share)); score > a.label {
		a.label, a.bestLabel = score, l
	}
	if whole {
		a.phrase = max(a.phrase, float32(phraseBonus(lab, share, w)))
	}
}

// phraseBonus is the bonus of a label found whole in the text: a label
// the writer typed out ("data analysis") is the surest sign of a skill,
// whatever the other channels think. A one-word label found whole is
// weaker evidence than a phrase, and a multi-word label whose words are
// all there but apart weaker still.
func phraseBonus(l *label, share float64, w *weights) float64 {
	switch {
	case len(l.terms) == 1:
		return w.phrase * w.phraseSingle
	case share >= 1:
		return w.phrase
	}
	return w.phrase * w.phraseSingle * share
}

// bigramShare is the share of a label's bigrams found in the text; a
// one-word label found at all counts as whole.
func bigramShare(l *label, bigrams *bigramSet) float64 {
	if len(l.bigrams) == 0 {
		return 0
	}
	n := 0
	for _, b := range l.bigrams {
		if bigrams.has(b) {
			n++
		}
	}
	return float64(n) / float64(len(l.bigrams))
}

// kindWeight weighs a label by its kind.
func kindWeight(kind uint8, w *weights) float64 {
	switch kind {
	case labelAlt:
		return w.alt
	case labelHidden:
		return w.hidden
	}
	return 1
}

// scoreDescs is the description channel: BM25 of each skill's
// description against the text, with the text's term counts saturated
// as BM25 saturates a document's.
func (x *langIndex) scoreDescs(s *scratch) {
	for _, t := range s.qterms {
		q := saturate(s.qtf[t])
		for _, p := range x.descPost[t] {
			s.touch(p.doc).desc += q * p.w
		}
	}
}

// saturate is BM25's term-frequency saturation with k1 = 1.2: a word said
// twice counts 1.375 times, ten times 2 times.
func saturate(n int32) float32 {
	f := float32(n)
	return f * (bm25K1 + 1) / (f + bm25K1)
}

// scoreOccupations is the occupation channel: the occupations whose
// labels and description read most like the text vote for the skills
// they need.
func (m *Model) scoreOccupations(x *langIndex, s *scratch) {
	w := &m.w
	var norm float64
	for _, t := range s.qterms {
		q := (1 + math.Log(float64(s.qtf[t]))) * float64(x.occIDF[t])
		norm += q * q
		for _, p := range x.occPost[t] {
			if s.occAcc[p.doc] == 0 {
				s.occHit = append(s.occHit, p.doc)
			}
			s.occAcc[p.doc] += float32(q) * p.w
		}
	}
	if norm == 0 {
		return
	}
	top := topOccupations(s, w.occK, float32(w.occMinSim*math.Sqrt(norm)))
	for _, o := range top {
		v := math.Pow(float64(s.occAcc[o])/math.Sqrt(norm), w.occPow)
		m.vote(s, o, float32(v), m.occs[o].essential, 1)
		m.vote(s, o, float32(v), m.occs[o].optional, float32(w.occOpt))
	}
}

// vote adds an occupation's vote to skills.
func (m *Model) vote(s *scratch, o int32, v float32, skills []int32, f float32) {
	for _, k := range skills {
		a := s.touch(k)
		a.occ += v * f
		if v*f > a.occVote {
			a.occVote, a.viaOcc = v*f, o
		}
	}
}

// topOccupations returns the k occupations with the largest dot product,
// at least floor, best first (ties by id, so results are stable).
func topOccupations(s *scratch, k int, floor float32) []int32 {
	var top []int32
	for _, o := range s.occHit {
		if s.occAcc[o] >= floor {
			top = append(top, o)
		}
	}
	slices.SortFunc(top, func(a, b int32) int {
		if d := s.occAcc[b] - s.occAcc[a]; d != 0 {
			if d > 0 {
				return 1
			}
			return -1
		}
		return int(a - b)
	})
	return top[:min(k, len(top))]
}
