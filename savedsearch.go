package ponte

// SavedSearchStore keeps saved searches with alerts and the weekly digest.
type SavedSearchStore interface{}
