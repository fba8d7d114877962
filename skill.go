package ponte

import "context"

// Concept schemes: where a skill concept comes from.
const (
	SchemeESCO      = "esco"
	SchemeEntreComp = "entrecomp"
	SchemeDigComp   = "digcomp"
	SchemePonte     = "ponte" // the six skills-for-innovation areas
)

// Concept kinds.
const (
	KindSkill          = "skill"
	KindKnowledge      = "knowledge"
	KindSkillGroup     = "skill-group"
	KindOccupation     = "occupation"
	KindArea           = "area"
	KindCompetence     = "competence"
	KindThread         = "thread"
	KindInnovationArea = "innovation-area"
)

// Concept is a node of a skills taxonomy (an ESCO skill or knowledge
// concept, a skill group, an occupation, an EntreComp or DigComp
// competence). Everything that "has a skill" points at a concept by ID;
// matching compares IDs, so it is blind to the language of labels.
type Concept struct {
	ID         int64
	URI        string
	Scheme     string
	Kind       string
	Code       string // the framework's own code ("1.1"), ESCO codes for groups
	SkillType  string // ESCO: "skill/competence" or "knowledge"
	ReuseLevel string // ESCO: transversal, cross-sector, sector-specific, occupation-specific
	// Label, AltLabels and Description are in Lang: the language asked for
	// when the concept has labels in it, else English.
	Lang        string
	Label       string
	AltLabels   []string
	Description string
}

// ConceptLabel is a concept's text in one language, as imported.
type ConceptLabel struct {
	ConceptURI  string
	Lang        string
	Preferred   string
	AltLabels   []string
	Description string
	// HiddenLabels are names to search by but never to show: ESCO's
	// misspellings and outdated terms.
	HiddenLabels []string
}

// ConceptLink is a typed link between two concepts: broader (child →
// parent), related skills (essential/optional) and occupation → skill
// (essential/optional).
type ConceptLink struct {
	FromURI, ToURI string
	Type           string // "broader", "essential", "optional"
}

// Link tables for ConceptLink.
const (
	LinkBroader         = "broader"
	LinkSkillRelation   = "skill"
	LinkOccupationSkill = "occupation"
)

// Collections a concept can belong to: the ESCO collections, and one per
// skills-for-innovation area (CollectionInnovationPrefix + the area's slug).
const (
	CollectionTransversal      = "transversal"
	CollectionDigital          = "digital"
	CollectionGreen            = "green"
	CollectionLanguage         = "language"
	CollectionResearch         = "research"
	CollectionDigComp          = "digcomp"
	CollectionInnovationPrefix = "innovation:"
)

// ConceptRecord is a concept with its labels in every language it has, as
// the skill index reads them. Concept's Lang, Label, AltLabels and
// Description are empty: the text is in Labels.
type ConceptRecord struct {
	Concept
	Labels []ConceptLabel // by language code, ascending
}

// ConceptScan selects a page of concepts in id order (a keyset cursor).
type ConceptScan struct {
	After int64    // only concepts with a larger id
	Limit int      // page size, 1..5000 (default 1000)
	Kinds []string // only these kinds; empty for all
	// Descriptions asks for descriptions too; the index needs only names.
	Descriptions bool
}

// ConceptEdge is a stored link between two concepts, by id.
type ConceptEdge struct {
	FromID, ToID int64
	Type         string // "essential" or "optional" for relations; "" for broader links
}

// ProficiencyLevel is one level of a framework's proficiency scale
// (EntreComp and DigComp have eight, in four bands), in English.
type ProficiencyLevel struct {
	Scheme          string
	Number          int
	Name            string
	Band            string
	BandDescription string
	Autonomy        string
	Description     string
}

// Keys of taxonomy_meta, which records what was loaded. MetaVersion changes
// whenever the taxonomy does, so every app node can tell that its skill
// index is stale.
const (
	MetaVersion     = "version"      // a counter, bumped by every load or import
	MetaLanguages   = "languages"    // comma-separated codes with labels, e.g. "en,it"
	MetaESCOVersion = "esco_version" // e.g. "v1.1.1"
	MetaLoadedAt    = "loaded_at"    // RFC 3339 time of the last change
	MetaAttribution = "attribution"  // prefix: "attribution.esco" etc.
)

// TaxonomyStore keeps the skills taxonomies.
type TaxonomyStore interface {
	// UpsertConcepts inserts or updates concepts by URI (labels are
	// separate) and returns the id of each URI.
	UpsertConcepts(ctx context.Context, cs []Concept) (map[string]int64, error)
	// UpsertLabels inserts or replaces labels by (concept URI, language);
	// labels of unknown concepts are skipped and counted.
	UpsertLabels(ctx context.Context, ls []ConceptLabel) (skipped int, err error)
	// AddLinks stores links of one table (LinkBroader, LinkSkillRelation,
	// LinkOccupationSkill); links naming an unknown concept are skipped and
	// counted (ESCO releases have a few dangling ones).
	AddLinks(ctx context.Context, table string, ls []ConceptLink) (skipped int, err error)
	// AddEdges stores links of one table by concept id, for a loader that
	// already knows the ids (it saves AddLinks' lookups); an id that names
	// no concept is an EInvalid error.
	AddEdges(ctx context.Context, table string, es []ConceptEdge) error
	// BulkLoadLinks runs fn, which fills empty link tables in bulk, with
	// the per-row reference checks of the link tables replaced by one check
	// of every row at the end where per-row checks are slow (PostgreSQL:
	// their foreign keys are dropped and re-created, which validates all
	// rows in one pass). It must run inside Tx, on a taxonomy no other
	// transaction uses (a first load): changing a foreign key locks its
	// tables. A link naming no concept fails the call with EInvalid.
	BulkLoadLinks(ctx context.Context, fn func() error) error
	// AddToCollection puts concepts (by URI) in a named collection.
	AddToCollection(ctx context.Context, collection string, uris []string) (skipped int, err error)
	// ConceptIDs resolves URIs to ids; unknown URIs are absent from the map.
	ConceptIDs(ctx context.Context, uris []string) (map[string]int64, error)
	// ConceptsByID returns concepts with labels in lang (falling back to
	// English), in the order of ids; unknown ids are left out.
	ConceptsByID(ctx context.Context, ids []int64, lang string) ([]*Concept, error)
	// CountConcepts counts the concepts of a scheme ("" for all).
	CountConcepts(ctx context.Context, scheme string) (int, error)
	// NarrowerConcepts returns ids and all their descendants through the
	// broader hierarchy (ids included), so that a filter on "project
	// management" finds people with a narrower skill too.
	NarrowerConcepts(ctx context.Context, ids []int64) ([]int64, error)

	// ScanConcepts returns a page of concepts with their labels in every
	// language, in id order; the skill index is built from it.
	ScanConcepts(ctx context.Context, f ConceptScan) ([]*ConceptRecord, error)
	// BroaderEdges returns every broader link on the way from id up to the
	// roots of its hierarchy (child → parent), so a page can draw the chain
	// to the pillar with one query.
	BroaderEdges(ctx context.Context, id int64) ([]ConceptEdge, error)
	// NarrowerIDs returns id's direct children with an id above after, in
	// id order, at most limit.
	NarrowerIDs(ctx context.Context, id, after int64, limit int) ([]int64, error)
	// RelatedSkills returns id's skill relations (id → related, with the
	// relation type) with a related id above after, at most limit.
	RelatedSkills(ctx context.Context, id, after int64, limit int) ([]ConceptEdge, error)
	// ConceptCollections returns the collections each of ids belongs to.
	ConceptCollections(ctx context.Context, ids []int64) (map[int64][]string, error)
	// CollectionMembers returns, for each collection, its first members
	// with an id above after, in id order, at most limit per collection:
	// one query for a page of one collection or for the first members of
	// several.
	CollectionMembers(ctx context.Context, collections []string, after int64, limit int) (map[string][]int64, error)
	// TaxonomyMeta returns everything recorded in taxonomy_meta.
	TaxonomyMeta(ctx context.Context) (map[string]string, error)
	// SetTaxonomyMeta inserts or replaces taxonomy_meta entries.
	SetTaxonomyMeta(ctx context.Context, kv map[string]string) error
	// UpsertProficiencyLevels stores framework levels by (scheme, number).
	UpsertProficiencyLevels(ctx context.Context, ls []ProficiencyLevel) error
	// ProficiencyLevels returns a scheme's levels in ascending order.
	ProficiencyLevels(ctx context.Context, scheme string) ([]ProficiencyLevel, error)
}
