package ponte

import "context"

// ContentStore keeps the content version: a counter that every change to
// what visitors may see moves forward. Caches of rendered pages and
// computed results on every app node tag what they hold with the version
// they read before computing it, and drop it once the version has moved,
// so a change made on one node is not served stale by another.
type ContentStore interface {
	// ContentVersion returns the current version.
	ContentVersion(ctx context.Context) (int64, error)
	// BumpContentVersion moves the version forward and returns the new one.
	BumpContentVersion(ctx context.Context) (int64, error)
}
