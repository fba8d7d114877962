package seed

import (
	"context"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/nuts"
)

// ProposalsPerUnit is how many collaboration proposals one unit of scale
// has (the Lombardy platform published 7,354).
const ProposalsPerUnit = 7354

const day = 24 * time.Hour

var (
	proposalTypes = newPicker([]weighted[string]{{ponte.ProposalTechOffer, 25}, {ponte.ProposalTechRequest, 20},
		{ponte.ProposalBusiness, 25}, {ponte.ProposalResearch, 20}, {ponte.ProposalChallenge, 10}})
	proposalStates = newPicker([]weighted[string]{{ponte.ProposalPublished, 70}, {ponte.ProposalClosed, 15},
		{ponte.ProposalDraft, 10}, {ponte.ProposalArchived, 5}})
	closeReasons = newPicker([]weighted[string]{{ponte.CloseReasonPartnered, 50}, {ponte.CloseReasonWithdrawn, 20},
		{ponte.CloseReasonExpired, 30}})
	focusCountries = []string{"IT", "GR", "HR", "RO", "SI"}
)

// batchProposals writes the proposals of a batch of people, just written:
// as many as keep the running total in proportion to the people so far
// (end of people.total). Proposers come from the batch, and each proposal
// asks for skills that a person of the batch holds, at most at that
// person's level, so every proposal has at least one match. Nothing is
// read back from the database and nothing is kept after the batch.
func (r *run) batchProposals(ctx context.Context, rng *rand.Rand, batch []person, end int) error {
	want := int(int64(r.proposals) * int64(end) / int64(max(1, r.people)))
	n := want - r.rep.Proposals
	if n <= 0 || len(batch) == 0 {
		return nil
	}
	ids, err := r.st.SeedReserveIDs(ctx, "proposals", n)
	if err != nil {
		return err
	}
	ps := make([]*ponte.Proposal, 0, n)
	var evs []*ponte.ProposalEvent
	for _, id := range ids {
		p, e := r.newProposal(rng, batch)
		p.ID = id
		for _, ev := range e {
			ev.ProposalID = id
		}
		ps, evs = append(ps, p), append(evs, e...)
		r.rep.ProposalSkills += len(p.Skills)
	}
	if err := r.st.SeedProposals(ctx, ps, evs); err != nil {
		return err
	}
	r.rep.Proposals += len(ps)
	return nil
}

// newProposal generates one proposal by a person of the batch and its
// history.
func (r *run) newProposal(rng *rand.Rand, batch []person) (*ponte.Proposal, []*ponte.ProposalEvent) {
	by := batch[rng.IntN(len(batch))]
	typ := proposalTypes.pick(rng)
	p := &ponte.Proposal{Type: typ, Lang: by.user.Lang, ProposerID: by.user.ID,
		Skills:       proposalSkills(rng, batch),
		PartnerTypes: sample(rng, ponte.OrgTypes, 1+rng.IntN(3)),
		Countries:    []string{by.profile.Country},
		S3Areas:      sample(rng, ponte.S3Areas, 1+rng.IntN(2)),
		Themes:       sample(rng, ponte.Themes, rng.IntN(3)),
	}
	if c := pickOf(rng, focusCountries); rng.IntN(2) == 0 && c != by.profile.Country {
		p.Countries = append(p.Countries, c)
	}
	if rng.IntN(10) < 4 && by.profile.Region != "" {
		p.Regions = []string{by.profile.Region}
	}
	who := by.user.DisplayName
	if o, ok := r.batchOrg[by.user.ID]; ok && rng.IntN(100) < 65 {
		id := o.id
		p.OrgID, who = &id, o.name
	}
	r.dateProposal(rng, p, by.user.CreatedAt)
	if typ == ponte.ProposalResearch {
		p.CallRef = callRef(rng, r.now.Year()+rng.IntN(2))
		p.CallURL = "https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/" +
			strings.ToLower(p.CallRef)
	}
	region := ""
	if reg, ok := nuts.Lookup(by.profile.Region); ok {
		region = reg.Name
	}
	p.Title, p.Summary, p.Description = proposalText(rng, typ, p.Lang, who, region, p.CallRef)
	return p, proposalHistory(p)
}

// proposalSkills asks for two to five skills that one person of the batch
// holds (the first three in five essential), each at a level up to theirs,
// and sometimes one more of another person as nice to have.
func proposalSkills(rng *rand.Rand, batch []person) []ponte.ProposalSkill {
	holder := batch[rng.IntN(len(batch))]
	picked := sample(rng, holder.skills, 2+rng.IntN(4))
	out := make([]ponte.ProposalSkill, 0, len(picked)+1)
	seen := map[int64]bool{}
	for i, sk := range picked {
		out = append(out, ponte.ProposalSkill{ConceptID: sk.ConceptID, Essential: i*5 < len(picked)*3,
			MinLevel: 1 + rng.IntN(max(1, sk.Level))})
		seen[sk.ConceptID] = true
	}
	if other := batch[rng.IntN(len(batch))]; rng.IntN(3) == 0 && len(other.skills) > 0 {
		sk := other.skills[rng.IntN(len(other.skills))]
		if !seen[sk.ConceptID] {
			out = append(out, ponte.ProposalSkill{ConceptID: sk.ConceptID, MinLevel: 1})
		}
	}
	return out
}

// dateProposal sets the state and dates: written in the 14 months before
// the reference day (not before its proposer joined), published within
// days, deadlines ahead of the reference day for open proposals and behind
// it for expired ones.
func (r *run) dateProposal(rng *rand.Rand, p *ponte.Proposal, joined time.Time) {
	now := r.now
	created := now.Add(-time.Duration(10*24+rng.IntN(410*24)) * time.Hour)
	if created.Before(joined) {
		created = joined.Add(day)
	}
	if !created.Before(now) {
		created = now.Add(-time.Hour)
	}
	p.CreatedAt, p.UpdatedAt = created, created
	p.Status = proposalStates.pick(rng)
	if p.Status == ponte.ProposalDraft {
		if rng.IntN(10) < 7 {
			p.Deadline = now.Add(time.Duration(30+rng.IntN(170)) * day).Truncate(day)
		}
		return
	}
	pub := minTime(created.Add(time.Duration(rng.IntN(72))*time.Hour), now)
	p.PublishedAt, p.UpdatedAt = &pub, pub
	if rng.IntN(100) < 85 {
		p.Deadline = now.Add(time.Duration(7+rng.IntN(234)) * day).Truncate(day)
	}
	if p.Status == ponte.ProposalPublished {
		return
	}
	closed := minTime(pub.Add(time.Duration(10*24+rng.IntN(140*24))*time.Hour), now)
	p.ClosedAt, p.UpdatedAt, p.CloseReason = &closed, closed, closeReasons.pick(rng)
	if p.CloseReason == ponte.CloseReasonExpired {
		p.Deadline = closed.Add(-day).Truncate(day)
	}
	if p.Status == ponte.ProposalArchived {
		p.UpdatedAt = minTime(closed.Add(time.Duration(1+rng.IntN(30))*day), now)
	}
}

// proposalHistory is the events that led to the proposal's state: the
// proposer published and closed it (the platform, when it expired) and
// archived it.
func proposalHistory(p *ponte.Proposal) []*ponte.ProposalEvent {
	if p.PublishedAt == nil {
		return nil
	}
	actor := p.ProposerID
	evs := []*ponte.ProposalEvent{{ActorID: &actor, From: ponte.ProposalDraft, To: ponte.ProposalPublished,
		At: *p.PublishedAt}}
	if p.ClosedAt == nil {
		return evs
	}
	closer := &actor
	if p.CloseReason == ponte.CloseReasonExpired {
		closer = nil
	}
	evs = append(evs, &ponte.ProposalEvent{ActorID: closer, From: ponte.ProposalPublished, To: ponte.ProposalClosed,
		Reason: p.CloseReason, At: *p.ClosedAt})
	if p.Status == ponte.ProposalArchived {
		evs = append(evs, &ponte.ProposalEvent{ActorID: &actor, From: ponte.ProposalClosed, To: ponte.ProposalArchived,
			At: p.UpdatedAt})
	}
	return evs
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
