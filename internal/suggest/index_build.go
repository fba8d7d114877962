package suggest

import (
	"math"
	"slices"
	"strings"
)

// buildLabels indexes every skill label, dropping a skill's labels that
// analyse to the same terms as one already kept ("manage budgets",
// "managing budget"): they would only repeat the same match.
func (x *langIndex) buildLabels(docs []analysed) {
	x.labelPost = make([][]int32, len(x.terms))
	for id := range docs {
		d := &docs[id]
		seen := map[string]bool{}
		for i, toks := range d.labels {
			l := newLabel(int32(id), d.kinds[i], d.texts[i], toks, x.skillIDF)
			key := termsKey(l.terms)
			if seen[key] {
				continue
			}
			seen[key] = true
			n := int32(len(x.labels))
			for _, t := range l.terms {
				x.labelPost[t] = append(x.labelPost[t], n)
			}
			x.labels = append(x.labels, l)
			x.labelHot = append(x.labelHot, labelHot{mass: l.mass, skill: l.skill, kind: l.kind})
		}
	}
}

// newLabel analyses one label: distinct terms, their IDF mass and the
// bigrams of adjacent terms.
func newLabel(skill int32, kind uint8, text string, toks []tok, idf []float32) label {
	// The text is copied: it may share the memory of the whole CSV record
	// it was read from, descriptions included, which the model would keep.
	l := label{skill: skill, text: strings.Clone(text), kind: kind}
	for i, t := range toks {
		if !slices.Contains(l.terms, t.id) {
			l.terms = append(l.terms, t.id)
			l.mass += idf[t.id]
		}
		if i > 0 && t.joined {
			b := bigram(toks[i-1].id, t.id)
			if !slices.Contains(l.bigrams, b) {
				l.bigrams = append(l.bigrams, b)
			}
		}
	}
	return l
}

// bigram packs two term ids into one key.
func bigram(a, b int32) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

// termsKey is a label's sorted terms as a map key.
func termsKey(terms []int32) string {
	s := slices.Clone(terms)
	slices.Sort(s)
	b := make([]byte, 0, 4*len(s))
	for _, t := range s {
		b = append(b, byte(t), byte(t>>8), byte(t>>16), byte(t>>24))
	}
	return string(b)
}

// termCounts counts the terms of toks.
func termCounts(toks []tok) map[int32]int {
	tf := make(map[int32]int, len(toks))
	for _, t := range toks {
		tf[t.id]++
	}
	return tf
}

// buildDescPostings indexes skill descriptions with BM25 term weights
// (IDF times saturated, length-normalised term frequency), so a query
// only adds up precomputed numbers.
func (x *langIndex) buildDescPostings(docs []analysed) [][]posting {
	post := make([][]posting, len(x.terms))
	total, n := 0, 0
	for _, d := range docs {
		if len(d.desc) > 0 {
			total, n = total+len(d.desc), n+1
		}
	}
	if n == 0 {
		return post
	}
	avg := float64(total) / float64(n)
	for id, d := range docs {
		norm := bm25K1 * (1 - bm25B + bm25B*float64(len(d.desc))/avg)
		for _, t := range sortedTerms(termCounts(d.desc)) {
			tf := float64(t.n)
			w := float64(x.skillIDF[t.id]) * tf * (bm25K1 + 1) / (tf + norm)
			post[t.id] = append(post[t.id], posting{doc: int32(id), w: float32(w)})
		}
	}
	return post
}

// buildOccPostings indexes each occupation as a unit TF-IDF vector of its
// labels and description (log term frequency), for cosine similarity: an
// occupation is compared with a text as one document with another, where
// cosine, unlike BM25, does not favour long documents.
func (x *langIndex) buildOccPostings(docs []analysed) [][]posting {
	post := make([][]posting, len(x.terms))
	for id, d := range docs {
		all := slices.Clone(d.desc)
		for _, l := range d.labels {
			all = append(all, l...)
		}
		terms := sortedTerms(termCounts(all))
		ws := make([]float64, len(terms))
		var norm float64
		for i, t := range terms {
			ws[i] = (1 + math.Log(float64(t.n))) * float64(x.occIDF[t.id])
			norm += ws[i] * ws[i]
		}
		if norm == 0 {
			continue
		}
		norm = math.Sqrt(norm)
		for i, t := range terms {
			post[t.id] = append(post[t.id], posting{doc: int32(id), w: float32(ws[i] / norm)})
		}
	}
	return post
}

// termN is a term and its count.
type termN struct {
	id int32
	n  int
}

// sortedTerms lists a count map by term id, so postings are built in the
// same order on every run and scores add up identically.
func sortedTerms(tf map[int32]int) []termN {
	out := make([]termN, 0, len(tf))
	for id, n := range tf {
		out = append(out, termN{id, n})
	}
	slices.SortFunc(out, func(a, b termN) int { return int(a.id - b.id) })
	return out
}
