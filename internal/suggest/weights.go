package suggest

// weights are the few numbers that combine the channels. They were tuned
// on the validation split (occupations whose URI hashes to 1 mod 10; see
// docs/suggest.md and tune_test.go), never on the test split.
type weights struct {
	// Label channel: a label's score is the IDF mass of its terms found in
	// the text, times coverage^coverPow (the share of its IDF mass found),
	// times 1+bigram*(share of its bigrams found as phrases in the text).
	// Labels with less than minCover of their mass found are ignored.
	coverPow, bigram, minCover float64
	alt, hidden                float64 // weight of alternative and hidden labels
	desc                       float64 // weight of the description (BM25) beside the best label
	// A skill with a label found whole in the text gets phrase added to
	// its final score; phraseSingle of it for a one-word label.
	phrase, phraseSingle float64

	// Occupation channel: the occK occupations most similar to the text
	// (cosine at least occMinSim) vote for their essential skills with
	// weight sim^occPow, and for their optional ones with occOpt of it.
	occK                      int
	occPow, occMinSim, occOpt float64

	// Channel weights on the normalised channels, and propagation from a
	// lexically matched skill to its broader skills and to the skills ESCO
	// says it needs.
	lex, occ, broader, related float64
}

// defaultWeights are the tuned weights: the best recall@20 on the
// validation split under the constraint that a skill named in the text is
// suggested (mention recall ≥ 0.95; see tune_test.go). related tuned to 0:
// ESCO's skill-to-skill links did not help; the code stays so a later
// release or language can tune it again.
var defaultWeights = weights{
	coverPow: 2, bigram: 0.5, minCover: 0.5, alt: 1, hidden: 0.7, desc: 1,
	phrase: 0.5, phraseSingle: 0.25,
	occK: 30, occPow: 2, occMinSim: 0, occOpt: 0.3,
	lex: 0.5, occ: 1, broader: 0.2, related: 0,
}
