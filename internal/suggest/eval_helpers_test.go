package suggest

import (
	"context"
	"hash/fnv"
	"math"
	"slices"
	"sync"
	"testing"

	"github.com/ponte-platform/ponte/internal/taxonomy"
	"github.com/ponte-platform/ponte/internal/textnorm"
)

// The evaluation protocol (docs/suggest.md): an occupation belongs to the
// test split when the FNV-1a 32-bit hash of its URI is 0 mod 10, to the
// validation split when it is 1; the rest is training.
const (
	bucketTest       = 0
	bucketValidation = 1
)

// bucket returns an occupation URI's split bucket, 0 to 9.
func bucket(uri string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(uri))
	return h.Sum32() % 10
}

// evalOcc is a held-out occupation: the text to suggest from and the
// skills it should bring back.
type evalOcc struct {
	uri, label, desc string
	essential        map[string]bool
}

// taxonomyData is what the tests read from the embedded release besides
// the model: occupations with their essential skills, and skill labels
// for the baseline.
type taxonomyData struct {
	occs   []evalOcc
	skills []taxonomy.Concept
}

var (
	dataOnce sync.Once
	data     taxonomyData
	dataErr  error
)

// loadData reads the embedded ESCO release once for all tests.
func loadData(t testing.TB) taxonomyData {
	t.Helper()
	dataOnce.Do(func() { data, dataErr = readData() })
	if dataErr != nil {
		t.Fatal(dataErr)
	}
	return data
}

// readData implements loadData. An essential skill that is not in the
// skills file (ESCO has a few dangling links) is left out of the gold
// set: no model could suggest it.
func readData() (taxonomyData, error) {
	var d taxonomyData
	known := map[string]bool{}
	byURI := map[string]int{}
	h := taxonomy.Handler{
		Concept: func(c taxonomy.Concept) error {
			if suggestible(c.Kind) {
				d.skills = append(d.skills, c)
				known[c.URI] = true
			}
			return nil
		},
		Occupation: func(o taxonomy.Occupation) error {
			byURI[o.URI] = len(d.occs)
			d.occs = append(d.occs, evalOcc{uri: o.URI, label: o.PreferredLabel, desc: o.Description, essential: map[string]bool{}})
			return nil
		},
		OccupationSkill: func(os taxonomy.OccupationSkill) error {
			if i, ok := byURI[os.OccupationURI]; ok && os.Type == taxonomy.RelationEssential && known[os.SkillURI] {
				d.occs[i].essential[os.SkillURI] = true
			}
			return nil
		},
	}
	err := FromEmbedded()(context.Background(), h)
	return d, err
}

// splitOccs returns the occupations of one bucket that have a description
// and at least one essential skill.
func splitOccs(d taxonomyData, b uint32) []evalOcc {
	var out []evalOcc
	for _, o := range d.occs {
		if bucket(o.uri) == b && o.desc != "" && len(o.essential) > 0 {
			out = append(out, o)
		}
	}
	return out
}

// metrics are ranking figures averaged over occupations.
type metrics struct {
	n                      int
	r10, r20, microR20     float64 // macro recall@10 and @20, micro recall@20
	mrr, ndcg20, precision float64 // MRR, nDCG@20, precision@20
}

// evaluate suggests from each occupation's description and scores the
// top 20 against its essential skills.
func evaluate(occs []evalOcc, suggest func(text string) []string) metrics {
	var m metrics
	var hitAll, goldAll int
	for _, o := range occs {
		got := suggest(o.desc)
		h10, h20 := hits(got, o.essential, 10), hits(got, o.essential, 20)
		m.r10 += float64(h10) / float64(len(o.essential))
		m.r20 += float64(h20) / float64(len(o.essential))
		m.precision += float64(h20) / 20
		hitAll, goldAll = hitAll+h20, goldAll+len(o.essential)
		m.mrr += reciprocalRank(got, o.essential)
		m.ndcg20 += ndcg(got, o.essential, 20)
	}
	m.n = len(occs)
	n := float64(max(m.n, 1))
	m.r10, m.r20, m.precision, m.mrr, m.ndcg20 = m.r10/n, m.r20/n, m.precision/n, m.mrr/n, m.ndcg20/n
	m.microR20 = float64(hitAll) / float64(max(goldAll, 1))
	return m
}

// hits counts the gold items among the first k.
func hits(got []string, gold map[string]bool, k int) int {
	n := 0
	for _, u := range got[:min(k, len(got))] {
		if gold[u] {
			n++
		}
	}
	return n
}

// reciprocalRank is 1/rank of the first gold item, 0 if none.
func reciprocalRank(got []string, gold map[string]bool) float64 {
	for i, u := range got {
		if gold[u] {
			return 1 / float64(i+1)
		}
	}
	return 0
}

// ndcg is binary-relevance nDCG@k.
func ndcg(got []string, gold map[string]bool, k int) float64 {
	var dcg, ideal float64
	for i, u := range got[:min(k, len(got))] {
		if gold[u] {
			dcg += 1 / math.Log2(float64(i+2))
		}
	}
	for i := range min(k, len(gold)) {
		ideal += 1 / math.Log2(float64(i+2))
	}
	return dcg / ideal
}

// modelSuggester adapts a Model to evaluate.
func modelSuggester(m *Model, k int) func(string) []string {
	return func(text string) []string {
		var out []string
		for _, s := range m.Suggest(text, "en", k) {
			out = append(out, s.ConceptURI)
		}
		return out
	}
}

// heldOut returns an Exclude func for the given buckets.
func heldOut(buckets ...uint32) func(string) bool {
	return func(uri string) bool { return slices.Contains(buckets, bucket(uri)) }
}

// mentionText appends to an occupation's description a sentence naming a
// skill the occupation does not need, picked by hash so every run picks
// the same: a proposal's writer who names a skill expects to see it
// suggested, whatever the rest of the text reads like.
func mentionText(o evalOcc, skills []taxonomy.Concept) (text, uri string) {
	h := fnv.New32a()
	h.Write([]byte(o.uri))
	for i := h.Sum32() % uint32(len(skills)); ; i = (i + 1) % uint32(len(skills)) {
		s := skills[i]
		if !o.essential[s.URI] && len(textnorm.Tokens(s.PreferredLabel)) >= 2 {
			return o.desc + " Experience with " + s.PreferredLabel + " is required.", s.URI
		}
	}
}

// mentionRecall is the share of mention texts whose named skill is among
// the first 20 suggestions.
func mentionRecall(occs []evalOcc, skills []taxonomy.Concept, suggest func(string) []string) float64 {
	n := 0
	for _, o := range occs {
		text, uri := mentionText(o, skills)
		if slices.Contains(suggest(text), uri) {
			n++
		}
	}
	return float64(n) / float64(max(len(occs), 1))
}
