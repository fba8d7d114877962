// Package search turns text into the tokens Ponte's one search index holds,
// and a typed query into the expressions SQLite FTS5 and PostgreSQL
// tsquery evaluate, so that both databases return the same hits.
//
// Folding (case, accents, the Greek tonos) and stemming happen here, in Go:
// the databases only compare tokens. A document is indexed as two token
// lists: its raw folded words in order (for phrases and prefixes), and the
// set of their stems (for inflected forms). A query word matches a raw word
// or a stem; a "quoted phrase" matches consecutive raw words; a prefix*
// matches the start of a raw word.
package search
