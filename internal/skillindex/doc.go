// Package skillindex is the in-memory index behind skill autocomplete and
// the resolution of typed skill text. It is built once from the taxonomy's
// labels (a few hundred milliseconds for ESCO in two languages) and
// answers a query in tens of microseconds, which no SQL LIKE or full-text
// query on either database can promise for one-letter prefixes.
//
// Matching works on words and prefixes of words, folded with
// textnorm.Fold (case, accents, Greek tonos): every word of the query must
// be the start of some word of a label. Preferred, alternative and hidden
// labels are all searched; hidden ones (misspellings) are never shown.
//
// Ranking, best first:
//  1. the whole label equals the query;
//  2. a label in the asked language (or the English label of a concept
//     that has none in it) before an English label of a concept that has;
//  3. the query starts the label word by word, before a label that only
//     contains every query word somewhere;
//  4. preferred before alternative before hidden labels;
//  5. transversal, then cross-sector skills (and framework competences),
//     then sector- and occupation-specific ones, then groups and areas;
//  6. shorter labels first; then the concept id, so equal queries give
//     equal answers.
//
// An Index is immutable and safe for concurrent use; rebuild it to change.
package skillindex
