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
}
