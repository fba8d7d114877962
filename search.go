package ponte

// SearchStore keeps the one search index over people, organisations, proposals and later content.
type SearchStore interface{}
