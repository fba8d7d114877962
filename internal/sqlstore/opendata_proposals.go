package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/ponte-platform/ponte"
)

// EachOpenProposal streams published and closed proposals with their
// skills (each list sorted by URI) and codes.
func (s *Store) EachOpenProposal(ctx context.Context, fn func(*ponte.OpenProposal) error) error {
	return s.withConcepts(ctx, func(ctx context.Context, uris func() (*conceptNames, error)) error {
		return openWalk[ponte.OpenProposal]{
			head: s.openProposals,
			fills: []func(context.Context, []ponte.OpenProposal) error{
				func(ctx context.Context, out []ponte.OpenProposal) error {
					names, err := uris()
					if err != nil {
						return err
					}
					return s.openProposalSkills(ctx, out, names)
				},
				s.openProposalCodes,
			},
		}.each(ctx, fn)
	})
}

// openProposalSkills adds a batch's essential and other skills, each list
// sorted by URI. One row per proposal lists its concept ids, an essential
// skill's as is and any other's as -1-id: one aggregate instead of one per
// list. Most of the rest of the query's cost is looking up essential in
// the table, which the primary key does not cover.
func (s *Store) openProposalSkills(ctx context.Context, out []ponte.OpenProposal, uris *conceptNames) error {
	vals := make([]string, 0, 6*len(out))
	var ids []int64
	at := 0
	return s.queryEach(ctx, s.r, "EachOpenProposal", `SELECT proposal_id,
		`+s.idList("(CASE WHEN essential <> 0 THEN concept_id ELSE -1 - concept_id END)")+`
		FROM proposal_skills WHERE proposal_id BETWEEN ? AND ? GROUP BY proposal_id ORDER BY proposal_id`,
		[]any{out[0].ID, out[len(out)-1].ID}, func(r *sql.Rows) error {
			var id int64
			var list string
			if err := r.Scan(&id, &list); err != nil {
				return err
			}
			p := openProposalAt(out, &at, id)
			if p == nil {
				return nil
			}
			ids = ids[:0]
			for rest := list; rest != ""; {
				n, tail, ok := parseSignedID(rest)
				if !ok {
					return fmt.Errorf("bad id list %q", list)
				}
				ids, rest = append(ids, n), tail
			}
			start := len(vals)
			for _, c := range ids {
				if c >= 0 {
					vals = append(vals, uris.uri(c))
				}
			}
			mid := len(vals)
			for _, c := range ids {
				if c < 0 {
					vals = append(vals, uris.uri(-1-c))
				}
			}
			if mid > start {
				p.Essential = vals[start:mid:mid]
				slices.Sort(p.Essential)
			}
			if end := len(vals); end > mid {
				p.NiceToHave = vals[mid:end:end]
				slices.Sort(p.NiceToHave)
			}
			return nil
		})
}

// openProposalCodes adds a batch's partner types, countries, regions, S3
// areas and themes, each list sorted by code. One row per proposal lists
// its codes as "kind:code" items and says how many there are, instead of
// one row (and two strings from the driver) per code, 7.5 per proposal.
// Should a code hold a comma, its list does not split into that many
// items, and the batch is read again one row per code.
func (s *Store) openProposalCodes(ctx context.Context, out []ponte.OpenProposal) error {
	vals := make([]string, 0, 8*len(out))
	var kinds []string
	at, commas := 0, false
	err := s.queryEach(ctx, s.r, "EachOpenProposal", `SELECT proposal_id, count(*), `+s.textList("kind || ':' || code")+`
		FROM proposal_codes WHERE proposal_id BETWEEN ? AND ? GROUP BY proposal_id ORDER BY proposal_id`,
		[]any{out[0].ID, out[len(out)-1].ID}, func(r *sql.Rows) error {
			var id int64
			var n int
			var list string
			if err := r.Scan(&id, &n, &list); err != nil {
				return err
			}
			p := openProposalAt(out, &at, id)
			if p == nil || commas {
				return nil
			}
			start := len(vals)
			kinds, vals = kinds[:0], appendSplit(vals, list)
			codes := vals[start:]
			if len(codes) != n {
				commas = true
				return nil
			}
			for i, c := range codes {
				kind, code, ok := strings.Cut(c, ":")
				if !ok {
					return fmt.Errorf("bad code list %q", list)
				}
				kinds, codes[i] = append(kinds, kind), code
			}
			sortCodes(kinds, codes)
			setProposalCodes(p, kinds, codes)
			return nil
		})
	if err != nil || !commas {
		return err
	}
	for i := range out {
		p := &out[i]
		p.PartnerTypes, p.Countries, p.Regions, p.S3Areas, p.Themes = nil, nil, nil, nil, nil
	}
	return s.openProposalCodeRows(ctx, out)
}

// openProposalCodeRows adds a batch's codes reading one row per code.
func (s *Store) openProposalCodeRows(ctx context.Context, out []ponte.OpenProposal) error {
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
		func(i, lo, hi int) { setProposalCodes(&out[i], codes.kinds[lo:hi], codes.vals[lo:hi:hi]) })
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

// openProposalAt returns the proposal of the batch with the given id, or
// nil when the batch does not hold it (it is not public). Ids must come in
// ascending order, as the batch's: *at is where the last search ended.
func openProposalAt(out []ponte.OpenProposal, at *int, id int64) *ponte.OpenProposal {
	i := *at
	for i < len(out) && out[i].ID < id {
		i++
	}
	*at = i
	if i < len(out) && out[i].ID == id {
		return &out[i]
	}
	return nil
}

// setProposalCodes fills a proposal's code lists from its codes and their
// kinds, side by side and sorted by kind.
func setProposalCodes(p *ponte.OpenProposal, kinds, codes []string) {
	for i := 0; i < len(kinds); {
		j := i + 1
		for j < len(kinds) && kinds[j] == kinds[i] {
			j++
		}
		list := codes[i:j:j]
		switch kinds[i] {
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

// sortCodes sorts codes and their kinds, side by side, by kind and code,
// comparing bytes as SQLite's default collation and PostgreSQL's "C" (that
// of proposal_codes.code) do: the aggregates take the rows in an order
// neither database promises, though mostly sorted already.
func sortCodes(kinds, codes []string) {
	less := func(i, j int) bool {
		return kinds[i] < kinds[j] || kinds[i] == kinds[j] && codes[i] < codes[j]
	}
	for i := 1; i < len(kinds); i++ { // insertion sort: a few items, in order but rarely
		for j := i; j > 0 && less(j, j-1); j-- {
			kinds[j], kinds[j-1] = kinds[j-1], kinds[j]
			codes[j], codes[j-1] = codes[j-1], codes[j]
		}
	}
}

// appendSplit appends the comma-separated items of list, as sub-strings
// of it: one item more than list has commas.
func appendSplit(dst []string, list string) []string {
	for {
		i := strings.IndexByte(list, ',')
		if i < 0 {
			return append(dst, list)
		}
		dst, list = append(dst, list[:i]), list[i+1:]
	}
}

// parseSignedID reads a decimal id, perhaps negative, and the comma after
// it, if any.
func parseSignedID(list string) (n int64, rest string, ok bool) {
	if rest, neg := strings.CutPrefix(list, "-"); neg {
		n, rest, ok = parseID(rest)
		return -n, rest, ok
	}
	return parseID(list)
}
