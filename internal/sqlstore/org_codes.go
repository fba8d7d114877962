package sqlstore

import (
	"context"
	"database/sql"

	"github.com/ponte-platform/ponte"
)

// Kinds of org_codes rows.
const (
	codeSector = "sector"
	codeS3     = "s3"
)

// writeOrgCodes stores the sectors and S3 areas of orgs in one statement
// per chunk; with replace, their old codes go first.
func (s *Store) writeOrgCodes(ctx context.Context, orgs []*ponte.Organisation, replace bool) error {
	if replace {
		if err := s.deleteByOrg(ctx, "writeOrgCodes", "org_codes", orgIDs(orgs)); err != nil {
			return err
		}
	}
	var rows [][]any
	for _, o := range orgs {
		for _, c := range o.Sectors {
			rows = append(rows, []any{o.ID, codeSector, c})
		}
		for _, c := range o.S3Areas {
			rows = append(rows, []any{o.ID, codeS3, c})
		}
	}
	return s.bulkExec(ctx, "writeOrgCodes", `INSERT INTO org_codes (org_id, kind, code) VALUES`,
		`ON CONFLICT DO NOTHING`, 3, rows)
}

// readOrgCodes fills the sectors and S3 areas of orgs with one query per
// chunk of ids.
func (s *Store) readOrgCodes(ctx context.Context, orgs []*ponte.Organisation) error {
	byID := make(map[int64]*ponte.Organisation, len(orgs))
	for _, o := range orgs {
		byID[o.ID] = o
		o.Sectors, o.S3Areas = []string{}, []string{}
	}
	ids := orgIDs(orgs)
	for _, c := range chunks(len(ids), 1) {
		err := s.queryEach(ctx, s.r, "readOrgCodes", `SELECT org_id, kind, code FROM org_codes
			WHERE org_id IN (`+inList(c[1]-c[0])+`) ORDER BY org_id, kind, code`, orgArgs(ids[c[0]:c[1]]),
			func(r *sql.Rows) error {
				var id int64
				var kind, code string
				if err := r.Scan(&id, &kind, &code); err != nil {
					return err
				}
				if kind == codeSector {
					byID[id].Sectors = append(byID[id].Sectors, code)
				} else {
					byID[id].S3Areas = append(byID[id].S3Areas, code)
				}
				return nil
			})
		if err != nil {
			return err
		}
	}
	return nil
}

// deleteByOrg deletes the rows of table whose org_id is in ids.
func (s *Store) deleteByOrg(ctx context.Context, op, table string, ids []int64) error {
	for _, c := range chunks(len(ids), 1) {
		_, err := s.w.ExecContext(ctx, s.q(`DELETE FROM `+table+` WHERE org_id IN (`+
			inList(c[1]-c[0])+`)`), orgArgs(ids[c[0]:c[1]])...)
		if err != nil {
			return mapErr(op, err)
		}
	}
	return nil
}

func orgIDs(orgs []*ponte.Organisation) []int64 {
	ids := make([]int64, len(orgs))
	for i, o := range orgs {
		ids[i] = o.ID
	}
	return ids
}

func orgArgs(ids []int64) []any {
	out := make([]any, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}
