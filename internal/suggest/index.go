package suggest

import (
	"math"
	"strings"
	"sync"
)

// langIndex is the model's view of one language: the (concept, lang, text)
// entries of that language, as stems, with statistics from that
// language's texts only.
type langIndex struct {
	lang string
	an   *analyzer
	// terms maps a stem to its term id; surface maps a folded word seen in
	// the taxonomy to its term id, or to -1 for a stop-word, so a query
	// stems only the words the taxonomy never used.
	terms   map[string]int32
	surface map[string]int32
	// skillIDF weighs a term among skill documents (labels and
	// description), occIDF among occupation documents.
	skillIDF, occIDF []float32
	labels           []label
	labelHot         []labelHot  // by label: what scoring reads of every label touched
	labelPost        [][]int32   // by term: labels holding it
	descPost         [][]posting // by term: skill descriptions, BM25 weight
	occPost          [][]posting // by term: occupations, unit-vector weight
	skillName        []string    // by skill id: preferred label, or ""
	occName          []string    // by occupation id: preferred label, or ""
	pool             sync.Pool   // of *scratch sized for this index
}

// label is one label of a skill, analysed.
type label struct {
	skill   int32
	text    string   // as written, for Why
	terms   []int32  // distinct terms
	bigrams []uint64 // distinct pairs of adjacent terms
	mass    float32  // sum of skillIDF over terms
	kind    uint8    // labelPreferred, labelAlt, labelHidden
}

// labelHot is the part of a label that scoring reads for every label a
// text touches, kept apart from the label in a dense array: a long text
// touches tens of thousands of labels, and reading each whole label would
// cost a cache miss apiece.
type labelHot struct {
	mass  float32
	skill int32
	kind  uint8
}

// Label kinds. Hidden labels are misspellings and outdated terms: found,
// but trusted less.
const (
	labelPreferred uint8 = iota
	labelAlt
	labelHidden
)

// posting is a document and the weight of a term in it.
type posting struct {
	doc int32
	w   float32
}

// tok is a term of an analysed text; joined says it may pair with the
// previous tok in a bigram.
type tok struct {
	id     int32
	joined bool
}

// BM25 parameters for skill descriptions, at their usual values: the
// descriptions are one or two sentences long, like the documents BM25 was
// tuned on.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// newLangIndex analyses one language's texts and builds its index.
func newLangIndex(lang string, t *langTexts, nSkills int, occs []occNode) *langIndex {
	x := &langIndex{lang: lang, an: analyzerFor(lang), terms: map[string]int32{}, surface: map[string]int32{}}
	sk := x.analyseDocs(t.skills)
	oc := x.analyseDocs(t.occs)
	x.skillIDF = idf(len(x.terms), sk)
	x.occIDF = idf(len(x.terms), oc)
	x.buildLabels(sk)
	x.descPost = x.buildDescPostings(sk)
	x.occPost = x.buildOccPostings(oc)
	x.skillName = names(t.skills, nSkills)
	x.occName = names(t.occs, len(occs))
	return x
}

// analysed is a concept's texts as terms.
type analysed struct {
	labels [][]tok // preferred first, then alt, then hidden
	kinds  []uint8
	texts  []string
	desc   []tok
}

// analyseDocs analyses every document; a concept without text in this
// language stays empty.
func (x *langIndex) analyseDocs(docs []docText) []analysed {
	out := make([]analysed, len(docs))
	for i, d := range docs {
		if d.pref == "" {
			continue
		}
		a := &out[i]
		add := func(kind uint8, s string) {
			if toks := x.analyse(s); len(toks) > 0 {
				a.labels, a.kinds, a.texts = append(a.labels, toks), append(a.kinds, kind), append(a.texts, s)
			}
		}
		add(labelPreferred, d.pref)
		for _, s := range d.alt {
			add(labelAlt, s)
		}
		for _, s := range d.hidden {
			add(labelHidden, s)
		}
		a.desc = x.analyse(d.desc)
	}
	return out
}

// analyse turns taxonomy text into toks, adding new terms to the index.
func (x *langIndex) analyse(s string) []tok {
	var out []tok
	prevKept := false
	words(s, maxQueryWords, func(w word) {
		if !w.joined {
			prevKept = false
		}
		id, ok := x.surface[w.text]
		if !ok {
			id = -1
			if !isStop(x.an.stop, w.text) {
				id = x.termID(x.an.stem(w.text))
			}
			// Map keys are copied: words, stems and labels may be parts of
			// the CSV records they were read from, which they would keep.
			x.surface[strings.Clone(w.text)] = id
		}
		if id < 0 {
			return
		}
		out = append(out, tok{id: id, joined: prevKept})
		prevKept = true
	})
	return out
}

// termID returns the id of stem, adding it.
func (x *langIndex) termID(stem string) int32 {
	id, ok := x.terms[stem]
	if !ok {
		id = int32(len(x.terms))
		x.terms[strings.Clone(stem)] = id
	}
	return id
}

// idf returns the BM25 inverse document frequency of every term over docs,
// a document being a concept's labels and description together.
func idf(nTerms int, docs []analysed) []float32 {
	df := make([]int32, nTerms)
	seen := make([]int32, nTerms)
	n := 0
	for i := range docs {
		d := &docs[i]
		if len(d.labels) == 0 && len(d.desc) == 0 {
			continue
		}
		n++
		mark := func(t tok) {
			if seen[t.id] != int32(n) {
				seen[t.id] = int32(n)
				df[t.id]++
			}
		}
		for _, l := range d.labels {
			for _, t := range l {
				mark(t)
			}
		}
		for _, t := range d.desc {
			mark(t)
		}
	}
	out := make([]float32, nTerms)
	for t, f := range df {
		out[t] = float32(math.Log(1 + (float64(n)-float64(f)+0.5)/(float64(f)+0.5)))
	}
	return out
}

// names returns the preferred label of every concept, "" where absent.
func names(docs []docText, n int) []string {
	out := make([]string, n)
	for i, d := range docs {
		out[i] = strings.Clone(d.pref)
	}
	return out
}
