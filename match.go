package ponte

// MatchStore keeps the partner matchmaking reads.
type MatchStore interface{}
