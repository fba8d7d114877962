package ponte

import (
	"context"
	"time"
)

// Kinds of content in the one search index. A later content type adds a
// kind here and a document builder in the service.
const (
	SearchPerson       = "person"
	SearchOrganisation = "organisation"
	SearchProposal     = "proposal"
)

// SearchKinds lists the kinds in display order.
var SearchKinds = []string{SearchPerson, SearchOrganisation, SearchProposal}

// ValidSearchKind reports whether k is one of SearchKinds.
func ValidSearchKind(k string) bool {
	for _, x := range SearchKinds {
		if x == k {
			return true
		}
	}
	return false
}

// Facets: the dimensions a search result set is counted and filtered by.
const (
	FacetType   = "type"   // the kind of content
	FacetRegion = "region" // NUTS codes: every prefix of a region, from the country (NUTS 0) down
	FacetSkill  = "skill"  // concept ids
	FacetS3     = "s3"     // smart-specialisation areas
)

// SearchWriter is how a rebuild of the search index writes documents, in
// two steps: called with a batch, it prepares what goes to the database
// (rows, tsvectors) without touching it, so that this can run while the
// connection serves something else, and returns the step that writes
// them.
type SearchWriter func(docs []*SearchDoc) func(context.Context) error

// SearchDoc is one indexed item. It holds only what every visitor may see:
// a hidden profile section, an unpublished proposal never reaches the
// index, so no query can reveal it. Raw and Stems are the folded words and
// their stems that the databases match (the service computes them with
// internal/search); Title and Body are the display text snippets come from.
type SearchDoc struct {
	Kind      string
	ID        int64
	Lang      string // language of the text; "" when unknown
	Title     string
	Body      string
	Raw       []string
	Stems     []string
	Regions   []string // NUTS codes, any level
	Skills    []int64
	S3Areas   []string
	UpdatedAt time.Time
}

// SearchTerm is one condition of a query, as internal/search parses it:
// consecutive folded words (one word, or a phrase), the last one maybe a
// prefix, and a single word's stem.
type SearchTerm struct {
	Words  []string
	Prefix bool
	Stem   string
}

// SearchQuery selects hits: documents meeting every term and every
// filter, newest indexed first (a keyset order both databases share).
type SearchQuery struct {
	Terms   []SearchTerm
	Kinds   []string // any of these kinds (none: all)
	Region  string   // a NUTS code: hits in it or below it
	SkillID int64
	S3Area  string
	After   int64 // keyset: only hits indexed before this position (0: from the start)
	Limit   int
	// FacetLimit bounds the hits facets are counted over (the newest ones).
	FacetLimit int
}

// SearchHit is one result: the document's display text and its position
// in the order (the cursor of the next page).
type SearchHit struct {
	Pos   int64
	Kind  string
	ID    int64
	Lang  string
	Title string
	Body  string
}

// FacetCount is how many hits have one value of a facet.
type FacetCount struct {
	Facet string
	Value string
	Count int
}

// SearchFacets counts the hits by facet. Capped says the hits were more
// than the query's FacetLimit, so the counts cover only the newest ones
// and Total is a lower bound.
type SearchFacets struct {
	Total  int
	Capped bool
	Counts []FacetCount
}

// SearchSource is a page of ids of one kind of content for a rebuild.
type SearchSource struct {
	Kind  string
	After int64
	Limit int
}

// SearchStore keeps the one search index over people, organisations,
// proposals and later content.
type SearchStore interface {
	// UpsertSearchDocs adds or replaces documents, by kind and id.
	UpsertSearchDocs(ctx context.Context, docs []*SearchDoc) error
	// DeleteSearchDoc removes a document; removing a missing one is no error.
	DeleteSearchDoc(ctx context.Context, kind string, id int64) error
	// ClearSearchIndex removes every document of a kind (all kinds for "").
	ClearSearchIndex(ctx context.Context, kind string) error
	// Search returns a page of hits; an empty Terms matches nothing.
	Search(ctx context.Context, q SearchQuery) ([]*SearchHit, error)
	// SearchFacetCounts counts the hits of q (ignoring After and Limit).
	SearchFacetCounts(ctx context.Context, q SearchQuery) (*SearchFacets, error)
	// SearchSourceIDs lists ids of a kind's content above After, in order,
	// for rebuilding the index: people with a saved profile and an active
	// account, organisations, and published or closed proposals.
	SearchSourceIDs(ctx context.Context, src SearchSource) ([]int64, error)
}
