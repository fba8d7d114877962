package sqlstore

import (
	"context"
	"database/sql"

	"github.com/ponte-platform/ponte"
)

// EachOpenProposal streams published and closed proposals with their
// skills (each list sorted by URI) and codes.
func (s *Store) EachOpenProposal(ctx context.Context, fn func(*ponte.OpenProposal) error) error {
	uris, err := s.conceptURIs(ctx)
	if err != nil {
		return err
	}
	return openWalk[ponte.OpenProposal]{
		head: s.openProposals,
		fills: []func(context.Context, []ponte.OpenProposal) error{
			func(ctx context.Context, out []ponte.OpenProposal) error { return s.openProposalSkills(ctx, out, uris) },
			s.openProposalCodes,
		},
	}.each(ctx, fn)
}

// openProposalSkills adds a batch's essential and other skills.
func (s *Store) openProposalSkills(ctx context.Context, out []ponte.OpenProposal, uris *conceptNames) error {
	var ess, other related
	err := s.queryEach(ctx, s.r, "EachOpenProposal", `SELECT proposal_id,
		`+s.idList("CASE WHEN essential <> 0 THEN concept_id END")+`,
		`+s.idList("CASE WHEN essential = 0 THEN concept_id END")+`
		FROM proposal_skills WHERE proposal_id BETWEEN ? AND ? GROUP BY proposal_id ORDER BY proposal_id`,
		[]any{out[0].ID, out[len(out)-1].ID}, func(r *sql.Rows) error {
			var id int64
			var e, o sql.RawBytes
			if err := r.Scan(&id, &e, &o); err != nil {
				return err
			}
			if err := ess.addIDList(id, e, uris); err != nil {
				return err
			}
			return other.addIDList(id, o, uris)
		})
	idOf := func(i int) int64 { return out[i].ID }
	ess.each(len(out), idOf, func(i, lo, hi int) { out[i].Essential = ess.sortedList(lo, hi) })
	other.each(len(out), idOf, func(i, lo, hi int) { out[i].NiceToHave = other.sortedList(lo, hi) })
	return err
}

// openProposalCodes adds a batch's partner types, countries, regions, S3
// areas and themes.
func (s *Store) openProposalCodes(ctx context.Context, out []ponte.OpenProposal) error {
	var codes related
	err := codes.load(ctx, s, "EachOpenProposal", `SELECT proposal_id, kind, code FROM proposal_codes
		WHERE proposal_id BETWEEN ? AND ? ORDER BY proposal_id, kind, code`, out[0].ID, out[len(out)-1].ID, 8*len(out),
		func(r *sql.Rows, rel *related) error {
			var id int64
			var kind, code string
			if err := r.Scan(&id, &kind, &code); err != nil {
				return err
			}
			rel.ids, rel.vals, rel.kinds = append(rel.ids, id), append(rel.vals, code), append(rel.kinds, kind)
			return nil
		})
	codes.each(len(out), func(i int) int64 { return out[i].ID },
		func(i, lo, hi int) { setProposalCodes(&out[i], &codes, lo, hi) })
	return err
}

// openProposals reads the next batch of proposals and keeps the public
// ones: filtering here rather than in SQL lets SQLite walk the table in id
// order instead of merging the status index's ranges and sorting them.
func (s *Store) openProposals(ctx context.Context, after int64) ([]ponte.OpenProposal, int64, bool, error) {
	out := make([]ponte.OpenProposal, 0, openBatch)
	last, n := after, 0
	err := s.queryEach(ctx, s.r, "EachOpenProposal", `SELECT p.id, p.status, p.type, p.close_reason,
		p.title, p.summary, p.lang, p.deadline, p.call_ref, p.call_url, p.org_id, COALESCE(o.name, ''),
		`+s.openTimeCol("p.published_at")+`, `+s.openTimeCol("p.updated_at")+`
		FROM proposals p LEFT JOIN organisations o ON o.id = p.org_id
		WHERE p.id > ? ORDER BY p.id LIMIT ?`, []any{after, openBatch}, func(r *sql.Rows) error {
		n++
		var p ponte.OpenProposal
		var org sql.NullInt64
		if err := r.Scan(&p.ID, &p.Status, &p.Type, &p.CloseReason, &p.Title, &p.Summary, &p.Lang,
			&p.Deadline, &p.CallRef, &p.CallURL, &org, &p.OrgName, scanTime{opt: &p.PublishedAt},
			scanTime{t: &p.UpdatedAt}); err != nil {
			return err
		}
		last = p.ID
		if ponte.ProposalPublic(p.Status) {
			p.OrgID = orgNullInt(org)
			out = append(out, p)
		}
		return nil
	})
	return out, last, n == openBatch, err
}

// setProposalCodes fills a proposal's code lists from its related rows
// lo..hi, which come sorted by kind and code.
func setProposalCodes(p *ponte.OpenProposal, codes *related, lo, hi int) {
	for i := lo; i < hi; {
		j := i + 1
		for j < hi && codes.kinds[j] == codes.kinds[i] {
			j++
		}
		list := codes.list(i, j)
		switch codes.kinds[i] {
		case pcodePartner:
			p.PartnerTypes = list
		case pcodeCountry:
			p.Countries = list
		case pcodeRegion:
			p.Regions = list
		case pcodeS3:
			p.S3Areas = list
		case pcodeTheme:
			p.Themes = list
		}
		i = j
	}
}
