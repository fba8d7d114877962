package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/ponte-platform/ponte"
)

// SeedReserveIDs returns n new ids of table (proposals or another table
// with an id column) for rows the caller then inserts with those ids, so
// that the rows that refer to them can be written in the same batch and
// with COPY. On PostgreSQL they come from the table's identity sequence; on
// SQLite, which has no sequence, they follow the highest id, which is safe
// because the seed holds the only write transaction.
func (s *Store) SeedReserveIDs(ctx context.Context, table string, n int) ([]int64, error) {
	if table != "proposals" && table != "proposal_events" {
		return nil, fmt.Errorf("sqlstore.SeedReserveIDs: unsupported table %q", table)
	}
	if n <= 0 {
		return nil, nil
	}
	out := make([]int64, 0, n)
	if s.db.dialect == Postgres {
		err := s.queryEach(ctx, s.w, "SeedReserveIDs", `SELECT nextval(pg_get_serial_sequence('`+table+`', 'id'))
			FROM generate_series(1, ?)`, []any{n}, func(r *sql.Rows) error {
			var id int64
			err := r.Scan(&id)
			out = append(out, id)
			return err
		})
		return out, err
	}
	var last int64
	if err := s.w.QueryRowContext(ctx, `SELECT COALESCE(max(id), 0) FROM `+table).Scan(&last); err != nil {
		return nil, mapErr("SeedReserveIDs", err)
	}
	for i := range n {
		out = append(out, last+1+int64(i))
	}
	return out, nil
}

// SeedProposals inserts proposals whose IDs are set (SeedReserveIDs), with
// their skills, codes and history.
func (s *Store) SeedProposals(ctx context.Context, ps []*ponte.Proposal, events []*ponte.ProposalEvent) error {
	var props, skills, codes [][]any
	for _, p := range ps {
		props = append(props, append([]any{p.ID}, proposalRow(p)...))
		for _, sk := range p.Skills {
			ess := int32(0)
			if sk.Essential {
				ess = 1
			}
			skills = append(skills, []any{p.ID, sk.ConceptID, ess, int32(sk.MinLevel)})
		}
		lists := proposalCodeLists(p)
		for _, kind := range pcodeKinds {
			for _, c := range *lists[kind] {
				codes = append(codes, []any{p.ID, kind, c})
			}
		}
	}
	cols := []string{"id", "type", "status", "close_reason", "title", "summary", "description", "lang",
		"deadline", "call_ref", "call_url", "proposer_id", "org_id", "published_at", "closed_at", "created_at",
		"updated_at", "skill_list", "code_list"}
	if err := s.seedInsert(ctx, "SeedProposals", "proposals", cols, props); err != nil {
		return err
	}
	if err := s.seedInsert(ctx, "SeedProposals", "proposal_skills",
		[]string{"proposal_id", "concept_id", "essential", "min_level"}, skills); err != nil {
		return err
	}
	if err := s.seedInsert(ctx, "SeedProposals", "proposal_codes", []string{"proposal_id", "kind", "code"},
		codes); err != nil {
		return err
	}
	evs := make([][]any, len(events))
	for i, e := range events {
		evs[i] = []any{e.ProposalID, e.ActorID, e.From, e.To, e.Reason, ts(e.At)}
	}
	return s.seedInsert(ctx, "SeedProposals", "proposal_events",
		[]string{"proposal_id", "actor_id", "from_status", "to_status", "reason", "created_at"}, evs)
}
