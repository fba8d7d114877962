package suggest

import (
	"context"
	"os"
	"testing"
	"time"
)

// minMention is the mention recall (see mentionText) the tuned weights
// must keep on the validation split.
const minMention = 0.95

// knob is one tunable weight, with the values to try.
type knob struct {
	name   string
	ptr    func(*weights) *float64
	values []float64
}

// knobs are the weights tuned, by coordinate ascent, on the validation
// split.
var knobs = []knob{
	{"occK", nil, []float64{5, 10, 15, 20, 30, 40, 60}},
	{"occPow", func(w *weights) *float64 { return &w.occPow }, []float64{0.5, 1, 2, 3, 4, 6}},
	{"occOpt", func(w *weights) *float64 { return &w.occOpt }, []float64{0, 0.1, 0.2, 0.3, 0.5, 0.7}},
	{"occMinSim", func(w *weights) *float64 { return &w.occMinSim }, []float64{0, 0.02, 0.05, 0.1, 0.15}},
	{"lex", func(w *weights) *float64 { return &w.lex }, []float64{0, 0.1, 0.2, 0.3, 0.5, 0.7, 1, 1.5}},
	{"phrase", func(w *weights) *float64 { return &w.phrase }, []float64{0, 0.1, 0.2, 0.3, 0.5, 0.7, 1}},
	{"phraseSingle", func(w *weights) *float64 { return &w.phraseSingle }, []float64{0, 0.25, 0.5, 0.75, 1}},
	{"desc", func(w *weights) *float64 { return &w.desc }, []float64{0, 0.1, 0.2, 0.3, 0.5, 1}},
	{"coverPow", func(w *weights) *float64 { return &w.coverPow }, []float64{0.5, 1, 2, 3, 4}},
	{"bigram", func(w *weights) *float64 { return &w.bigram }, []float64{0, 0.5, 1, 2, 3}},
	{"minCover", func(w *weights) *float64 { return &w.minCover }, []float64{0, 0.3, 0.5, 0.6, 0.75, 1}},
	{"alt", func(w *weights) *float64 { return &w.alt }, []float64{0.5, 0.8, 0.95, 1}},
	{"hidden", func(w *weights) *float64 { return &w.hidden }, []float64{0, 0.5, 0.7, 1}},
	{"broader", func(w *weights) *float64 { return &w.broader }, []float64{0, 0.05, 0.1, 0.2, 0.3, 0.5}},
	{"related", func(w *weights) *float64 { return &w.related }, []float64{0, 0.05, 0.1, 0.2, 0.3, 0.5}},
}

// set gives a knob a value.
func (k knob) set(w *weights, v float64) {
	if k.ptr == nil {
		w.occK = int(v)
		return
	}
	*k.ptr(w) = v
}

// TestTuneWeights tunes the weights on the validation split with a model
// built without the validation and test occupations. It prints the best
// weights found; copy them into defaultWeights. It takes minutes, so it
// runs only with PONTE_SUGGEST_TUNE=1.
func TestTuneWeights(t *testing.T) {
	if os.Getenv("PONTE_SUGGEST_TUNE") == "" {
		t.Skip("set PONTE_SUGGEST_TUNE=1 to tune the weights on the validation split")
	}
	val := splitOccs(loadData(t), bucketValidation)
	m, err := Build(context.Background(), FromEmbedded(), Options{Exclude: heldOut(bucketTest, bucketValidation)})
	if err != nil {
		t.Fatal(err)
	}
	skills := loadData(t).skills
	// The objective is recall@20 of essential skills, under the constraint
	// that a skill named in the text is suggested (mention recall at least
	// minMention): the unconstrained optimum ignores what the writer typed.
	score := func() float64 {
		r := evaluate(val, modelSuggester(m, 20)).r20
		if mentionRecall(val, skills, modelSuggester(m, 20)) < minMention {
			r--
		}
		return r
	}
	best := score()
	t.Logf("validation n=%d, start recall@20=%.4f %+v", len(val), best, m.w)
	for round := 0; round < 3; round++ {
		improved := false
		for _, k := range knobs {
			start := time.Now()
			keep := m.w
			bestW := m.w
			for _, v := range k.values {
				m.w = keep
				k.set(&m.w, v)
				if r := score(); r > best+1e-4 {
					best, bestW, improved = r, m.w, true
				}
			}
			m.w = bestW
			t.Logf("round %d %-12s → recall@20=%.4f (%v)", round, k.name, best, time.Since(start).Round(time.Millisecond))
		}
		if !improved {
			break
		}
	}
	t.Logf("best %+v", m.w)
	t.Logf("mention recall %.3f", mentionRecall(val, skills, modelSuggester(m, 20)))
	for _, ch := range []struct {
		name     string
		lex, occ float64
	}{{"lexical only", 1, 0}, {"occupation only", 0, 1}} {
		w := m.w
		m.w.lex, m.w.occ, m.w.broader, m.w.related = ch.lex, ch.occ, w.broader*ch.lex, w.related*ch.lex
		m.w.phrase *= ch.lex
		t.Logf("%s: recall@20=%.4f, mention recall %.3f", ch.name, evaluate(val, modelSuggester(m, 20)).r20,
			mentionRecall(val, skills, modelSuggester(m, 20)))
		m.w = w
	}
}
