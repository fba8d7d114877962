package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/ponte-platform/ponte"
)

// The Seed* methods write demonstration data in bulk for internal/seed
// (ponte seed). They are not part of ponte.Store: no request path creates
// people or memberships in bulk. Call them inside Tx, so that a seed run is
// all or nothing.

// SeedUsers inserts accounts and sets their IDs, matched back by e-mail
// (unique).
func (s *Store) SeedUsers(ctx context.Context, us []*ponte.User) error {
	rows := make([][]any, len(us))
	byEmail := make(map[string]*ponte.User, len(us))
	for i, u := range us {
		u.CreatedAt, u.UpdatedAt = ts(u.CreatedAt), ts(u.UpdatedAt)
		rows[i] = []any{u.Email, u.DisplayName, u.PasswordHash, string(u.Role), u.Lang, tsp(u.EmailVerified),
			u.CreatedAt, u.UpdatedAt}
		byEmail[u.Email] = u
	}
	return s.seedExec(ctx, "SeedUsers", `INSERT INTO users (email, display_name, password_hash, role, lang,
		email_verified_at, created_at, updated_at) VALUES`, `RETURNING id, email`, 8, rows, func(r *sql.Rows) error {
		var id int64
		var email string
		if err := r.Scan(&id, &email); err != nil {
			return err
		}
		if u := byEmail[email]; u != nil {
			u.ID = id
		}
		return nil
	})
}

// SeedProfiles inserts profiles (UserID set) with their languages and
// interests (themes and S3 areas).
func (s *Store) SeedProfiles(ctx context.Context, ps []*ponte.Profile) error {
	var profiles, langs, interests [][]any
	for _, p := range ps {
		p.CreatedAt, p.UpdatedAt = ts(p.CreatedAt), ts(p.UpdatedAt)
		row := []any{p.UserID, p.Headline, p.Country, p.Region, string(p.ShowEmail)}
		for _, sec := range ponte.ProfileSections {
			row = append(row, string(p.Vis(sec)))
		}
		profiles = append(profiles, append(row, p.CreatedAt, p.UpdatedAt))
		for _, l := range p.Languages {
			langs = append(langs, []any{p.UserID, l.Code, l.Level})
		}
		for _, c := range p.Themes {
			interests = append(interests, []any{p.UserID, string(ponte.InterestTheme), c})
		}
		for _, c := range p.S3Areas {
			interests = append(interests, []any{p.UserID, string(ponte.InterestS3), c})
		}
	}
	cols := []string{"user_id", "headline", "country", "region", "show_email"}
	for _, sec := range ponte.ProfileSections {
		cols = append(cols, "vis_"+sec)
	}
	cols = append(cols, "created_at", "updated_at")
	if err := s.seedInsert(ctx, "SeedProfiles", "profiles", cols, profiles); err != nil {
		return err
	}
	if err := s.seedInsert(ctx, "SeedProfiles", "profile_languages", []string{"user_id", "code", "level"},
		langs); err != nil {
		return err
	}
	return s.seedInsert(ctx, "SeedProfiles", "profile_interests", []string{"user_id", "kind", "code"}, interests)
}

// SeedProfileSkills inserts skills; region gives each person's profile
// region, which the directory's index copies.
func (s *Store) SeedProfileSkills(ctx context.Context, sks []*ponte.ProfileSkill, region map[int64]string) error {
	rows := make([][]any, len(sks))
	for i, sk := range sks {
		sk.CreatedAt, sk.UpdatedAt = ts(sk.CreatedAt), ts(sk.UpdatedAt)
		rows[i] = []any{sk.UserID, sk.ConceptID, int32(sk.Level), string(sk.EvidenceKind), sk.EvidenceText,
			sk.EvidenceURL, sk.CreatedAt, sk.UpdatedAt, region[sk.UserID]}
	}
	return s.seedInsert(ctx, "SeedProfileSkills", "profile_skills", []string{"user_id", "concept_id", "level",
		"evidence_kind", "evidence_text", "evidence_url", "created_at", "updated_at", "region"}, rows)
}

// SeedEndorsements inserts endorsements of existing skills.
func (s *Store) SeedEndorsements(ctx context.Context, es []*ponte.Endorsement) error {
	rows := make([][]any, len(es))
	for i, e := range es {
		rows[i] = []any{e.UserID, e.ConceptID, e.EndorserID, ts(e.CreatedAt)}
	}
	return s.seedInsert(ctx, "SeedEndorsements", "endorsements",
		[]string{"user_id", "concept_id", "endorser_id", "created_at"}, rows)
}

// SeedOrgMembers inserts memberships.
func (s *Store) SeedOrgMembers(ctx context.Context, ms []*ponte.OrgMember) error {
	rows := make([][]any, len(ms))
	for i, m := range ms {
		rows[i] = []any{m.OrgID, m.UserID, string(m.Role), ts(m.CreatedAt)}
	}
	return s.seedInsert(ctx, "SeedOrgMembers", "org_members", []string{"org_id", "user_id", "role", "created_at"}, rows)
}

// SeedOrgCompetences declares competences: pairs of organisation and
// concept ids. Call SeedRefreshOrgConcepts afterwards.
func (s *Store) SeedOrgCompetences(ctx context.Context, pairs [][2]int64, at time.Time) error {
	rows := make([][]any, len(pairs))
	for i, p := range pairs {
		rows[i] = []any{p[0], p[1], ts(at)}
	}
	return s.seedInsert(ctx, "SeedOrgCompetences", "org_competences", []string{"org_id", "concept_id", "created_at"},
		rows)
}

// SeedProjectSkills tags projects (ID and OrgID set) with their SkillIDs.
// Call SeedRefreshOrgConcepts afterwards.
func (s *Store) SeedProjectSkills(ctx context.Context, ps []*ponte.OrgProject) error {
	var rows [][]any
	for _, p := range ps {
		for _, c := range p.SkillIDs {
			rows = append(rows, []any{p.ID, c, p.OrgID})
		}
	}
	return s.seedInsert(ctx, "SeedProjectSkills", "org_project_skills", []string{"project_id", "concept_id", "org_id"},
		rows)
}

// SeedRefreshOrgConcepts brings the project counts and the competence
// summary of organisations in step with what was seeded. When ids are a
// run of consecutive ids (the organisations a seed generated: 233,657 at
// scale 100) each table is brought in step with one statement over the
// range, and every concept's organisation count is recounted: lists of
// ids in chunks took minutes on PostgreSQL.
func (s *Store) SeedRefreshOrgConcepts(ctx context.Context, ids []int64) error {
	from, to, ok := idRun(ids)
	if !ok {
		if err := s.RecountOrgProjects(ctx, ids); err != nil {
			return err
		}
		return s.refreshOrgConcepts(ctx, ids)
	}
	set := orgSet{from: from, to: to}
	if err := s.recountProjectsOf(ctx, set); err != nil {
		return err
	}
	if err := s.Lock(ctx, "org_concept_counts"); err != nil {
		return err
	}
	var args []any
	if _, err := s.w.ExecContext(ctx, s.q(`DELETE FROM org_concepts WHERE `+set.cond("org_id", &args)), args...); err != nil {
		return mapErr("SeedRefreshOrgConcepts", err)
	}
	if err := s.insertOrgConceptsOf(ctx, set); err != nil {
		return err
	}
	for _, q := range []string{`DELETE FROM org_concept_counts`, `INSERT INTO org_concept_counts (concept_id, orgs)
		SELECT concept_id, count(*) FROM org_concepts GROUP BY concept_id`} {
		if _, err := s.w.ExecContext(ctx, q); err != nil {
			return mapErr("SeedRefreshOrgConcepts", err)
		}
	}
	return nil
}

// idRun returns the first and last of ids when they are consecutive and
// in order.
func idRun(ids []int64) (from, to int64, ok bool) {
	if len(ids) == 0 {
		return 0, 0, false
	}
	for i, id := range ids {
		if id != ids[0]+int64(i) {
			return 0, 0, false
		}
	}
	return ids[0], ids[len(ids)-1], true
}

// SeedCountMembers counts the accounts that are not administrators: a
// database with any has people in it, seeded or real.
func (s *Store) SeedCountMembers(ctx context.Context) (int, error) {
	var n int
	err := s.r.QueryRowContext(ctx, s.q(`SELECT count(*) FROM users WHERE role <> ?`), string(ponte.RoleAdmin)).Scan(&n)
	return n, mapErr("SeedCountMembers", err)
}

// SeedOccupations returns every occupation that has skills (ID, URI and
// English label) in id order, with its essential and optional skill ids in
// id order: what the seeder draws people's skills from.
func (s *Store) SeedOccupations(ctx context.Context) (occs []ponte.Concept, essential, optional map[int64][]int64, err error) {
	essential, optional = map[int64][]int64{}, map[int64][]int64{}
	err = s.queryEach(ctx, s.r, "SeedOccupations", `SELECT occupation_id, skill_id, type FROM occupation_skills
		ORDER BY occupation_id, skill_id`, nil, func(r *sql.Rows) error {
		var o, sk int64
		var typ string
		if err := r.Scan(&o, &sk, &typ); err != nil {
			return err
		}
		if typ == "essential" {
			essential[o] = append(essential[o], sk)
		} else {
			optional[o] = append(optional[o], sk)
		}
		return nil
	})
	if err != nil {
		return nil, nil, nil, err
	}
	err = s.queryEach(ctx, s.r, "SeedOccupations", `SELECT c.id, c.uri, COALESCE(l.preferred, '')
		FROM concepts c LEFT JOIN concept_labels l ON l.concept_id = c.id AND l.lang = 'en'
		WHERE c.kind = ? ORDER BY c.id`, []any{ponte.KindOccupation}, func(r *sql.Rows) error {
		var c ponte.Concept
		if err := r.Scan(&c.ID, &c.URI, &c.Label); err != nil {
			return err
		}
		if len(essential[c.ID])+len(optional[c.ID]) > 0 {
			occs = append(occs, c)
		}
		return nil
	})
	if err != nil {
		return nil, nil, nil, fmt.Errorf("sqlstore.SeedOccupations: %w", err)
	}
	return occs, essential, optional, nil
}
