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
// skills (each list sorted by URI) and codes (each sorted by code).
func (s *Store) EachOpenProposal(ctx context.Context, fn func(*ponte.OpenProposal) error) error {
	return s.withConcepts(ctx, func(ctx context.Context, uris func() (*conceptNames, error)) error {
		return openWalk[openProposalRow]{
			head: s.openProposals,
			fills: []func(context.Context, []openProposalRow) error{
				func(_ context.Context, rows []openProposalRow) error {
					names, err := uris()
					if err != nil {
						return err
					}
					return openProposalLists(rows, names)
				},
				s.openProposalOrgs,
			},
		}.each(ctx, func(r *openProposalRow) error { return fn(&r.OpenProposal) })
	})
}

// openProposalRow is a proposal on its way out: its skills and codes as
// its row lists them (skill_list and code_list), until openProposalLists
// reads them.
type openProposalRow struct {
	ponte.OpenProposal
	skills, codes string
	org           int64 // what OrgID points to
}

// openProposalLists reads the skills of a batch's proposals, each list
// sorted by URI (a concept no longer known is left out, as its rows would
// be), and their codes, each list sorted by code. Reading the lists the
// rows keep, rather than aggregating proposal_skills and proposal_codes
// per batch, halved the export's work at scale 100.
func openProposalLists(rows []openProposalRow, uris *conceptNames) error {
	var ids []int64
	var kinds []string
	vals := make([]string, 0, 12*len(rows))
	for i := range rows {
		r := &rows[i]
		ids = ids[:0]
		for rest := r.skills; rest != ""; {
			n, tail, ok := parseSignedID(rest)
			if !ok {
				return fmt.Errorf("proposal %d: bad skill list %q", r.ID, r.skills)
			}
			ids, rest = append(ids, n), tail
		}
		r.Essential, vals = appendURIs(vals, ids, uris, true)
		r.NiceToHave, vals = appendURIs(vals, ids, uris, false)
		if r.codes == "" {
			continue
		}
		start := len(vals)
		vals = appendSplit(vals, r.codes)
		codes := vals[start:]
		kinds = kinds[:0]
		for j, c := range codes {
			kind, code, ok := strings.Cut(c, ":")
			if !ok {
				return fmt.Errorf("proposal %d: bad code list %q", r.ID, r.codes)
			}
			if strings.IndexByte(code, '%') >= 0 {
				code = codeUnescaper.Replace(code)
			}
			kinds, codes[j] = append(kinds, kind), code
		}
		sortCodes(kinds, codes)
		setProposalCodes(&r.OpenProposal, kinds, codes)
	}
	return nil
}

// appendURIs appends the URIs of the essential (or else the other) skills
// among ids, an essential skill's id as is and any other's as -1-id, and
// returns them sorted as a list of their own, nil when there are none.
func appendURIs(vals []string, ids []int64, uris *conceptNames, essential bool) (list, all []string) {
	start := len(vals)
	for _, c := range ids {
		if c >= 0 != essential {
			continue
		}
		if c < 0 {
			c = -1 - c
		}
		if u := uris.uri(c); u != "" {
			vals = append(vals, u)
		}
	}
	end := len(vals)
	if end == start {
		return nil, vals
	}
	list = vals[start:end:end]
	slices.Sort(list)
	return list, vals
}

// openProposals appends the next batch of proposals to out and keeps the
// public ones: filtering here rather than in SQL lets SQLite walk the
// table in id order instead of merging the status index's ranges and
// sorting them. Each row is scanned in place: a row scanned into a
// variable of its own escaped to the heap, a quarter of what the export
// allocated.
func (s *Store) openProposals(ctx context.Context, after int64, out []openProposalRow) ([]openProposalRow, int64, bool, error) {
	last, n := after, 0
	err := s.queryEach(ctx, s.r, "EachOpenProposal", `SELECT p.id, p.status, p.type, p.close_reason,
		p.title, p.summary, p.lang, p.deadline, p.call_ref, p.call_url, p.org_id,
		`+s.openTimeCol("p.published_at")+`, `+s.openTimeCol("p.updated_at")+`, p.skill_list, p.code_list
		FROM proposals p WHERE p.id > ? ORDER BY p.id LIMIT ?`, []any{after, openBatch}, func(r *sql.Rows) error {
		n++
		out = append(out, openProposalRow{})
		row := &out[len(out)-1]
		p := &row.OpenProposal
		var org sql.NullInt64
		if err := r.Scan(&p.ID, &p.Status, &p.Type, &p.CloseReason, &p.Title, &p.Summary, &p.Lang,
			&p.Deadline, &p.CallRef, &p.CallURL, &org, scanTime{opt: &p.PublishedAt},
			scanTime{t: &p.UpdatedAt}, &row.skills, &row.codes); err != nil {
			return err
		}
		last = p.ID
		if !ponte.ProposalPublic(p.Status) {
			out = out[:len(out)-1]
			return nil
		}
		if org.Valid {
			row.org = org.Int64
			p.OrgID = &row.org
		}
		return nil
	})
	return out, last, n == openBatch, err
}

// openProposalOrgs adds the names of a batch's organisations, read in one
// query on a connection of its own: joined to the proposals, their
// lookups took a sixth of the reading of a batch, the export's slowest
// stage.
func (s *Store) openProposalOrgs(ctx context.Context, rows []openProposalRow) error {
	names := map[int64]string{}
	var ids []any
	for i := range rows {
		if id := rows[i].OrgID; id != nil {
			if _, ok := names[*id]; !ok {
				names[*id] = ""
				ids = append(ids, *id)
			}
		}
	}
	if len(ids) == 0 {
		return nil
	}
	err := s.queryEach(ctx, s.r, "EachOpenProposal", `SELECT id, name FROM organisations WHERE id IN (`+inList(len(ids))+`)`,
		ids, func(r *sql.Rows) error {
			var id int64
			var name string
			err := r.Scan(&id, &name)
			names[id] = name
			return err
		})
	for i := range rows {
		if id := rows[i].OrgID; id != nil {
			rows[i].OrgName = names[*id]
		}
	}
	return err
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
// of proposal_codes.code) do: code_list is in no promised order, though
// each kind's codes mostly come sorted already.
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
