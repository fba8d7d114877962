package ponte

import "context"

// Match kinds: who a proposal's matches are.
const (
	MatchPeople        = "people"
	MatchOrganisations = "organisations"
)

// ValidMatchKind reports whether k is MatchPeople or MatchOrganisations.
func ValidMatchKind(k string) bool { return k == MatchPeople || k == MatchOrganisations }

// How a candidate's concept relates to a required skill. Matching expands
// every required skill into weighted concepts: the skill itself, every
// narrower skill (someone who can "manage budgets" can do part of
// "managing budgets or finances"), its direct broader skills (a wider skill
// probably covers the narrow one, less surely) and the skills ESCO relates
// to it (essential or optional for it).
const (
	ViaExact    = "exact"
	ViaNarrower = "narrower"
	ViaBroader  = "broader"
	ViaRelated  = "related"
)

// ViaCredit is the partial credit, in percent, of a concept reached each
// way: a narrower skill is nearly as good as the one asked for, a broader
// one covers it more loosely, a related one only helps.
var ViaCredit = map[string]int{ViaExact: 100, ViaNarrower: 90, ViaBroader: 60, ViaRelated: 50}

// Need weights: an essential skill counts three times a nice-to-have one
// in the skill coverage.
const (
	WeightEssential  = 3
	WeightNiceToHave = 1
)

// SkillNeighbour is a concept next to a required one in the taxonomy
// graph: one of its descendants, direct parents or related skills.
type SkillNeighbour struct {
	NeedID    int64 // the required concept
	ConceptID int64
	Via       string // ViaNarrower, ViaBroader or ViaRelated
}

// MatchTerm is one weighted concept of an expanded required skill.
type MatchTerm struct {
	NeedID    int64
	ConceptID int64
	Via       string
	Credit    int // percent (ViaCredit), before the need's weight
	Weight    int // WeightEssential or WeightNiceToHave
	MinLevel  int // people below it get reduced credit
}

// MatchQuery finds the candidates of a proposal: the few hundred people or
// organisations that cover most of its expanded skills.
type MatchQuery struct {
	Terms []MatchTerm
	// Audience is who looks (people only): a person is matched on their
	// skills only if the audience may see their skills section, and only
	// if it may see their profile at all (its about section), as in the
	// directory.
	Audience      Audience
	ExcludeUserID int64 // the proposer
	ExcludeOrgID  int64 // the proposal's organisation
	Lang          string
	PartnerTypes  []string // sought organisation types (for people: of their organisations)
	Limit         int      // candidates to return
}

// MatchHit is one of a candidate's concepts that a term matched, with what
// backs it.
type MatchHit struct {
	ConceptID    int64
	Level        int    // people: 1–4; organisations: 0
	EvidenceKind string // people: the skill's evidence kind, "" for none
	Endorsements int    // people
	Declared     bool   // organisations: a declared competence
	Projects     int    // organisations: realised projects tagged with it
}

// MatchCandidate is a person or organisation found by a match query, with
// the facts the ranking needs. A person's fields are as stored: the
// service applies the viewer's audience (Visibility) before using them.
type MatchCandidate struct {
	ID       int64
	Coverage int // the query's weighted coverage, for ordering only
	Name     string
	Type     string // organisations: its type
	Country  string
	Region   string
	Projects int // organisations: projects realised
	// People only: section visibilities, whether they speak the query's
	// language, and whether they are members of an organisation of a
	// sought type.
	Visibility  map[string]Visibility
	SpeaksLang  bool
	PartnerType bool
	Hits        []MatchHit
}

// Match is one ranked partner with the reasons for its rank.
type Match struct {
	Kind    string
	ID      int64 // user id or organisation id
	Name    string
	Type    string // organisations
	Region  string // as far as the viewer may see it
	Country string
	Score   int // 0–100
	// Covered and Essentials count the essential skills covered (fully or
	// in part) and asked for.
	Covered, Essentials int
	Reasons             []MatchReason
}

// MatchReason is one line of a match's explanation, rendered in the
// viewer's language: Key is a message key; Count, when Plural, picks the
// plural form; Params are ready text (skill labels already in the viewer's
// language, names); ParamKeys are parameters that are themselves message
// keys to translate first (an organisation type).
type MatchReason struct {
	Key       string
	Plural    bool
	Count     int
	Params    map[string]string
	ParamKeys map[string]string
}

// MatchStore finds the candidates of matchmaking. It decides nothing: the
// service authorises, expands skills, scores and explains.
type MatchStore interface {
	// SkillNeighbours returns the concepts next to ids in the taxonomy
	// graph: descendants (a few levels down), direct parents, and skills
	// related either way; at most limit per id and way.
	SkillNeighbours(ctx context.Context, ids []int64, limit int) ([]SkillNeighbour, error)
	// MatchPeople returns about q.Limit people (never ExcludeUserID, nor
	// deactivated accounts) with the best weighted coverage of q.Terms,
	// best first, counting only people whose skills the audience may see,
	// with all their hits on the terms. A concept held by very many is
	// sampled by its best holders (highest level, then oldest account).
	MatchPeople(ctx context.Context, q MatchQuery) ([]*MatchCandidate, error)
	// MatchOrganisations is MatchPeople for organisations' competences
	// (declared and from realised projects), never ExcludeOrgID.
	MatchOrganisations(ctx context.Context, q MatchQuery) ([]*MatchCandidate, error)
}
