package sqlstore

import (
	"context"
	"database/sql"

	"github.com/ponte-platform/ponte"
)

// ProfileSkills loads the skills of many people in one query, with labels
// and endorsement counts (a correlated count on the endorsements key).
func (s *Store) ProfileSkills(ctx context.Context, userIDs []int64, lang string) (map[int64][]*ponte.ProfileSkill, error) {
	out := map[int64][]*ponte.ProfileSkill{}
	for _, c := range chunks(len(userIDs), 1) {
		args := append([]any{lang}, idArgs(userIDs[c[0]:c[1]])...)
		err := s.queryEach(ctx, s.r, "ProfileSkills", `SELECT ps.user_id, ps.concept_id, c.uri,
			COALESCE(l.preferred, e.preferred, c.uri) AS label, ps.level, ps.evidence_kind,
			ps.evidence_text, ps.evidence_url, ps.created_at, ps.updated_at,
			(SELECT count(*) FROM endorsements n WHERE n.user_id = ps.user_id AND n.concept_id = ps.concept_id)
			FROM profile_skills ps JOIN concepts c ON c.id = ps.concept_id
			LEFT JOIN concept_labels l ON l.concept_id = c.id AND l.lang = ?
			LEFT JOIN concept_labels e ON e.concept_id = c.id AND e.lang = 'en'
			WHERE ps.user_id IN (`+inList(len(args)-1)+`)
			ORDER BY ps.user_id, ps.level DESC, label, ps.concept_id`, args, func(r *sql.Rows) error {
			var k ponte.ProfileSkill
			if err := r.Scan(&k.UserID, &k.ConceptID, &k.ConceptURI, &k.Label, &k.Level, &k.EvidenceKind,
				&k.EvidenceText, &k.EvidenceURL, &k.CreatedAt, &k.UpdatedAt, &k.Endorsements); err != nil {
				return err
			}
			k.CreatedAt, k.UpdatedAt = k.CreatedAt.UTC(), k.UpdatedAt.UTC()
			out[k.UserID] = append(out[k.UserID], &k)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

const skillUpsertTail = `ON CONFLICT (user_id, concept_id) DO UPDATE SET level = excluded.level,
	evidence_kind = excluded.evidence_kind, evidence_text = excluded.evidence_text,
	evidence_url = excluded.evidence_url, updated_at = excluded.updated_at`

func skillRow(sk *ponte.ProfileSkill) []any {
	sk.CreatedAt, sk.UpdatedAt = ts(sk.CreatedAt), ts(sk.UpdatedAt)
	return []any{sk.UserID, sk.ConceptID, sk.Level, sk.EvidenceKind, sk.EvidenceText, sk.EvidenceURL,
		sk.CreatedAt, sk.UpdatedAt}
}

const skillInsertHead = `INSERT INTO profile_skills (user_id, concept_id, level, evidence_kind,
	evidence_text, evidence_url, created_at, updated_at) VALUES`

// UpsertProfileSkill adds or updates one skill.
func (s *Store) UpsertProfileSkill(ctx context.Context, sk *ponte.ProfileSkill) error {
	if err := s.bulkExec(ctx, "UpsertProfileSkill", skillInsertHead, skillUpsertTail, 8, [][]any{skillRow(sk)}); err != nil {
		return err
	}
	return s.syncSkillRegion(ctx, sk.UserID)
}

// syncSkillRegion copies the profile's region onto the person's skills:
// the directory's skill+region index reads it there (see migration 00005).
func (s *Store) syncSkillRegion(ctx context.Context, userID int64) error {
	_, err := s.w.ExecContext(ctx, s.q(`UPDATE profile_skills SET region = COALESCE((SELECT p.region
		FROM profiles p WHERE p.user_id = profile_skills.user_id), '') WHERE user_id = ?`), userID)
	return mapErr("syncSkillRegion", err)
}

// DeleteProfileSkill removes one skill; endorsements go with it (cascade).
func (s *Store) DeleteProfileSkill(ctx context.Context, userID, conceptID int64) error {
	res, err := s.w.ExecContext(ctx, s.q(`DELETE FROM profile_skills WHERE user_id = ? AND concept_id = ?`),
		userID, conceptID)
	return notFoundIfNone("DeleteProfileSkill", res, err)
}

// ReplaceProfileSkills deletes the skills not in the new set, then upserts
// the set, so endorsements of kept skills survive.
func (s *Store) ReplaceProfileSkills(ctx context.Context, userID int64, skills []*ponte.ProfileSkill) error {
	if !s.inTx {
		return s.Tx(ctx, func(tx ponte.Store) error { return tx.ReplaceProfileSkills(ctx, userID, skills) })
	}
	args := []any{userID}
	rows := make([][]any, len(skills))
	for i, sk := range skills {
		args = append(args, sk.ConceptID)
		rows[i] = skillRow(sk)
	}
	q := `DELETE FROM profile_skills WHERE user_id = ?`
	if len(skills) > 0 {
		q += ` AND concept_id NOT IN (` + inList(len(skills)) + `)`
	}
	if _, err := s.w.ExecContext(ctx, s.q(q), args...); err != nil {
		return mapErr("ReplaceProfileSkills", err)
	}
	if err := s.bulkExec(ctx, "ReplaceProfileSkills", skillInsertHead, skillUpsertTail, 8, rows); err != nil {
		return err
	}
	return s.syncSkillRegion(ctx, userID)
}

// Endorse records an endorsement, once.
func (s *Store) Endorse(ctx context.Context, e *ponte.Endorsement) error {
	e.CreatedAt = ts(e.CreatedAt)
	_, err := s.w.ExecContext(ctx, s.q(`INSERT INTO endorsements (user_id, concept_id, endorser_id, created_at)
		VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`), e.UserID, e.ConceptID, e.EndorserID, e.CreatedAt)
	return mapErr("Endorse", err)
}

// Unendorse withdraws an endorsement.
func (s *Store) Unendorse(ctx context.Context, userID, conceptID, endorserID int64) error {
	res, err := s.w.ExecContext(ctx, s.q(`DELETE FROM endorsements WHERE user_id = ? AND concept_id = ?
		AND endorser_id = ?`), userID, conceptID, endorserID)
	return notFoundIfNone("Unendorse", res, err)
}

// EndorsedBy returns which of userID's skills endorserID endorsed.
func (s *Store) EndorsedBy(ctx context.Context, endorserID, userID int64) (map[int64]bool, error) {
	out := map[int64]bool{}
	err := s.queryEach(ctx, s.r, "EndorsedBy", `SELECT concept_id FROM endorsements
		WHERE user_id = ? AND endorser_id = ?`, []any{userID, endorserID}, func(r *sql.Rows) error {
		var id int64
		err := r.Scan(&id)
		out[id] = true
		return err
	})
	return out, err
}

// Endorsements lists the endorsements a person gave or received.
func (s *Store) Endorsements(ctx context.Context, userID int64, given bool, lang string) ([]*ponte.Endorsement, error) {
	mine, other := "n.user_id", "n.endorser_id"
	if given {
		mine, other = other, mine
	}
	var out []*ponte.Endorsement
	err := s.queryEach(ctx, s.r, "Endorsements", `SELECT n.user_id, n.concept_id, n.endorser_id,
		n.created_at, c.uri, COALESCE(l.preferred, e.preferred, c.uri), u.display_name
		FROM endorsements n JOIN concepts c ON c.id = n.concept_id
		JOIN users u ON u.id = `+other+`
		LEFT JOIN concept_labels l ON l.concept_id = c.id AND l.lang = ?
		LEFT JOIN concept_labels e ON e.concept_id = c.id AND e.lang = 'en'
		WHERE `+mine+` = ? ORDER BY n.created_at DESC, n.concept_id`, []any{lang, userID},
		func(r *sql.Rows) error {
			var e ponte.Endorsement
			if err := r.Scan(&e.UserID, &e.ConceptID, &e.EndorserID, &e.CreatedAt, &e.ConceptURI,
				&e.Label, &e.OtherName); err != nil {
				return err
			}
			e.CreatedAt = e.CreatedAt.UTC()
			out = append(out, &e)
			return nil
		})
	return out, err
}
