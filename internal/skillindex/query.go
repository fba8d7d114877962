package skillindex

import (
	"slices"
	"strings"
)

// maxQueryWords bounds the work of one query: nobody types more words
// into a skill field, and a pasted paragraph must not cost more.
const maxQueryWords = 8

// maxLimit bounds the hits of one query.
const maxLimit = 1000

// Hit is one suggested concept.
type Hit struct {
	ID         int64
	URI        string
	Kind       string
	Scheme     string
	SkillType  string
	ReuseLevel string
	Label      string // the preferred label in Lang
	Lang       string // the asked language, or the language the label fell back to
	// Matched is the label that matched when it is not Label (an
	// alternative label, or the English label of a concept shown in
	// another language), in MatchedLang. Hidden labels are never given.
	Matched     string
	MatchedLang string
	Exact       bool // the query, folded, equals one of the concept's labels
}

// scratch is the per-query state: the best score and name of each concept
// reached, found in O(1) by concept number. A generation stamp makes
// clearing free.
type scratch struct {
	gen      uint32
	stamp    []uint32
	best     []uint64
	bestName []int32
	touched  []int32
}

// query is one parsed query against the index.
type query struct {
	words  []string
	joined string
	asked  int // number of the asked language, -1 if the index lacks it
}

// Search returns up to limit concepts matching q, best first, labelled in
// lang where they have labels in it and in English otherwise. A query with
// no letters or digits matches nothing.
func (x *Index) Search(q, lang string, limit int) []Hit {
	qw, qj := words(q)
	if len(qw) == 0 || limit <= 0 || len(x.concepts) == 0 {
		return nil
	}
	if len(qw) > maxQueryWords {
		qw = qw[:maxQueryWords]
		qj = strings.Join(qw, " ")
	}
	qq := query{words: qw, joined: qj, asked: x.langIndex(lang)}
	limit = min(limit, maxLimit)
	key, short := x.shortKey(&qq)
	if short && limit <= maxShortHits {
		if r, ok := x.short.Load(key); ok {
			return x.hits(r.(ranked).top(limit), &qq)
		}
	}
	r := x.rank(&qq, limit, short)
	if short && limit <= maxShortHits {
		x.remember(key, r)
	}
	return x.hits(r.top(limit), &qq)
}

// rank scores every matching concept and keeps the best limit (or
// maxShortHits for a short query, whose ranking is kept for reuse).
func (x *Index) rank(q *query, limit int, short bool) ranked {
	s := x.getScratch()
	defer x.putScratch(s)
	if q.asked >= 0 {
		x.searchLang(s, q, q.asked)
	}
	if x.en >= 0 && q.asked != x.en {
		x.searchLang(s, q, x.en)
	}
	if short {
		limit = max(limit, maxShortHits)
	}
	top := s.top(limit)
	r := ranked{scores: top, names: make([]int32, len(top))}
	for i, sc := range top {
		r.names[i] = s.bestName[sc&maskConcept]
	}
	return r
}

// langIndex returns the number of lang, or -1.
func (x *Index) langIndex(lang string) int {
	for i, l := range x.langs {
		if l == lang {
			return i
		}
	}
	return -1
}

// searchLang scores the names of language n that match every query word.
// It walks the postings of the rarest query word only, and checks the
// other words against each name's few words.
func (x *Index) searchLang(s *scratch, q *query, n int) {
	lt := x.byLang[x.langs[n]]
	if lt == nil {
		return
	}
	lo, hi, ok := lt.rarest(q.words)
	if !ok {
		return
	}
	if len(q.words) == 1 {
		x.searchWord(s, q, n, lt, lo, hi)
		return
	}
	for w := lo; w < hi; w++ {
		for _, p := range lt.postings[w] {
			if sc, ok := x.score(p.name, q, n); ok {
				s.offer(int32(sc&maskConcept), p.name, sc)
			}
		}
	}
}

// searchWord scores a one-word query from the postings alone: where the
// word sits in a name gives the match class.
func (x *Index) searchWord(s *scratch, q *query, n int, lt *langTokens, lo, hi int) {
	for w := lo; w < hi; w++ {
		whole := lt.words[w] == q.joined
		for _, p := range lt.postings[w] {
			class := uint64(classPhrase)
			switch {
			case p.pos != 0:
			case whole && p.len == 1:
				class = classExact
			default:
				class = classPrefix
			}
			sc := x.finish(x.base[p.name], class, q, n)
			s.offer(int32(sc&maskConcept), p.name, sc)
		}
	}
}

// rarest returns the prefix range of the query word with the fewest
// postings; ok is false when some word matches nothing.
func (lt *langTokens) rarest(qw []string) (lo, hi int, ok bool) {
	best := -1
	for _, w := range qw {
		l, h := lt.prefixRange(w)
		size := lt.cum[h] - lt.cum[l]
		if size == 0 {
			return 0, 0, false
		}
		if best < 0 || size < best {
			best, lo, hi = size, l, h
		}
	}
	return lo, hi, true
}

// getScratch takes a scratch sized for the index from its pool.
func (x *Index) getScratch() *scratch {
	if s, ok := x.pool.Get().(*scratch); ok {
		s.gen++
		s.touched = s.touched[:0]
		if s.gen == 0 { // wrapped: stale stamps could collide
			clear(s.stamp)
			s.gen = 1
		}
		return s
	}
	n := len(x.concepts)
	return &scratch{gen: 1, stamp: make([]uint32, n), best: make([]uint64, n), bestName: make([]int32, n)}
}

// putScratch returns a scratch to the index's pool.
func (x *Index) putScratch(s *scratch) { x.pool.Put(s) }

// offer keeps sc as concept c's score if it is its best so far.
func (s *scratch) offer(c, nameID int32, sc uint64) {
	if s.stamp[c] != s.gen {
		s.stamp[c] = s.gen
		s.best[c], s.bestName[c] = sc, nameID
		s.touched = append(s.touched, c)
		return
	}
	if sc < s.best[c] {
		s.best[c], s.bestName[c] = sc, nameID
	}
}

// top returns the limit best scores among the concepts reached, sorted.
func (s *scratch) top(limit int) []uint64 {
	out := make([]uint64, 0, limit)
	for _, c := range s.touched {
		sc := s.best[c]
		if len(out) == limit && sc >= out[limit-1] {
			continue
		}
		i, _ := slices.BinarySearch(out, sc)
		if len(out) < limit {
			out = append(out, 0)
		}
		copy(out[i+1:], out[i:len(out)-1])
		out[i] = sc
	}
	return out
}
