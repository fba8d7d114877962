package ponte

// InterestStore keeps expressions of interest in proposals (owned by the interests area).
type InterestStore interface{}
