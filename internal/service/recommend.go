package service

import (
	"context"
	"sort"
	"time"

	"github.com/ponte-platform/ponte"
)

// Fit weights. A required skill counts twice when essential. The member's
// skill meets it fully when it is the same concept at the level asked,
// partly when it is one step more specific (narrower) or more general
// (broader), and less when the level is short of the minimum.
const (
	fitEssentialWeight = 2.0
	fitOptionalWeight  = 1.0
	fitNarrowerCredit  = 0.7
	fitBroaderCredit   = 0.4
	fitLevelPenalty    = 0.2  // per missing proficiency level
	fitRegionBonus     = 0.1  // the proposal targets the member's region
	fitCountryBonus    = 0.05 // or only their country
	// MinFit is the least fit worth showing or mailing: below it a
	// proposal shares too little with the member to call it relevant.
	MinFit = 0.2
	// HomeRecommendations is how many fitting proposals the home page shows.
	HomeRecommendations = 5
)

// Recommendation is a published proposal that needs a member's skills,
// with its fit and why: the required skills the member meets.
type Recommendation struct {
	Proposal *ponte.Proposal
	Fit      float64 // 0–1, plus a small bonus for the member's place
	Matched  []*ponte.Concept
	Place    bool // it targets the member's region or country
}

// scoredCandidate is a candidate with its fit, before loading.
type scoredCandidate struct {
	c       *ponte.FitCandidate
	fit     float64
	matched map[int64]bool
}

// RecommendedProposals returns up to n published proposals of others that
// fit the actor's skills, best first; none for a member without skills.
func (s *Service) RecommendedProposals(ctx context.Context, actor *ponte.User, n int, lang string) ([]*Recommendation, error) {
	if !actor.Active() {
		return nil, unauthorized()
	}
	return s.recommend(ctx, s.store, ponte.FitQuery{UserID: actor.ID}, min(max(n, 1), 50), lang)
}

// recommend scores the candidates of one member (see FitQuery; Today is
// set here) and loads the best n.
func (s *Service) recommend(ctx context.Context, st ponte.Store, q ponte.FitQuery, n int, lang string) ([]*Recommendation, error) {
	q.Today = s.now().Format(time.DateOnly)
	cands, err := st.FitCandidates(ctx, q)
	if err != nil || len(cands) == 0 {
		return nil, err
	}
	best := rankCandidates(cands, n)
	if len(best) == 0 {
		return nil, nil
	}
	ids := make([]int64, len(best))
	for i, b := range best {
		ids[i] = b.c.ProposalID
	}
	ps, err := st.ProposalsByIDs(ctx, ids, lang)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]*ponte.Proposal, len(ps))
	for _, p := range ps {
		byID[p.ID] = p
	}
	out := make([]*Recommendation, 0, len(best))
	for _, b := range best {
		if p := byID[b.c.ProposalID]; p != nil {
			out = append(out, newRecommendation(p, b))
		}
	}
	return out, nil
}

// rankCandidates keeps the n best candidates at or above MinFit: best fit
// first, then the most recently published, then the newest id.
func rankCandidates(cands []*ponte.FitCandidate, n int) []scoredCandidate {
	scored := make([]scoredCandidate, 0, len(cands))
	for _, c := range cands {
		if fit, matched := proposalFit(c); fit >= MinFit {
			scored = append(scored, scoredCandidate{c: c, fit: fit, matched: matched})
		}
	}
	sort.Slice(scored, func(i, j int) bool {
		a, b := scored[i], scored[j]
		if a.fit != b.fit {
			return a.fit > b.fit
		}
		if !a.c.PublishedAt.Equal(b.c.PublishedAt) {
			return a.c.PublishedAt.After(b.c.PublishedAt)
		}
		return a.c.ProposalID > b.c.ProposalID
	})
	return scored[:min(n, len(scored))]
}

// proposalFit scores one candidate: the weighted share of its required
// skills the member meets (each by the best of the member's skills), plus
// the place bonus. It also returns the required concepts met.
func proposalFit(c *ponte.FitCandidate) (float64, map[int64]bool) {
	credit := map[int64]float64{}
	weight := map[int64]float64{}
	for _, h := range c.Hits {
		if v := hitCredit(h); v > credit[h.ConceptID] {
			credit[h.ConceptID] = v
		}
		weight[h.ConceptID] = fitOptionalWeight
		if h.Essential {
			weight[h.ConceptID] = fitEssentialWeight
		}
	}
	total := fitEssentialWeight*float64(c.Essentials) + fitOptionalWeight*float64(c.Skills-c.Essentials)
	if total <= 0 {
		return 0, nil
	}
	var got float64
	matched := make(map[int64]bool, len(credit))
	for id, v := range credit {
		got += v * weight[id]
		matched[id] = true
	}
	fit := got / total
	switch {
	case c.RegionMatch:
		fit += fitRegionBonus
	case c.CountryMatch:
		fit += fitCountryBonus
	}
	return fit, matched
}

// hitCredit is how far one member skill meets one required skill.
func hitCredit(h ponte.FitHit) float64 {
	v := 1.0
	switch h.Relation {
	case ponte.FitNarrower:
		v = fitNarrowerCredit
	case ponte.FitBroader:
		v = fitBroaderCredit
	}
	if short := h.MinLevel - h.MemberLevel; short > 0 {
		v *= max(0.2, 1-fitLevelPenalty*float64(short))
	}
	return v
}

// newRecommendation lists the met skills in the proposal's order
// (essential first).
func newRecommendation(p *ponte.Proposal, b scoredCandidate) *Recommendation {
	r := &Recommendation{Proposal: p, Fit: b.fit, Place: b.c.RegionMatch || b.c.CountryMatch}
	for _, sk := range p.Skills {
		if b.matched[sk.ConceptID] && sk.Concept != nil {
			r.Matched = append(r.Matched, sk.Concept)
		}
	}
	return r
}

// HomeFeed is the signed-in home page's part: the proposals that fit the
// member, and whether they have any skills at all (to invite them to add
// some).
type HomeFeed struct {
	Items     []*Recommendation
	HasSkills bool
}

// ProposalsForMe returns the home page's recommendations for the actor.
// The skill check runs only when nothing fits, so the common case costs
// the recommendation queries alone.
// Feeds are kept (homeFeeds) until the content changes, or for
// homeFeedTTL: the returned feed is shared and must not be changed.
func (s *Service) ProposalsForMe(ctx context.Context, actor *ponte.User, lang string) (*HomeFeed, error) {
	if !actor.Active() {
		return nil, unauthorized()
	}
	return cached(s, s.homeFeeds, ctx, homeFeedKey{actor.ID, lang}, func() (*HomeFeed, error) {
		return s.proposalsForMe(ctx, actor, lang)
	})
}

// homeFeedKey is whose home feed, in which language.
type homeFeedKey struct {
	user int64
	lang string
}

// homeFeedTTL is the longest a home feed is kept; homeFeedsKept how many
// members' feeds are.
const (
	homeFeedTTL   = 10 * time.Minute
	homeFeedsKept = 2000
)

func (s *Service) proposalsForMe(ctx context.Context, actor *ponte.User, lang string) (*HomeFeed, error) {
	items, err := s.RecommendedProposals(ctx, actor, HomeRecommendations, lang)
	if err != nil {
		return nil, err
	}
	feed := &HomeFeed{Items: items, HasSkills: len(items) > 0}
	if !feed.HasSkills {
		sk, err := s.store.ProfileSkills(ctx, []int64{actor.ID}, lang)
		if err != nil {
			return nil, err
		}
		feed.HasSkills = len(sk[actor.ID]) > 0
	}
	return feed, nil
}
