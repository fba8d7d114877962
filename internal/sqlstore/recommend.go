package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/ponte-platform/ponte"
)

// fitHitsQuery finds the required skills of live proposals that meet a
// member's skills: the member's concepts, their direct broader concepts
// (the member is more specific: rel 1) and their direct narrower ones
// (the member is more general: rel 2), each looked up through
// proposal_skills (concept_id, proposal_id). The neighbourhood is
// materialised, then the hits, and only then are their proposals
// checked: CROSS JOIN fixes SQLite's join order, and the materialised
// steps keep PostgreSQL from starting at the proposals when its
// statistics are stale (after a bulk load). Starting from every published
// proposal costs seconds at 30,000 proposals instead of milliseconds.
// Each concept of the neighbourhood brings at most FitQuery.PerConcept
// proposals, the newest (by id): at 735,000 proposals a member holding
// common skills otherwise drew tens of thousands of candidates, and a
// recommendation took 5 s; recent proposals are what a home page and a
// weekly digest show.
const fitHitsQuery = `WITH mine AS MATERIALIZED (SELECT concept_id, level FROM profile_skills WHERE user_id = ?),
	near AS MATERIALIZED (
		SELECT concept_id AS cid, concept_id AS src, level, 0 AS rel FROM mine
		UNION ALL
		SELECT b.parent_id, m.concept_id, m.level, 1 FROM mine m CROSS JOIN concept_broader b WHERE b.child_id = m.concept_id
		UNION ALL
		SELECT b.child_id, m.concept_id, m.level, 2 FROM mine m CROSS JOIN concept_broader b WHERE b.parent_id = m.concept_id),
	hit AS MATERIALIZED (
		SELECT ps.proposal_id, ps.concept_id, ps.essential, ps.min_level, n.src, n.level, n.rel
		FROM near n CROSS JOIN proposal_skills ps WHERE ps.concept_id = n.cid
		AND ps.proposal_id IN (SELECT newest.proposal_id FROM proposal_skills newest
			WHERE newest.concept_id = n.cid ORDER BY newest.proposal_id DESC LIMIT ?))
	SELECT h.proposal_id, h.concept_id, h.essential, h.min_level, h.src, h.level, h.rel, p.published_at
	FROM hit h CROSS JOIN proposals p
	WHERE p.id = h.proposal_id AND p.status = ? AND p.proposer_id <> ? AND (p.deadline = '' OR p.deadline >= ?)
	AND p.published_at > ? AND p.published_at <= ?`

// fitCountQuery counts the skills, and the essential ones, of candidate
// proposals: one range of the primary key each, grouped.
const fitCountQuery = `SELECT proposal_id, COUNT(*), SUM(CASE WHEN essential <> 0 THEN 1 ELSE 0 END)
	FROM proposal_skills WHERE proposal_id IN (`

// fitPlaceQuery reads the target regions and countries of candidates,
// through the primary key (proposal_id, kind, code): concatenating an empty string to kind keeps
// SQLite off the (kind, code) index, which for a thousand candidates it
// preferred, reading every region and country code of every proposal
// (98 % of a recommendation's time at scale 100).
const fitPlaceQuery = `SELECT proposal_id, kind, code FROM proposal_codes WHERE (kind || '') IN (?, ?) AND proposal_id IN (`

// epoch and forever stand for no bound on publication times.
var (
	epoch   = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
	forever = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
)

// FitCandidates returns the live proposals that need a member's skills:
// one query for the matching skills, one per 1,000 candidates for their
// totals and places.
func (s *Store) FitCandidates(ctx context.Context, fq ponte.FitQuery) ([]*ponte.FitCandidate, error) {
	since, until := epoch, forever
	if fq.Since != nil {
		since = *fq.Since
	}
	if fq.Until != nil {
		until = *fq.Until
	}
	perConcept := fq.PerConcept
	if perConcept <= 0 {
		perConcept = ponte.DefaultFitPerConcept
	}
	byID := map[int64]*ponte.FitCandidate{}
	var ids []int64
	err := s.queryEach(ctx, s.r, "FitCandidates", fitHitsQuery,
		[]any{fq.UserID, perConcept, ponte.ProposalPublished, fq.UserID, fq.Today, ts(since), ts(until)}, func(r *sql.Rows) error {
			var pid int64
			var h ponte.FitHit
			var essential int
			var pub sql.NullTime
			if err := r.Scan(&pid, &h.ConceptID, &essential, &h.MinLevel, &h.MemberConcept, &h.MemberLevel,
				&h.Relation, &pub); err != nil {
				return err
			}
			h.Essential = essential != 0
			c := byID[pid]
			if c == nil {
				c = &ponte.FitCandidate{ProposalID: pid, PublishedAt: pub.Time.UTC()}
				byID[pid], ids = c, append(ids, pid)
			}
			c.Hits = append(c.Hits, h)
			return nil
		})
	if err != nil {
		return nil, err
	}
	if err := s.fitTotals(ctx, fq.UserID, ids, byID); err != nil {
		return nil, err
	}
	out := make([]*ponte.FitCandidate, len(ids))
	for i, id := range ids {
		out[i] = byID[id]
	}
	return out, nil
}

// fitTotals fills the totals and place matches of candidates: the
// member's place is read once, then two grouped queries per 1,000
// candidates, instead of subqueries per candidate.
func (s *Store) fitTotals(ctx context.Context, userID int64, ids []int64, byID map[int64]*ponte.FitCandidate) error {
	var region, country string
	err := s.r.QueryRowContext(ctx, s.q(`SELECT region, country FROM profiles WHERE user_id = ?`), userID).Scan(&region, &country)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return mapErr("FitCandidates.place", err)
	}
	for _, c := range chunks(len(ids), 1) {
		part := orgArgs(ids[c[0]:c[1]])
		err := s.queryEach(ctx, s.r, "FitCandidates.counts", fitCountQuery+inList(len(part))+`) GROUP BY proposal_id`, part,
			func(r *sql.Rows) error {
				var id int64
				var n, ess int
				if err := r.Scan(&id, &n, &ess); err != nil {
					return err
				}
				byID[id].Skills, byID[id].Essentials = n, ess
				return nil
			})
		if err != nil || (region == "" && country == "") {
			return err
		}
		err = s.queryEach(ctx, s.r, "FitCandidates.places", fitPlaceQuery+inList(len(part))+`)`,
			append([]any{pcodeRegion, pcodeCountry}, part...), func(r *sql.Rows) error {
				var id int64
				var kind, code string
				if err := r.Scan(&id, &kind, &code); err != nil {
					return err
				}
				fc := byID[id]
				switch {
				case kind == pcodeRegion && region != "" && (strings.HasPrefix(region, code) || strings.HasPrefix(code, region)):
					fc.RegionMatch = true
				case kind == pcodeCountry && code == country:
					fc.CountryMatch = true
				}
				return nil
			})
		if err != nil {
			return err
		}
	}
	return nil
}

// ProposalsByIDs reads proposals by id with their skills and codes, in the
// order asked.
func (s *Store) ProposalsByIDs(ctx context.Context, ids []int64, lang string) ([]*ponte.Proposal, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	got := make(map[int64]*ponte.Proposal, len(ids))
	var all []*ponte.Proposal
	for _, c := range chunks(len(ids), 1) {
		err := s.queryEach(ctx, s.r, "ProposalsByIDs", `SELECT `+proposalCols+proposalFrom+` WHERE p.id IN (`+
			inList(c[1]-c[0])+`)`, orgArgs(ids[c[0]:c[1]]), func(r *sql.Rows) error {
			p, err := scanProposal(r)
			if err == nil {
				got[p.ID], all = p, append(all, p)
			}
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	if err := s.loadProposalLinks(ctx, all, lang); err != nil {
		return nil, err
	}
	out := make([]*ponte.Proposal, 0, len(all))
	for _, id := range ids {
		if p := got[id]; p != nil {
			out = append(out, p)
		}
	}
	return out, nil
}

// AnalyzeTables refreshes the planner's statistics of the named tables
// (names come from code, never from users), as autovacuum would after a
// while: benchmarks call it after a bulk load so that they measure the
// plans a running site gets.
func (s *Store) AnalyzeTables(ctx context.Context, tables ...string) error {
	for _, t := range tables {
		if _, err := s.w.ExecContext(ctx, "ANALYZE "+t); err != nil {
			return mapErr("AnalyzeTables", err)
		}
	}
	return nil
}
