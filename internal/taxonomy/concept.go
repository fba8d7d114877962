package taxonomy

// Schemes a Concept belongs to.
const (
	SchemeESCO      = "esco"
	SchemeEntreComp = "entrecomp"
	SchemeDigComp   = "digcomp"
	SchemePonte     = "ponte"
)

// Kinds of Concept.
const (
	KindSkill          = "skill"           // ESCO skill/competence
	KindKnowledge      = "knowledge"       // ESCO knowledge
	KindSkillGroup     = "skill-group"     // ESCO skill pillar group (levels 0–3, ISCED-F fields)
	KindOccupation     = "occupation"      // ESCO occupation
	KindArea           = "area"            // EntreComp or DigComp competence area
	KindCompetence     = "competence"      // EntreComp or DigComp competence
	KindThread         = "thread"          // EntreComp thread, a strand of a competence
	KindInnovationArea = "innovation-area" // Ponte skills-for-innovation area
)

// Concept is one concept of a taxonomy with its labels in one language.
// The same URI arrives once per language it has labels in; the fields that
// do not depend on the language are the same each time.
type Concept struct {
	URI    string
	Scheme string // SchemeESCO, SchemeEntreComp, SchemeDigComp or SchemePonte
	Kind   string // KindSkill, KindKnowledge, ...

	// Code is the concept's notation where it has one: an ESCO skill group
	// code ("S1.15.1") or occupation code ("2654.1.7"), a framework number
	// ("1.1"), an innovation area slug.
	Code string

	SkillType  string // ESCO skillType: "skill/competence", "knowledge" or ""
	ReuseLevel string // ESCO reuseLevel: "transversal", "cross-sector", "sector-specific", "occupation-specific" or ""

	Lang           string // ISO 639-1 code of the labels, e.g. "en"
	PreferredLabel string
	// AltLabels are the other names of the concept, without duplicates and
	// without the preferred label (which ESCO often repeats among them).
	AltLabels []string
	// HiddenLabels are names to search by but never to show: ESCO's
	// misspellings, outdated and discriminatory terms.
	HiddenLabels []string
	Description  string
}

// Broader links a concept to a broader one in its hierarchy. ESCO's is a
// polyhierarchy: a child may have several parents.
type Broader struct {
	ChildURI  string
	ParentURI string
}

// Collections a concept can be a member of: the ESCO collections and, as
// InnovationCollection(slug), the Ponte innovation areas.
const (
	CollectionTransversal = "transversal"
	CollectionDigital     = "digital"
	CollectionGreen       = "green"
	CollectionLanguage    = "language"
	CollectionResearch    = "research"
	CollectionDigComp     = "digcomp" // ESCO skills mapped to DigComp
)

// Membership puts a concept in a named collection.
type Membership struct {
	ConceptURI string
	Collection string
}

// Relation types between skills, and between occupations and skills.
const (
	RelationEssential = "essential"
	RelationOptional  = "optional"
)

// Relation links an ESCO skill to a related skill (skillSkillRelations.csv).
type Relation struct {
	SkillURI   string
	RelatedURI string
	Type       string // RelationEssential or RelationOptional
}

// Occupation is an ESCO occupation, with its labels in one language.
// Its Concept has Kind KindOccupation and Code the ESCO occupation code.
type Occupation struct {
	Concept
	ISCOGroup string // 4-digit ISCO-08 unit group code, e.g. "2654"
}

// OccupationSkill says an occupation needs a skill or knowledge concept.
type OccupationSkill struct {
	OccupationURI string
	SkillURI      string
	Type          string // RelationEssential or RelationOptional
}
