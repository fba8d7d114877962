package suggest

// scratch holds one query's accumulators, sized for one langIndex and
// reused through its pool: a 500-word query touches thousands of labels
// and skills, and allocating arrays that size per query would cost more
// than the scoring. Only the entries a query touched are reset.
type scratch struct {
	qtf      []int32 // by term: count in the query
	qterms   []int32 // distinct query terms, first occurrence first
	bigrams  bigramSet
	cands    []candidate
	labelAcc []float32 // by label: IDF mass found
	labelHit []int32
	acc      []skillAcc // by skill
	hit      []int32
	occAcc   []float32 // by occupation: dot product with the query
	occHit   []int32
}

// skillAcc is what the channels found for one skill.
type skillAcc struct {
	label, desc, occ, prop float32
	phrase                 float32 // bonus for a label found whole
	bestLabel              int32   // label behind label
	viaOcc                 int32   // occupation that voted most
	viaSkill               int32   // skill propagated from
	viaBroader             bool    // viaSkill is narrower (else it needs this one)
	touched                bool
	occVote                float32 // the largest single occupation vote
	propBest               float32 // the largest single propagated score
}

// getScratch returns a clean scratch for x.
func (m *Model) getScratch(x *langIndex) *scratch {
	if s, ok := x.pool.Get().(*scratch); ok {
		return s
	}
	return &scratch{
		qtf:      make([]int32, len(x.terms)),
		labelAcc: make([]float32, len(x.labels)),
		acc:      make([]skillAcc, len(m.skills)),
		occAcc:   make([]float32, len(m.occs)),
	}
}

// putScratch resets what the query touched and returns s to the pool.
func (x *langIndex) putScratch(s *scratch) {
	for _, t := range s.qterms {
		s.qtf[t] = 0
	}
	for _, l := range s.labelHit {
		s.labelAcc[l] = 0
	}
	for _, k := range s.hit {
		s.acc[k] = skillAcc{}
	}
	for _, o := range s.occHit {
		s.occAcc[o] = 0
	}
	s.qterms, s.labelHit, s.hit, s.occHit = s.qterms[:0], s.labelHit[:0], s.hit[:0], s.occHit[:0]
	s.bigrams.reset()
	x.pool.Put(s)
}

// touch marks skill k as touched by some channel.
func (s *scratch) touch(k int32) *skillAcc {
	a := &s.acc[k]
	if !a.touched {
		a.touched = true
		s.hit = append(s.hit, k)
	}
	return a
}
