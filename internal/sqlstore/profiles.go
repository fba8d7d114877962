package sqlstore

import (
	"context"
	"database/sql"
	"strings"

	"github.com/ponte-platform/ponte"
)

// visCols are the profile's visibility columns, one per section.
func visCols() string {
	cols := make([]string, len(ponte.ProfileSections))
	for i, s := range ponte.ProfileSections {
		cols[i] = "p.vis_" + s
	}
	return strings.Join(cols, ", ")
}

var profileCols = `p.user_id, u.display_name, u.email, p.headline, p.bio, p.photo_id, p.country,
	p.region, p.affiliations, p.offer, p.seek, p.show_email, p.allow_contact, ` + visCols() +
	`, p.created_at, p.updated_at`

func scanProfile(row rowScanner) (*ponte.Profile, error) {
	p := &ponte.Profile{Exists: true, Visibility: map[string]ponte.Visibility{}}
	var photo sql.NullInt64
	var affiliations string
	vis := make([]string, len(ponte.ProfileSections))
	dest := []any{&p.UserID, &p.DisplayName, &p.Email, &p.Headline, &p.Bio, &photo, &p.Country,
		&p.Region, &affiliations, &p.Offer, &p.Seek, &p.ShowEmail, &p.AllowContact}
	for i := range vis {
		dest = append(dest, &vis[i])
	}
	if err := row.Scan(append(dest, &p.CreatedAt, &p.UpdatedAt)...); err != nil {
		return nil, err
	}
	for i, s := range ponte.ProfileSections {
		p.Visibility[s] = ponte.Visibility(vis[i])
	}
	if photo.Valid {
		p.PhotoID = &photo.Int64
	}
	if affiliations != "" {
		p.Affiliations = strings.Split(affiliations, "\n")
	}
	p.CreatedAt, p.UpdatedAt = p.CreatedAt.UTC(), p.UpdatedAt.UTC()
	return p, nil
}

// idArgs turns ids into query arguments.
func idArgs(ids []int64) []any {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return args
}

// ProfilesByUsers loads profiles with their languages and interests: three
// queries for any number of people.
func (s *Store) ProfilesByUsers(ctx context.Context, ids []int64) (map[int64]*ponte.Profile, error) {
	out := make(map[int64]*ponte.Profile, len(ids))
	for _, c := range chunks(len(ids), 1) {
		args := idArgs(ids[c[0]:c[1]])
		in := inList(len(args))
		err := s.queryEach(ctx, s.r, "ProfilesByUsers", `SELECT `+profileCols+` FROM profiles p
			JOIN users u ON u.id = p.user_id WHERE u.deactivated_at IS NULL AND p.user_id IN (`+in+`)`,
			args, func(r *sql.Rows) error {
				p, err := scanProfile(r)
				if err == nil {
					out[p.UserID] = p
				}
				return err
			})
		if err != nil {
			return nil, err
		}
		if err := s.profileLists(ctx, in, args, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// profileLists fills the languages and interests of the profiles in out.
func (s *Store) profileLists(ctx context.Context, in string, args []any, out map[int64]*ponte.Profile) error {
	err := s.queryEach(ctx, s.r, "ProfilesByUsers.languages", `SELECT user_id, code, level
		FROM profile_languages WHERE user_id IN (`+in+`) ORDER BY user_id, level DESC, code`, args,
		func(r *sql.Rows) error {
			var id int64
			var l ponte.SpokenLanguage
			if err := r.Scan(&id, &l.Code, &l.Level); err != nil {
				return err
			}
			if p := out[id]; p != nil {
				p.Languages = append(p.Languages, l)
			}
			return nil
		})
	if err != nil {
		return err
	}
	return s.queryEach(ctx, s.r, "ProfilesByUsers.interests", `SELECT user_id, kind, code
		FROM profile_interests WHERE user_id IN (`+in+`) ORDER BY user_id, kind, code`, args,
		func(r *sql.Rows) error {
			var id int64
			var kind, code string
			if err := r.Scan(&id, &kind, &code); err != nil {
				return err
			}
			if p := out[id]; p != nil && kind == ponte.InterestTheme {
				p.Themes = append(p.Themes, code)
			} else if p != nil {
				p.S3Areas = append(p.S3Areas, code)
			}
			return nil
		})
}

// SaveProfile upserts the profile row and replaces its languages and
// interests, in one transaction.
func (s *Store) SaveProfile(ctx context.Context, p *ponte.Profile) error {
	return s.Tx(ctx, func(tx ponte.Store) error { return tx.(*Store).saveProfile(ctx, p) })
}

func (s *Store) saveProfile(ctx context.Context, p *ponte.Profile) error {
	p.CreatedAt, p.UpdatedAt = ts(p.CreatedAt), ts(p.UpdatedAt)
	cols := []string{"user_id", "headline", "bio", "photo_id", "country", "region", "affiliations",
		"offer", "seek", "show_email", "allow_contact"}
	args := []any{p.UserID, p.Headline, p.Bio, p.PhotoID, p.Country, p.Region,
		strings.Join(p.Affiliations, "\n"), p.Offer, p.Seek, p.ShowEmail, p.AllowContact}
	for _, sec := range ponte.ProfileSections {
		cols, args = append(cols, "vis_"+sec), append(args, string(p.Vis(sec)))
	}
	cols, args = append(cols, "created_at", "updated_at"), append(args, p.CreatedAt, p.UpdatedAt)
	set := make([]string, 0, len(cols))
	for _, c := range cols[1:] {
		if c != "created_at" {
			set = append(set, c+" = excluded."+c)
		}
	}
	_, err := s.w.ExecContext(ctx, s.q(`INSERT INTO profiles (`+strings.Join(cols, ", ")+`)
		VALUES (`+inList(len(cols))+`) ON CONFLICT (user_id) DO UPDATE SET `+strings.Join(set, ", ")), args...)
	if err != nil {
		return mapErr("SaveProfile", err)
	}
	p.Exists = true
	if err := s.saveProfileLists(ctx, p); err != nil {
		return err
	}
	return s.syncSkillRegion(ctx, p.UserID)
}

func (s *Store) saveProfileLists(ctx context.Context, p *ponte.Profile) error {
	for _, t := range []string{"profile_languages", "profile_interests"} {
		if _, err := s.w.ExecContext(ctx, s.q(`DELETE FROM `+t+` WHERE user_id = ?`), p.UserID); err != nil {
			return mapErr("SaveProfile", err)
		}
	}
	langs := make([][]any, len(p.Languages))
	for i, l := range p.Languages {
		langs[i] = []any{p.UserID, l.Code, l.Level}
	}
	if err := s.bulkExec(ctx, "SaveProfile", `INSERT INTO profile_languages (user_id, code, level) VALUES`,
		"", 3, langs); err != nil {
		return err
	}
	var interests [][]any
	for _, c := range p.Themes {
		interests = append(interests, []any{p.UserID, ponte.InterestTheme, c})
	}
	for _, c := range p.S3Areas {
		interests = append(interests, []any{p.UserID, ponte.InterestS3, c})
	}
	return s.bulkExec(ctx, "SaveProfile", `INSERT INTO profile_interests (user_id, kind, code) VALUES`,
		"", 3, interests)
}

// UserOrganisations lists the organisations of many people in one query.
func (s *Store) UserOrganisations(ctx context.Context, ids []int64) (map[int64][]ponte.OrgAffiliation, error) {
	out := map[int64][]ponte.OrgAffiliation{}
	for _, c := range chunks(len(ids), 1) {
		args := idArgs(ids[c[0]:c[1]])
		err := s.queryEach(ctx, s.r, "UserOrganisations", `SELECT m.user_id, o.id, o.name, o.type, m.role
			FROM org_members m JOIN organisations o ON o.id = m.org_id
			WHERE m.user_id IN (`+inList(len(args))+`) ORDER BY m.user_id, o.name, o.id`, args,
			func(r *sql.Rows) error {
				var uid int64
				var a ponte.OrgAffiliation
				if err := r.Scan(&uid, &a.OrgID, &a.Name, &a.Type, &a.Role); err != nil {
					return err
				}
				out[uid] = append(out[uid], a)
				return nil
			})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
