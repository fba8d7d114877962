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
			schema := SchemaSignature(t, e.db)
			testCancelLeavesNothing(t, e)
			if got := SchemaSignature(t, e.db); got != schema {
				t.Errorf("an interrupted seed changed the schema:\n%s\nwas\n%s", got, schema)
			}
			rep, err := seed.Run(ctx, e.svc, e.st, seed.Options{Scale: testScale, Seed: 7})
			if err != nil {
				t.Fatal(err)
			}
			checkCounts(t, e, rep)
			checkDirectory(t, e)
			checkCompetences(t, e)
			checkProposals(t, e)
			if got := SchemaSignature(t, e.db); got != schema {
				t.Errorf("the seed changed the schema (indexes or foreign keys not rebuilt):\n%s\nwas\n%s", got, schema)
			}
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
		"org_members", "org_competences", "org_concepts", "endorsements", "proposals", "proposal_skills",
		"proposal_codes", "proposal_events"} {
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
		// The summaries a seed refreshes in bulk are what the store keeps
		// row by row: project counts, the competence summary of every
		// organisation, the number of organisations of every concept.
		{"SELECT count(*) FROM organisations o WHERE project_count <> (SELECT count(*) FROM org_projects p WHERE p.org_id = o.id)", 0},
		{`SELECT count(*) FROM (SELECT org_id, concept_id FROM org_competences UNION SELECT org_id, concept_id FROM org_project_skills) x
			WHERE NOT EXISTS (SELECT 1 FROM org_concepts c WHERE c.org_id = x.org_id AND c.concept_id = x.concept_id)`, 0},
		{`SELECT count(*) FROM org_concepts c WHERE c.projects <> (SELECT count(*) FROM org_project_skills p
			WHERE p.org_id = c.org_id AND p.concept_id = c.concept_id)`, 0},
		{`SELECT count(*) FROM org_concept_counts n WHERE n.orgs <> (SELECT count(*) FROM org_concepts c WHERE c.concept_id = n.concept_id)`, 0},
		{`SELECT count(DISTINCT concept_id) FROM org_concepts WHERE concept_id NOT IN (SELECT concept_id FROM org_concept_counts)`, 0},
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
		`SELECT u.email, p.created_at, p.type, p.status, p.close_reason, p.title, p.summary, p.description, p.lang,
			p.deadline, p.call_ref, COALESCE(o.source_key, ''), p.published_at, p.closed_at, p.updated_at
			FROM proposals p JOIN users u ON u.id = p.proposer_id LEFT JOIN organisations o ON o.id = p.org_id
			ORDER BY u.email, p.created_at, p.title, p.type`,
		`SELECT u.email, p.created_at, p.title, c.uri, s.essential, s.min_level FROM proposal_skills s
			JOIN proposals p ON p.id = s.proposal_id JOIN users u ON u.id = p.proposer_id
			JOIN concepts c ON c.id = s.concept_id ORDER BY u.email, p.created_at, p.title, c.uri`,
		`SELECT u.email, p.created_at, p.title, x.kind, x.code FROM proposal_codes x
			JOIN proposals p ON p.id = x.proposal_id JOIN users u ON u.id = p.proposer_id
			ORDER BY u.email, p.created_at, p.title, x.kind, x.code`,
		`SELECT u.email, p.created_at, p.title, e.from_status, e.to_status, e.reason, e.actor_id IS NULL, e.created_at
			FROM proposal_events e JOIN proposals p ON p.id = e.proposal_id JOIN users u ON u.id = p.proposer_id
			ORDER BY u.email, p.created_at, p.title, e.created_at, e.to_status`,
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

// checkProposals: the scale's share of proposals, mostly published, each
// asking for skills that someone in the population holds at the level
// asked, with the history its state needs, dated around the reference day,
// and readable through the service in their own language.
func checkProposals(t *testing.T, e *env) {
	t.Helper()
	checks := []struct {
		q    string
		want int
	}{
		{"SELECT count(*) FROM proposals", 74}, // 0.01 × 7,354
		// Every proposal needs a skill somebody holds at the level asked.
		{`SELECT count(*) FROM proposals p WHERE NOT EXISTS (SELECT 1 FROM proposal_skills ps
			JOIN profile_skills s ON s.concept_id = ps.concept_id AND s.level >= ps.min_level
			WHERE ps.proposal_id = p.id AND ps.essential = 1)`, 0},
		{"SELECT count(*) FROM proposals WHERE lang NOT IN ('en', 'it', 'el', 'hr', 'ro', 'sl')", 0},
		{"SELECT count(*) FROM proposals WHERE title = '' OR summary = '' OR description = ''", 0},
		{`SELECT count(*) FROM proposals p WHERE p.published_at IS NOT NULL AND NOT EXISTS (SELECT 1
			FROM proposal_events e WHERE e.proposal_id = p.id AND e.to_status = 'published')`, 0},
		{`SELECT count(*) FROM proposals p WHERE p.status IN ('closed', 'archived') AND (p.closed_at IS NULL
			OR p.close_reason = '' OR NOT EXISTS (SELECT 1 FROM proposal_events e WHERE e.proposal_id = p.id
			AND e.to_status = 'closed' AND e.reason = p.close_reason))`, 0},
		// Open proposals' deadlines are after the reference day (2026-06-01).
		{"SELECT count(*) FROM proposals WHERE status = 'published' AND deadline <> '' AND deadline <= '2026-06-01'", 0},
		{"SELECT count(*) FROM proposals WHERE type = 'research_partner_search' AND call_ref = ''", 0},
		{`SELECT count(*) FROM proposals p JOIN users u ON u.id = p.proposer_id WHERE p.lang <> u.lang`, 0},
		{`SELECT count(*) FROM proposals p WHERE p.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM org_members m
			WHERE m.org_id = p.org_id AND m.user_id = p.proposer_id)`, 0},
	}
	for _, c := range checks {
		if n := count(t, e, c.q); n != c.want {
			t.Errorf("%s = %d, want %d", c.q, n, c.want)
		}
	}
	if pub := count(t, e, "SELECT count(*) FROM proposals WHERE status = 'published'"); pub < 74/2 {
		t.Errorf("only %d of 74 proposals published", pub)
	}
	if n := count(t, e, "SELECT count(DISTINCT status) FROM proposals"); n < 3 {
		t.Errorf("proposals in %d states, want published, closed and drafts", n)
	}
	var id int64
	var lang string
	err := e.db.QueryRow("SELECT id, lang FROM proposals WHERE status = 'published' ORDER BY id LIMIT 1").Scan(&id, &lang)
	if err != nil {
		t.Fatal(err)
	}
	p, _, err := e.svc.Proposal(context.Background(), nil, id, lang)
	if err != nil || len(p.Skills) == 0 || p.Title == "" {
		t.Fatalf("proposal %d through the service: %+v %v", id, p, err)
	}
	fe := ponte.FieldErrors{}
	p.Validate(fe)
	p.ValidatePublish(fe)
	if len(fe) > 0 {
		t.Errorf("seeded proposal %d does not validate: %v", id, fe)
	}
}

// SchemaSignature lists the indexes and constraints of the database (the
// test's PostgreSQL schema), which a seed drops and rebuilds for speed.
func SchemaSignature(t *testing.T, db *sql.DB) string {
	t.Helper()
	var sig string
	err := db.QueryRow(`SELECT COALESCE(group_concat(name || ':' || sql, ';'), '') FROM (SELECT name, sql
		FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name)`).Scan(&sig)
	if err == nil {
		return sig
	}
	var idx, cons string
	err = db.QueryRow(`SELECT string_agg(indexdef, ';' ORDER BY indexname) FROM pg_indexes
		WHERE schemaname = current_schema()`).Scan(&idx)
	if err == nil {
		err = db.QueryRow(`SELECT string_agg(conname || ' ' || pg_get_constraintdef(oid), ';' ORDER BY conname)
			FROM pg_constraint WHERE connamespace = current_schema()::regnamespace`).Scan(&cons)
	}
	if err != nil {
		t.Fatal(err)
	}
	return idx + "\n" + cons
}
