package suggest

import (
	"context"
	"testing"
)

// Floors for TestRecallAt20, set from the measured figures (docs/suggest.md)
// less a margin: a change that loses more than the margin fails.
const (
	recallFloor    = 0.42 // macro recall@20 on the test split (measured 0.446)
	baselineFactor = 5.0  // the model must beat the baseline by this factor (measured 9.7×)
	mentionFloor   = 0.90 // mention recall on the test split (measured 0.950)
)

// TestRecallAt20 is the evaluation: recall@20 of the essential
// skills of held-out occupations suggested from their descriptions, by a
// model built without them, against the naive label-overlap baseline.
// It also checks mention recall (see mentionText): that a skill the text
// names is suggested even when the rest of the text is about other work.
func TestRecallAt20(t *testing.T) {
	d := loadData(t)
	test := splitOccs(d, bucketTest)
	m, err := Build(context.Background(), FromEmbedded(), Options{Exclude: heldOut(bucketTest)})
	if err != nil {
		t.Fatal(err)
	}
	got := evaluate(test, modelSuggester(m, 20))
	b := newBaseline(d.skills)
	base := evaluate(test, func(text string) []string { return b.suggest(text, 20) })
	_, nOcc := m.Len()
	t.Logf("split: %d test occupations held out; model learned from %d occupations", len(test), nOcc)
	logMetrics(t, "model   ", got)
	logMetrics(t, "baseline", base)
	mention := mentionRecall(test, d.skills, modelSuggester(m, 20))
	baseMention := mentionRecall(test, d.skills, func(text string) []string { return b.suggest(text, 20) })
	t.Logf("mention recall@20: model %.3f, baseline %.3f", mention, baseMention)
	if mention < mentionFloor {
		t.Errorf("mention recall = %.3f, below the floor %.2f", mention, mentionFloor)
	}
	if got.r20 < recallFloor {
		t.Errorf("recall@20 = %.3f, below the floor %.2f", got.r20, recallFloor)
	}
	if got.r20 < baselineFactor*base.r20 {
		t.Errorf("recall@20 = %.3f is not %.1f× the baseline's %.3f", got.r20, baselineFactor, base.r20)
	}
}

// logMetrics prints one row of figures.
func logMetrics(t *testing.T, name string, m metrics) {
	t.Logf("%s n=%d recall@20=%.3f (micro %.3f) recall@10=%.3f precision@20=%.3f MRR=%.3f nDCG@20=%.3f",
		name, m.n, m.r20, m.microR20, m.r10, m.precision, m.mrr, m.ndcg20)
}
