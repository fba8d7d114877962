package seed_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/seed"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
)

// env is a service and its store on a fresh database.
type env struct {
	svc *service.Service
	st  *sqlstore.Store
	db  *sql.DB
}

func newEnv(t *testing.T, backend string) *env {
	t.Helper()
	st := sqltest.Open(t, backend)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	svc := service.New(st, service.Config{PasswordCost: service.TestPasswordParams}, nil, nil, log)
	return &env{svc: svc, st: st, db: st.DB().Writer()}
}

const testScale = 0.01 // 202 people, 24 organisations (12 real, 12 generated)

// TestSeed runs on each backend: an interrupted run leaves nothing, a run
// writes what the scale asks for and the directory finds it, a second run
// is refused, and a run with the same seed on another database writes the
// same data.
func TestSeed(t *testing.T) {
	for _, b := range sqltest.Backends(t) {
		t.Run(b, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			e := newEnv(t, b)
			testCancelLeavesNothing(t, e)
			rep, err := seed.Run(ctx, e.svc, e.st, seed.Options{Scale: testScale, Seed: 7})
			if err != nil {
				t.Fatal(err)
			}
			checkCounts(t, e, rep)
			checkDirectory(t, e)
			checkCompetences(t, e)
			if _, err := seed.Run(ctx, e.svc, e.st, seed.Options{Scale: testScale, Seed: 8}); !errors.Is(err, seed.ErrNotEmpty) {
				t.Fatalf("second run: %v, want ErrNotEmpty", err)
			}
			sum := checksum(t, e)
			other := newEnv(t, b)
			if _, err := seed.Run(ctx, other.svc, other.st, seed.Options{Scale: testScale, Seed: 7}); err != nil {
				t.Fatal(err)
			}
			if again := checksum(t, other); again != sum {
				t.Errorf("same seed, different data: %s vs %s", sum, again)
			}
			if err := seedForce(ctx, other); err != nil {
				t.Fatal(err)
			}
			if changed := checksum(t, other); changed == sum {
				t.Error("the checksum did not change when more data was added")
			}
		})
	}
}

// seedForce adds a second population with another seed.
func seedForce(ctx context.Context, e *env) error {
	_, err := seed.Run(ctx, e.svc, e.st, seed.Options{Scale: 0.001, Seed: 9, Force: true})
	return err
}

// testCancelLeavesNothing interrupts a run once the generated organisations
// are written (after the real ones): nothing may remain.
func testCancelLeavesNothing(t *testing.T, e *env) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var phases []string
	_, err := seed.Run(ctx, e.svc, e.st, seed.Options{Scale: testScale, Seed: 7, Progress: func(p seed.Progress) {
		phases = append(phases, p.Phase)
		if p.Phase == "organisations (generated)" {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled run: %v (phases %v)", err, phases)
	}
	for _, table := range []string{"users", "profiles", "profile_skills", "organisations", "org_projects",
		"org_members", "org_competences", "org_concepts", "endorsements"} {
		if n := count(t, e, "SELECT count(*) FROM "+table); n != 0 {
			t.Errorf("after a cancelled run %s has %d rows", table, n)
		}
	}
	if n := count(t, e, "SELECT count(*) FROM concepts"); n == 0 {
		t.Error("the taxonomy was not loaded")
	}
}

func checkCounts(t *testing.T, e *env, rep *seed.Report) {
	t.Helper()
	if rep.People != 202 || rep.RealOrgs != 12 || rep.GeneratedOrgs != 12 || rep.RealProjects == 0 || rep.GenProjects < 12 {
		t.Errorf("report %+v", rep)
	}
	checks := []struct {
		q    string
		want int
	}{
		{"SELECT count(*) FROM users", 202},
		{"SELECT count(*) FROM profiles", 202},
		{"SELECT count(*) FROM organisations", 24},
		{"SELECT count(*) FROM organisations WHERE source = 'seed'", 12},
		{"SELECT count(*) FROM users WHERE email_verified_at IS NULL", 0},
		{"SELECT count(DISTINCT user_id) FROM profile_skills", 202},
		{"SELECT count(*) FROM (SELECT user_id FROM profile_skills GROUP BY user_id HAVING count(*) > 12) x", 0},
		{"SELECT count(*) FROM (SELECT user_id FROM profile_languages GROUP BY user_id) x", 202},
		// Every generated organisation has exactly one owner.
		{"SELECT count(*) FROM org_members WHERE role = 'owner'", 12},
		{"SELECT count(DISTINCT m.org_id) FROM org_members m JOIN organisations o ON o.id = m.org_id WHERE m.role = 'owner' AND o.source = 'seed'", 12},
		{"SELECT count(DISTINCT org_id) FROM org_competences", 12},
		{"SELECT count(*) FROM organisations WHERE source = 'seed' AND project_count = 0", 0},
		{"SELECT count(*) FROM profile_skills s JOIN profiles p ON p.user_id = s.user_id WHERE s.region <> p.region", 0},
	}
	for _, c := range checks {
		if n := count(t, e, c.q); n != c.want {
			t.Errorf("%s = %d, want %d", c.q, n, c.want)
		}
	}
	if n := count(t, e, "SELECT count(*) FROM org_concepts"); n == 0 {
		t.Error("no competence summary")
	}
	if n := count(t, e, "SELECT count(DISTINCT source) FROM organisations WHERE source <> 'seed'"); n != 3 {
		t.Errorf("real organisations from %d lists, want 3", n)
	}
	var hash string
	if err := e.db.QueryRow("SELECT password_hash FROM users ORDER BY id LIMIT 1").Scan(&hash); err != nil {
		t.Fatal(err)
	}
	if ok, err := service.CheckPassword(seed.Password, hash); !ok || err != nil {
		t.Errorf("the seed password does not match the accounts' hash: %v", err)
	}
}

// checkDirectory finds a seeded person through the service's directory,
// by one of their skills and their region, and by organisation type.
func checkDirectory(t *testing.T, e *env) {
	t.Helper()
	ctx := context.Background()
	var id int64
	var region, uri, orgType string
	err := e.db.QueryRow(`SELECT p.user_id, p.region, c.uri, o.type FROM profiles p
		JOIN profile_skills s ON s.user_id = p.user_id JOIN concepts c ON c.id = s.concept_id
		JOIN org_members m ON m.user_id = p.user_id JOIN organisations o ON o.id = m.org_id
		WHERE p.vis_skills = 'public' AND p.vis_location = 'public' AND p.vis_affiliations = 'members'
		ORDER BY p.user_id, c.uri LIMIT 1`).Scan(&id, &region, &uri, &orgType)
	if err != nil {
		t.Fatal(err)
	}
	page, err := e.svc.Directory(ctx, nil, service.DirectoryQuery{SkillURI: uri, Region: region, Lang: "en", Limit: 100})
	if err != nil || !hasPerson(page, id) {
		t.Errorf("directory by skill %s and region %s: %v, person %d missing", uri, region, err, id)
	}
	member := &ponte.User{ID: -1, Role: ponte.RoleMember}
	page, err = e.svc.Directory(ctx, member, service.DirectoryQuery{OrgType: orgType, Region: region, Lang: "en", Limit: 100})
	if err != nil || !hasPerson(page, id) {
		t.Errorf("directory by organisation type %s and region %s: %v, person %d missing", orgType, region, err, id)
	}
}

// checkCompetences: a generated organisation's ranked competences carry
// all three kinds of evidence: declared, from projects, from members.
func checkCompetences(t *testing.T, e *env) {
	t.Helper()
	var orgID int64
	err := e.db.QueryRow(`SELECT o.id FROM organisations o JOIN org_members m ON m.org_id = o.id
		JOIN profiles p ON p.user_id = m.user_id WHERE o.source = 'seed' AND p.vis_skills = 'public'
		ORDER BY o.id LIMIT 1`).Scan(&orgID)
	if err != nil {
		t.Fatal(err)
	}
	cs, err := e.svc.OrgCompetences(context.Background(), orgID, "en", 500)
	if err != nil {
		t.Fatal(err)
	}
	var declared, projects, members bool
	for _, c := range cs {
		declared = declared || c.Declared
		projects = projects || c.Projects > 0
		members = members || c.Members > 0
	}
	if !declared || !projects || !members {
		t.Errorf("organisation %d: %d competences, declared %v, projects %v, members %v", orgID, len(cs), declared, projects, members)
	}
}

func hasPerson(page *service.DirectoryPage, id int64) bool {
	for _, it := range page.Items {
		if it.UserID == id {
			return true
		}
	}
	return false
}

func count(t *testing.T, e *env, q string) int {
	t.Helper()
	var n int
	if err := e.db.QueryRow(q).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// checksum digests the seeded tables by stable keys (e-mails, concept URIs,
// source keys), not by row ids.
func checksum(t *testing.T, e *env) string {
	t.Helper()
	h := sha256.New()
	for _, q := range []string{
		`SELECT email, display_name, role, lang, password_hash, created_at FROM users ORDER BY email`,
		`SELECT u.email, p.headline, p.country, p.region, p.vis_skills, p.vis_location, p.updated_at
			FROM profiles p JOIN users u ON u.id = p.user_id ORDER BY u.email`,
		`SELECT u.email, l.code, l.level FROM profile_languages l JOIN users u ON u.id = l.user_id ORDER BY u.email, l.code`,
		`SELECT u.email, c.uri, s.level, s.evidence_kind FROM profile_skills s JOIN users u ON u.id = s.user_id
			JOIN concepts c ON c.id = s.concept_id ORDER BY u.email, c.uri`,
		`SELECT u.email, c.uri, b.email FROM endorsements x JOIN users u ON u.id = x.user_id
			JOIN users b ON b.id = x.endorser_id JOIN concepts c ON c.id = x.concept_id ORDER BY u.email, c.uri, b.email`,
		`SELECT source, source_key, name, type, size_band, country, region, project_count, created_at
			FROM organisations ORDER BY source, source_key`,
		`SELECT o.source, o.source_key, p.source_key, p.title, p.start_date, p.budget_cents FROM org_projects p
			JOIN organisations o ON o.id = p.org_id ORDER BY o.source, o.source_key, p.source_key`,
		`SELECT o.source_key, u.email, m.role FROM org_members m JOIN organisations o ON o.id = m.org_id
			JOIN users u ON u.id = m.user_id ORDER BY o.source_key, u.email`,
		`SELECT o.source_key, c.uri, x.weight FROM org_concepts x JOIN organisations o ON o.id = x.org_id
			JOIN concepts c ON c.id = x.concept_id ORDER BY o.source, o.source_key, c.uri`,
	} {
		digestRows(t, e.db, q, h)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func digestRows(t *testing.T, db *sql.DB, q string, w io.Writer) {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	n := 0
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintln(w, vals...)
		n++
	}
	if err := rows.Err(); err != nil || n == 0 {
		t.Fatalf("%s: %d rows, %v", q, n, err)
	}
}
