// Package suggest suggests taxonomy skills to tag a text with, such as a
// collaboration proposal being written: "we seek a partner able to design
// and evaluate social-inclusion programmes for young migrants, with data
// analysis…" brings back "promote inclusion", "statistics" (whose
// alternative label is "data analysis"), "project management" and the
// skills a migrant social worker needs.
//
// A Model is built once, at start-up, from a taxonomy Source (the embedded
// ESCO release, any official ESCO release, labels kept elsewhere), and
// learns everything from the taxonomy itself; no model weights or corpus
// are fetched. It answers through three channels:
//
//   - labels: each skill's preferred, alternative and hidden labels,
//     folded (textnorm.Fold), stop-words dropped and stemmed with a
//     stemmer of their language, are matched against the text's stems.
//     A label scores by the inverse document frequency (IDF, computed over
//     the taxonomy's skills) of its words found in the text, scaled by the
//     share of it found and by the share of its word pairs found as
//     phrases; a label written out whole earns a bonus. Skill descriptions
//     add a BM25 score.
//   - occupations: the text is compared (TF-IDF cosine) with every
//     occupation's labels and description; the most similar occupations
//     vote for their essential skills, less for their optional ones. Text
//     that reads like a social worker's job reads like it needs a social
//     worker's skills, even when it names none of them.
//   - propagation: a skill matched by label passes a little of its score
//     to its broader skills.
//
// The channels are normalised per query and added with a few weights
// tuned on a validation split of the occupations; docs/suggest.md gives
// the evaluation protocol and figures.
//
// Labels live in an index over (concept, language, text): a text is
// matched with the labels of its own language, analysed with that
// language's stop-words and stemmer (English, Italian, Greek, Croatian,
// Slovenian and Romanian have both; other languages are folded only), and
// with the English labels when the model has none in its language.
// Concept URIs are the same in every language, so occupations and links
// learned from one release serve all.
//
// A Model is read-only once built and safe for concurrent use.
package suggest
