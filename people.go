package ponte

import (
	"strings"
	"time"
)

// Directory orders.
const (
	OrderRelevance = "relevance" // matched skills × level, then recency (needs a skill filter)
	OrderRecent    = "recent"    // most recently updated profiles first
)

// PeopleFilter selects a page of the people directory. Every filter only
// matches what the audience may see: a skill filter matches people whose
// skills section is visible to it, a region filter people whose location
// is, and so on, so that filtering never reveals a hidden section.
type PeopleFilter struct {
	Audience   Audience
	ConceptIDs []int64 // any of these skills (already expanded to narrower ones)
	Region     string  // NUTS code prefix: ITC matches ITC4 and ITC4C
	Language   string  // ISO 639-1 code
	OrgType    string  // member of an organisation of this type
	Interest   string  // "theme:<code>" or "s3:<code>"
	Order      string
	After      *PeopleCursor
	Limit      int
}

// PersonHit is one directory result: whose profile, and the keys it is
// ordered by (which make the next page's cursor).
type PersonHit struct {
	UserID    int64
	Score     int
	UpdatedAt time.Time
}

// PeopleCursor is the keyset position after which a page starts.
type PeopleCursor struct {
	Score     int
	UpdatedAt time.Time
	UserID    int64
}

// CursorOf returns the cursor that continues after h.
func CursorOf(h PersonHit) *PeopleCursor {
	return &PeopleCursor{Score: h.Score, UpdatedAt: h.UpdatedAt, UserID: h.UserID}
}

// RegionRange returns the half-open range of codes [lo, hi) that start with
// prefix, so a prefix filter can use an ordinary index on both databases
// (LIKE needs special collations to do so). NUTS codes are upper-case
// letters and digits, so bumping the last byte is enough.
func RegionRange(prefix string) (lo, hi string) {
	lo = strings.ToUpper(strings.TrimSpace(prefix))
	if lo == "" {
		return "", ""
	}
	b := []byte(lo)
	b[len(b)-1]++
	return lo, string(b)
}
