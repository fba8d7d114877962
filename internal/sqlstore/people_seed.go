package sqlstore

import (
	"context"
	"database/sql"

	"github.com/ponte-platform/ponte"
)

// SeedPerson is one person for SeedPeople: an account, a profile and skills.
type SeedPerson struct {
	User    ponte.User
	Profile ponte.Profile
	Skills  []ponte.ProfileSkill
}

// SeedPeople bulk-inserts people with multi-row statements, for benchmarks
// and demonstration data: 100,000 people with 8 skills each load in
// seconds, where one statement per row would take minutes on PostgreSQL.
// It sets each User.ID. It is not part of ponte.Store: no request path
// creates people in bulk.
func (s *Store) SeedPeople(ctx context.Context, people []SeedPerson) error {
	return s.Tx(ctx, func(tx ponte.Store) error { return tx.(*Store).seedPeople(ctx, people) })
}

func (s *Store) seedPeople(ctx context.Context, people []SeedPerson) error {
	rows := make([][]any, len(people))
	byEmail := make(map[string]*SeedPerson, len(people))
	for i := range people {
		u := &people[i].User
		u.CreatedAt, u.UpdatedAt = ts(u.CreatedAt), ts(u.UpdatedAt)
		rows[i] = []any{u.Email, u.DisplayName, u.PasswordHash, u.Role, u.Lang, tsp(u.EmailVerified), u.CreatedAt, u.UpdatedAt}
		byEmail[u.Email] = &people[i]
	}
	err := s.bulkQuery(ctx, "SeedPeople", `INSERT INTO users (email, display_name, password_hash, role, lang,
		email_verified_at, created_at, updated_at) VALUES`, `RETURNING id, email`, 8, rows, func(r *sql.Rows) error {
		var id int64
		var email string
		err := r.Scan(&id, &email)
		byEmail[email].User.ID = id
		return err
	})
	if err != nil {
		return err
	}
	return s.seedProfiles(ctx, people)
}

func (s *Store) seedProfiles(ctx context.Context, people []SeedPerson) error {
	var profiles, langs, skills [][]any
	for i := range people {
		p, id := &people[i].Profile, people[i].User.ID
		p.UserID, p.CreatedAt, p.UpdatedAt = id, ts(p.CreatedAt), ts(p.UpdatedAt)
		row := []any{id, p.Headline, p.Country, p.Region, p.ShowEmail}
		for _, sec := range ponte.ProfileSections {
			row = append(row, string(p.Vis(sec)))
		}
		profiles = append(profiles, append(row, p.CreatedAt, p.UpdatedAt))
		for _, l := range p.Languages {
			langs = append(langs, []any{id, l.Code, l.Level})
		}
		for j := range people[i].Skills {
			sk := &people[i].Skills[j]
			sk.UserID = id
			skills = append(skills, append(skillRow(sk), p.Region))
		}
	}
	cols := "user_id, headline, country, region, show_email"
	for _, sec := range ponte.ProfileSections {
		cols += ", vis_" + sec
	}
	if err := s.bulkExec(ctx, "SeedPeople", `INSERT INTO profiles (`+cols+`, created_at, updated_at) VALUES`,
		"", 7+len(ponte.ProfileSections), profiles); err != nil {
		return err
	}
	if err := s.bulkExec(ctx, "SeedPeople", `INSERT INTO profile_languages (user_id, code, level) VALUES`,
		"", 3, langs); err != nil {
		return err
	}
	return s.bulkExec(ctx, "SeedPeople", `INSERT INTO profile_skills (user_id, concept_id, level, evidence_kind,
		evidence_text, evidence_url, created_at, updated_at, region) VALUES`, "", 9, skills)
}
