package ponte

import (
	"context"
	"math"
	"sort"
	"time"
)

// Evidence weights of an organisation's competence: a project that used the
// skill, and the organisation's own declaration, count more than one member
// who lists it, because they speak for the organisation as a whole.
const (
	WeightDeclared = 2
	WeightProject  = 2
	WeightMember   = 1
)

// CompetenceEvidence is what backs one concept for one organisation.
type CompetenceEvidence struct {
	ConceptID int64
	Declared  bool
	Note      string // the declaration's note
	Projects  int    // projects of the organisation tagged with it
	Members   int    // members who list it on a public profile
	// Orgs is how many organisations have any evidence of the concept,
	// this one included: the "document frequency" of the ranking. Those
	// known for it only through members are counted as of the last
	// RefreshMemberOrgCounts.
	Orgs int
}

// Weight sums the evidence.
func (e CompetenceEvidence) Weight() int {
	w := e.Projects*WeightProject + e.Members*WeightMember
	if e.Declared {
		w += WeightDeclared
	}
	return w
}

// Competence is a ranked competence with its concept and evidence.
type Competence struct {
	CompetenceEvidence
	Concept *Concept
	// Score is Weight × ln(all organisations / organisations with it): high
	// for what this organisation does a lot and few others do.
	Score       float64
	ProjectRefs []OrgProjectRef // some of the projects behind it
}

// OrgProjectRef names a project, as evidence.
type OrgProjectRef struct {
	ID    int64
	Title string
}

// RankCompetences scores evidence against nOrgs organisations and returns
// it most distinctive first, like TF-IDF ranks words of a document: a
// skill every organisation has ("use a word processor") scores zero
// however much evidence it has. Ties go to the larger weight, then the
// smaller concept id, so the order is stable.
func RankCompetences(ev []CompetenceEvidence, nOrgs int) []Competence {
	out := make([]Competence, len(ev))
	for i, e := range ev {
		df := min(max(e.Orgs, 1), max(nOrgs, 1))
		idf := math.Log(float64(max(nOrgs, df)) / float64(df))
		out[i] = Competence{CompetenceEvidence: e, Score: float64(e.Weight()) * idf}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if a.Weight() != b.Weight() {
			return a.Weight() > b.Weight()
		}
		return a.ConceptID < b.ConceptID
	})
	return out
}

// CompetenceStore keeps declared competences and gathers the evidence of
// derived ones.
type CompetenceStore interface {
	// SetOrgCompetence declares (or re-notes) a competence.
	SetOrgCompetence(ctx context.Context, orgID, conceptID int64, note string, at time.Time) error
	// DeleteOrgCompetence withdraws a declaration; ENotFound if none.
	DeleteOrgCompetence(ctx context.Context, orgID, conceptID int64) error
	// OrgCompetenceEvidence returns the evidence of every concept of the
	// organisation (declared, from its projects, from its members' public
	// skills) with each concept's organisation count, and the number of
	// organisations, in a fixed number of queries.
	OrgCompetenceEvidence(ctx context.Context, orgID int64) (ev []CompetenceEvidence, nOrgs int, err error)
	// OrgProjectsByConcept returns up to perConcept projects of orgID
	// tagged with each concept, newest first.
	OrgProjectsByConcept(ctx context.Context, orgID int64, conceptIDs []int64, perConcept int) (map[int64][]OrgProjectRef, error)
	// RefreshMemberOrgCounts recounts, per concept, the organisations
	// known for it only through their members' public skills (the part
	// of CompetenceEvidence.Orgs that is a snapshot), and returns how many
	// concepts have any. The janitor runs it hourly.
	RefreshMemberOrgCounts(ctx context.Context) (int, error)
}
