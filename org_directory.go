package ponte

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// OrgFilter selects a page of the organisation directory.
type OrgFilter struct {
	NameQuery  string  // folded text the folded name must contain
	ConceptIDs []int64 // any of these competences (already expanded to narrower ones)
	Region     string  // NUTS code prefix: HR0 matches HR05 and HR050
	Type       string
	SizeBand   string
	Sector     string
	S3Area     string
	// Order is OrderRelevance (evidence of the filtered skills; without a
	// skill filter, the number of projects) or OrderRecent.
	Order string
	After *OrgCursor
	Limit int
}

// OrgListItem is one directory entry: what a result line shows, and the
// keys it is ordered by.
type OrgListItem struct {
	ID           int64
	Name         string
	Type         string
	SizeBand     string
	Country      string
	Region       string
	LogoID       *int64
	ProjectCount int
	Members      int
	Score        int64 // relevance: see OrgFilter.Order
	UpdatedAt    time.Time
}

// OrgCursor is the keyset position after which a directory page starts.
type OrgCursor struct {
	Score     int64
	UpdatedAt time.Time
	ID        int64
}

// OrgCursorAfter returns the cursor that continues after it.
func OrgCursorAfter(it *OrgListItem) *OrgCursor {
	return &OrgCursor{Score: it.Score, UpdatedAt: it.UpdatedAt, ID: it.ID}
}

// String encodes the cursor for a URL: "score.microseconds.id".
func (c *OrgCursor) String() string {
	if c == nil {
		return ""
	}
	return fmt.Sprintf("%d.%d.%d", c.Score, c.UpdatedAt.UnixMicro(), c.ID)
}

// ParseOrgCursor reads String's form; anything malformed (or empty) is an
// EBadRequest.
func ParseOrgCursor(s string) (*OrgCursor, error) {
	parts := strings.Split(s, ".")
	if len(parts) != 3 {
		return nil, Errorf(EBadRequest, "error.bad_request")
	}
	var n [3]int64
	for i, p := range parts {
		v, err := strconv.ParseInt(p, 10, 64)
		if err != nil {
			return nil, Errorf(EBadRequest, "error.bad_request")
		}
		n[i] = v
	}
	return &OrgCursor{Score: n[0], UpdatedAt: time.UnixMicro(n[1]).UTC(), ID: n[2]}, nil
}
