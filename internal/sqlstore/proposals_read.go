package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"sort"
	"strings"

	"github.com/ponte-platform/ponte"
)

const proposalCols = `p.id, p.type, p.status, p.close_reason, p.title, p.summary, p.description, p.lang,
	p.deadline, p.call_ref, p.call_url, p.proposer_id, COALESCE(u.display_name, ''), p.org_id,
	COALESCE(o.name, ''), p.published_at, p.closed_at, p.created_at, p.updated_at`

const proposalFrom = ` FROM proposals p JOIN users u ON u.id = p.proposer_id
	LEFT JOIN organisations o ON o.id = p.org_id`

func scanProposal(row rowScanner) (*ponte.Proposal, error) {
	var p ponte.Proposal
	var deadline string
	var org sql.NullInt64
	var pub, closed sql.NullTime
	err := row.Scan(&p.ID, &p.Type, &p.Status, &p.CloseReason, &p.Title, &p.Summary, &p.Description,
		&p.Lang, &deadline, &p.CallRef, &p.CallURL, &p.ProposerID, &p.ProposerName, &org, &p.OrgName,
		&pub, &closed, &p.CreatedAt, &p.UpdatedAt)
	if err != nil {
		return nil, err
	}
	p.Deadline, p.OrgID = orgDate(deadline), orgNullInt(org)
	p.PublishedAt, p.ClosedAt = nullTime(pub), nullTime(closed)
	p.CreatedAt, p.UpdatedAt = p.CreatedAt.UTC(), p.UpdatedAt.UTC()
	return &p, nil
}

// ProposalByID returns one proposal with its skills and codes.
func (s *Store) ProposalByID(ctx context.Context, id int64, lang string) (*ponte.Proposal, error) {
	p, err := scanProposal(s.r.QueryRowContext(ctx, s.q(`SELECT `+proposalCols+proposalFrom+` WHERE p.id = ?`), id))
	if err != nil {
		return nil, mapErr("ProposalByID", err)
	}
	if err := s.loadProposalLinks(ctx, []*ponte.Proposal{p}, lang); err != nil {
		return nil, err
	}
	return p, nil
}

// ListProposals returns a page of proposals, newest first (oldest first
// for a queue, see ProposalFilter.Oldest): one query for
// the page, one for its codes, two for its skills and their labels.
func (s *Store) ListProposals(ctx context.Context, f ponte.ProposalFilter) ([]*ponte.Proposal, error) {
	where, args := proposalWhere(f)
	q := `SELECT ` + proposalCols + proposalFrom
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	if f.Oldest {
		q += ` ORDER BY p.id LIMIT ?`
	} else {
		q += ` ORDER BY p.id DESC LIMIT ?`
	}
	args = append(args, limit(f.Limit, 20, 100))
	var out []*ponte.Proposal
	err := s.queryEach(ctx, s.r, "ListProposals", q, args, func(r *sql.Rows) error {
		p, err := scanProposal(r)
		if err == nil {
			out = append(out, p)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, s.loadProposalLinks(ctx, out, f.Lang)
}

// proposalWhere turns a filter into WHERE terms and their arguments.
func proposalWhere(f ponte.ProposalFilter) ([]string, []any) {
	var where []string
	var args []any
	add := func(term string, a ...any) { where, args = append(where, term), append(args, a...) }
	if len(f.Statuses) > 0 {
		add(`p.status IN (`+inList(len(f.Statuses))+`)`, strArgs(f.Statuses)...)
	}
	if len(f.Types) > 0 {
		add(`p.type IN (`+inList(len(f.Types))+`)`, strArgs(f.Types)...)
	}
	if len(f.ConceptIDs) > 0 {
		// Driven from the skill's proposals (proposal_skills_concept), not by
		// walking every proposal newest first and probing each: a skill few
		// proposals need would read them all (18 ms → 0.8 ms at scale 1).
		add(`p.id IN (SELECT ps.proposal_id FROM proposal_skills ps WHERE ps.concept_id IN (`+
			inList(len(f.ConceptIDs))+`))`, orgArgs(f.ConceptIDs)...)
	}
	if lo, hi := ponte.RegionRange(f.Region); lo != "" {
		add(`EXISTS (SELECT 1 FROM proposal_codes c WHERE c.proposal_id = p.id AND c.kind = ?
			AND c.code >= ? AND c.code < ?)`, pcodeRegion, lo, hi)
	}
	if f.S3Area != "" {
		add(`EXISTS (SELECT 1 FROM proposal_codes c WHERE c.proposal_id = p.id AND c.kind = ? AND c.code = ?)`, pcodeS3, f.S3Area)
	}
	if f.ProposerID != 0 {
		add(`p.proposer_id = ?`, f.ProposerID)
	}
	if f.OrgID != 0 {
		add(`p.org_id = ?`, f.OrgID)
	}
	if f.DeadlineGE != "" {
		add(`p.deadline <> '' AND p.deadline >= ?`, f.DeadlineGE)
	}
	if f.DeadlineLE != "" {
		add(`p.deadline <> '' AND p.deadline <= ?`, f.DeadlineLE)
	}
	if f.BeforeID > 0 {
		add(`p.id < ?`, f.BeforeID)
	}
	if f.AfterID > 0 {
		add(`p.id > ?`, f.AfterID)
	}
	return where, args
}

func strArgs(vs []string) []any {
	out := make([]any, len(vs))
	for i, v := range vs {
		out[i] = v
	}
	return out
}

// loadProposalLinks fills the codes and skills of proposals.
func (s *Store) loadProposalLinks(ctx context.Context, ps []*ponte.Proposal, lang string) error {
	if len(ps) == 0 {
		return nil
	}
	byID := make(map[int64]*ponte.Proposal, len(ps))
	ids := make([]int64, len(ps))
	for i, p := range ps {
		byID[p.ID], ids[i] = p, p.ID
		p.PartnerTypes, p.Countries, p.Regions, p.S3Areas, p.Themes = []string{}, []string{}, []string{}, []string{}, []string{}
	}
	err := s.queryEach(ctx, s.r, "loadProposalCodes", `SELECT proposal_id, kind, code FROM proposal_codes
		WHERE proposal_id IN (`+inList(len(ids))+`) ORDER BY proposal_id, kind, code`, orgArgs(ids),
		func(r *sql.Rows) error {
			var id int64
			var kind, code string
			if err := r.Scan(&id, &kind, &code); err != nil {
				return err
			}
			if l := proposalCodeLists(byID[id])[kind]; l != nil {
				*l = append(*l, code)
			}
			return nil
		})
	if err != nil {
		return err
	}
	return s.loadProposalSkills(ctx, ids, byID, lang)
}

// loadProposalSkills reads the skills of the proposals, then labels all
// their distinct concepts at once; with lang "" they stay unlabelled, by
// concept id.
func (s *Store) loadProposalSkills(ctx context.Context, ids []int64, byID map[int64]*ponte.Proposal, lang string) error {
	var concepts []int64
	seen := map[int64]bool{}
	err := s.queryEach(ctx, s.r, "loadProposalSkills", `SELECT proposal_id, concept_id, essential, min_level
		FROM proposal_skills WHERE proposal_id IN (`+inList(len(ids))+`)`, orgArgs(ids), func(r *sql.Rows) error {
		var pid int64
		var sk ponte.ProposalSkill
		var essential int
		if err := r.Scan(&pid, &sk.ConceptID, &essential, &sk.MinLevel); err != nil {
			return err
		}
		sk.Essential = essential != 0
		byID[pid].Skills = append(byID[pid].Skills, sk)
		if !seen[sk.ConceptID] {
			seen[sk.ConceptID] = true
			concepts = append(concepts, sk.ConceptID)
		}
		return nil
	})
	if err != nil || len(concepts) == 0 {
		return err
	}
	if lang == "" {
		for _, p := range byID {
			slices.SortFunc(p.Skills, func(a, b ponte.ProposalSkill) int { return cmp.Compare(a.ConceptID, b.ConceptID) })
		}
		return nil
	}
	label, err := s.conceptMap(ctx, concepts, lang)
	if err != nil {
		return err
	}
	for _, p := range byID {
		for i := range p.Skills {
			p.Skills[i].Concept = label[p.Skills[i].ConceptID]
		}
		sortProposalSkills(p.Skills)
	}
	return nil
}

// sortProposalSkills puts essential skills first, then by label.
func sortProposalSkills(sk []ponte.ProposalSkill) {
	lbl := func(s ponte.ProposalSkill) string {
		if s.Concept == nil {
			return ""
		}
		return s.Concept.Label
	}
	sort.SliceStable(sk, func(i, j int) bool {
		if sk[i].Essential != sk[j].Essential {
			return sk[i].Essential
		}
		return lbl(sk[i]) < lbl(sk[j])
	})
}
