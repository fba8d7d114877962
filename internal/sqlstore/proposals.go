package sqlstore

import (
	"context"
	"database/sql"
	"slices"
	"strconv"
	"strings"

	"github.com/ponte-platform/ponte"
)

// Kinds of proposal_codes rows.
const (
	pcodePartner = "partner"
	pcodeCountry = "country"
	pcodeRegion  = "region"
	pcodeS3      = "s3"
	pcodeTheme   = "theme"
)

// pcodeKinds lists the kinds of codes.
var pcodeKinds = []string{pcodePartner, pcodeCountry, pcodeRegion, pcodeS3, pcodeTheme}

const proposalWriteCols = `type, status, close_reason, title, summary, description, lang, deadline,
	call_ref, call_url, proposer_id, org_id, published_at, closed_at, created_at, updated_at,
	skill_list, code_list`

const proposalWriteWidth = 18

func proposalRow(p *ponte.Proposal) []any {
	p.CreatedAt, p.UpdatedAt = ts(p.CreatedAt), ts(p.UpdatedAt)
	skills, codes := proposalLists(p)
	return []any{p.Type, p.Status, p.CloseReason, p.Title, p.Summary, p.Description, p.Lang,
		orgDateText(p.Deadline), p.CallRef, p.CallURL, p.ProposerID, p.OrgID, tsp(p.PublishedAt),
		tsp(p.ClosedAt), p.CreatedAt, p.UpdatedAt, skills, codes}
}

// proposalLists returns the copies of a proposal's skills and codes that
// its row keeps (see migration 00017), holding what writeProposalLinks
// stores: a concept listed twice counts once, as first listed, and so does
// a code.
func proposalLists(p *ponte.Proposal) (skills, codes string) {
	var b []byte
	for i, sk := range p.Skills {
		if slices.ContainsFunc(p.Skills[:i], func(o ponte.ProposalSkill) bool { return o.ConceptID == sk.ConceptID }) {
			continue
		}
		if len(b) > 0 {
			b = append(b, ',')
		}
		id := sk.ConceptID
		if !sk.Essential {
			id = -1 - id
		}
		b = strconv.AppendInt(b, id, 10)
	}
	skills, b = string(b), b[:0]
	lists := proposalCodeLists(p)
	for _, kind := range pcodeKinds {
		list := *lists[kind]
		for i, c := range list {
			if slices.Contains(list[:i], c) {
				continue
			}
			if len(b) > 0 {
				b = append(b, ',')
			}
			b = append(append(append(b, kind...), ':'), codeEscaper.Replace(c)...)
		}
	}
	return skills, string(b)
}

// codeEscaper and codeUnescaper write and read a code in code_list.
var (
	codeEscaper   = strings.NewReplacer("%", "%25", ",", "%2C")
	codeUnescaper = strings.NewReplacer("%25", "%", "%2C", ",")
)

// CreateProposal inserts a proposal with its skills and codes.
func (s *Store) CreateProposal(ctx context.Context, p *ponte.Proposal) error {
	return s.Tx(ctx, func(tx ponte.Store) error {
		t := tx.(*Store)
		err := t.w.QueryRowContext(ctx, t.q(`INSERT INTO proposals (`+proposalWriteCols+`)
			VALUES (`+inList(proposalWriteWidth)+`) RETURNING id`), proposalRow(p)...).Scan(&p.ID)
		if err != nil {
			return mapErr("CreateProposal", err)
		}
		return t.writeProposalLinks(ctx, p, false)
	})
}

// UpdateProposal saves a proposal's content, skills and codes.
func (s *Store) UpdateProposal(ctx context.Context, p *ponte.Proposal) error {
	return s.Tx(ctx, func(tx ponte.Store) error {
		t := tx.(*Store)
		p.UpdatedAt = ts(p.UpdatedAt)
		skills, codes := proposalLists(p)
		res, err := t.w.ExecContext(ctx, t.q(`UPDATE proposals SET type = ?, title = ?, summary = ?,
			description = ?, lang = ?, deadline = ?, call_ref = ?, call_url = ?, org_id = ?, updated_at = ?,
			skill_list = ?, code_list = ? WHERE id = ?`), p.Type, p.Title, p.Summary, p.Description, p.Lang,
			orgDateText(p.Deadline), p.CallRef, p.CallURL, p.OrgID, p.UpdatedAt, skills, codes, p.ID)
		if err := notFoundIfNone("UpdateProposal", res, err); err != nil {
			return err
		}
		return t.writeProposalLinks(ctx, p, true)
	})
}

// SetProposalStatus moves a proposal between states if it is still in
// ev.From, and records the change.
func (s *Store) SetProposalStatus(ctx context.Context, p *ponte.Proposal, ev *ponte.ProposalEvent) error {
	return s.Tx(ctx, func(tx ponte.Store) error {
		t := tx.(*Store)
		p.UpdatedAt, ev.At = ts(p.UpdatedAt), ts(ev.At)
		res, err := t.w.ExecContext(ctx, t.q(`UPDATE proposals SET status = ?, close_reason = ?,
			published_at = ?, closed_at = ?, updated_at = ? WHERE id = ? AND status = ?`),
			p.Status, p.CloseReason, tsp(p.PublishedAt), tsp(p.ClosedAt), p.UpdatedAt, p.ID, ev.From)
		if err := notFoundIfNone("SetProposalStatus", res, err); err != nil {
			return err
		}
		ev.ProposalID = p.ID
		err = t.w.QueryRowContext(ctx, t.q(`INSERT INTO proposal_events (proposal_id, actor_id,
			from_status, to_status, reason, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`),
			ev.ProposalID, ev.ActorID, ev.From, ev.To, ev.Reason, ev.At).Scan(&ev.ID)
		return mapErr("SetProposalStatus", err)
	})
}

// ProposalEvents returns a proposal's history, oldest first.
func (s *Store) ProposalEvents(ctx context.Context, id int64) ([]*ponte.ProposalEvent, error) {
	var out []*ponte.ProposalEvent
	err := s.queryEach(ctx, s.r, "ProposalEvents", `SELECT e.id, e.proposal_id, e.actor_id,
		COALESCE(u.display_name, ''), e.from_status, e.to_status, e.reason, e.created_at
		FROM proposal_events e LEFT JOIN users u ON u.id = e.actor_id
		WHERE e.proposal_id = ? ORDER BY e.id`, []any{id}, func(r *sql.Rows) error {
		var ev ponte.ProposalEvent
		var actor sql.NullInt64
		if err := r.Scan(&ev.ID, &ev.ProposalID, &actor, &ev.ActorName, &ev.From, &ev.To, &ev.Reason, &ev.At); err != nil {
			return err
		}
		ev.ActorID, ev.At = orgNullInt(actor), ev.At.UTC()
		out = append(out, &ev)
		return nil
	})
	return out, err
}

// OverdueProposals returns published proposals whose deadline has passed.
func (s *Store) OverdueProposals(ctx context.Context, today string, n int) ([]int64, error) {
	var out []int64
	err := s.queryEach(ctx, s.r, "OverdueProposals", `SELECT id FROM proposals
		WHERE status = ? AND deadline <> '' AND deadline < ? ORDER BY deadline, id LIMIT ?`,
		[]any{ponte.ProposalPublished, today, limit(n, 100, 1000)}, func(r *sql.Rows) error {
			var id int64
			err := r.Scan(&id)
			out = append(out, id)
			return err
		})
	return out, err
}

// writeProposalLinks stores a proposal's skills and codes, replacing the
// old ones when asked.
func (s *Store) writeProposalLinks(ctx context.Context, p *ponte.Proposal, replace bool) error {
	if replace {
		for _, table := range []string{"proposal_skills", "proposal_codes"} {
			if _, err := s.w.ExecContext(ctx, s.q(`DELETE FROM `+table+` WHERE proposal_id = ?`), p.ID); err != nil {
				return mapErr("writeProposalLinks", err)
			}
		}
	}
	skills := make([][]any, 0, len(p.Skills))
	for _, sk := range p.Skills {
		essential := 0
		if sk.Essential {
			essential = 1
		}
		skills = append(skills, []any{p.ID, sk.ConceptID, essential, sk.MinLevel})
	}
	err := s.bulkExec(ctx, "writeProposalLinks", `INSERT INTO proposal_skills (proposal_id, concept_id,
		essential, min_level) VALUES`, `ON CONFLICT DO NOTHING`, 4, skills)
	if err != nil {
		return err
	}
	var codes [][]any
	for kind, list := range proposalCodeLists(p) {
		for _, c := range *list {
			codes = append(codes, []any{p.ID, kind, c})
		}
	}
	return s.bulkExec(ctx, "writeProposalLinks", `INSERT INTO proposal_codes (proposal_id, kind, code) VALUES`,
		`ON CONFLICT DO NOTHING`, 3, codes)
}

// proposalCodeLists maps each code kind to the proposal's list of it.
func proposalCodeLists(p *ponte.Proposal) map[string]*[]string {
	return map[string]*[]string{pcodePartner: &p.PartnerTypes, pcodeCountry: &p.Countries,
		pcodeRegion: &p.Regions, pcodeS3: &p.S3Areas, pcodeTheme: &p.Themes}
}
