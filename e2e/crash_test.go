package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ponte-platform/ponte/internal/sqlstore"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
)

// crashWriters is how many members write at once during the crash test.
const crashWriters = 4

// crashKills is how many times the server is killed: PONTE_CRASH_KILLS, 3
// in the README's test command (make reliability sets 20).
func crashKills(t *testing.T) int {
	if v := os.Getenv("PONTE_CRASH_KILLS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("PONTE_CRASH_KILLS=%q: want a positive number", v)
		}
		return n
	}
	return 3
}

// TestCrashKeepsAcknowledgedWrites runs a write load over HTTP (sign-ups,
// profile edits, new and published proposals, expressions of interest when
// the API has them) and kills the server with SIGKILL at random moments.
// After each kill every write whose response arrived (2xx or 303) must be in
// the database, and the database must pass its integrity checks; then the
// server restarts on the same database and port and the load goes on.
func TestCrashKeepsAcknowledgedWrites(t *testing.T) {
	t.Parallel()
	for _, backend := range sqltest.Backends(t) {
		t.Run(backend, func(t *testing.T) {
			t.Parallel()
			requireBinary(t)
			runCrashTest(t, backend, sqltest.URL(t, backend), crashKills(t))
		})
	}
}

func runCrashTest(t *testing.T, backend, dbURL string, kills int) {
	prepareDatabase(t, dbURL)
	writers := make([]*crashWriter, crashWriters)
	for i := range writers {
		w := &crashWriter{n: i, email: fmt.Sprintf("writer%d@crash.example.org", i), rng: rand.New(rand.NewPCG(uint64(i), 7))}
		runCLI(t, dbURL, "user", "create", "--email", w.email, "--password", crashPassword, "--name", "Writer "+strconv.Itoa(i))
		out := strings.TrimSpace(runCLI(t, dbURL, "token", "create", "--email", w.email))
		w.token = out[strings.LastIndexByte(out, '\n')+1:]
		writers[i] = w
	}
	srv := startCrashServer(t, dbURL)
	led := newLedger()
	for _, w := range writers {
		w.srv, w.led = srv, led
		w.logIn(t)
	}
	led.interestsAPI = hasOperation(t, srv.url, "/proposals/{id}/interests")
	if !led.interestsAPI {
		t.Logf("note: the API has no POST /proposals/{id}/interests yet: expressions of interest are not part of the load")
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for _, w := range writers {
		wg.Go(func() { w.run(stop) })
	}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	for k := 1; k <= kills; k++ {
		led.waitForProgress(t, 2*crashWriters)
		time.Sleep(time.Duration(rng.IntN(1500)) * time.Millisecond)
		srv.kill(t)
		time.Sleep(100 * time.Millisecond) // responses already on the wire reach the writers
		snap := led.snapshot()
		checkDatabase(t, backend, dbURL, snap, fmt.Sprintf("after kill %d", k))
		t.Logf("kill %d: all present so far: %s", k, snap)
		srv.start(t)
	}
	time.Sleep(500 * time.Millisecond)
	close(stop)
	wg.Wait()
	srv.stop(t)
	snap := led.snapshot()
	checkDatabase(t, backend, dbURL, snap, "at the end")
	if len(snap.signups) == 0 || len(snap.profiles) == 0 || len(snap.proposals) == 0 {
		t.Errorf("the load acknowledged too little to prove anything: %s", snap)
	}
	if t.Failed() {
		return
	}
	report(fmt.Sprintf("crash test (%s): %d SIGKILLs under %d writers; acknowledged %s; all present, integrity ok",
		backend, kills, crashWriters, snap))
}

const crashPassword = "crash test password 1"

// prepareTimeout bounds the first run of the binary on a new database: it
// migrates and loads the skills taxonomies, which on a busy machine with
// PostgreSQL takes longer than runCLI's limit.
const prepareTimeout = 5 * time.Minute

// prepareDatabase migrates a fresh database and loads the taxonomies, so
// that servers start on a ready database.
func prepareDatabase(t *testing.T, dbURL string) {
	t.Helper()
	requireBinary(t)
	ctx, cancel := context.WithTimeout(context.Background(), prepareTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, ponteBin, "migrate", "--database", dbURL)
	cmd.Env = ponteEnv("PONTE_LOG_FORMAT=text")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("ponte migrate: %v\n%s", err, out)
	}
}

// crashServer is a `ponte serve` process that the test kills and restarts
// on the same port and database.
type crashServer struct {
	dbURL, addr, url string
	mu               sync.Mutex // guards s while it is replaced
	s                *server
}

func startCrashServer(t *testing.T, dbURL string) *crashServer {
	port, err := freePort()
	if err != nil {
		t.Fatal(err)
	}
	c := &crashServer{dbURL: dbURL, addr: fmt.Sprintf("127.0.0.1:%d", port)}
	c.url = "http://" + c.addr
	c.start(t)
	t.Cleanup(func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.s != nil {
			select {
			case <-c.s.exited:
			default:
				c.s.kill()
			}
		}
	})
	return c
}

// start runs the server; sign-ups come from addresses given in
// X-Forwarded-For, so the sign-up rate limit does not end the load.
func (c *crashServer) start(t *testing.T) {
	t.Helper()
	s := &server{URL: c.url, exited: make(chan struct{})}
	s.cmd = exec.Command(ponteBin, "serve", "--addr", c.addr, "--database", c.dbURL)
	s.cmd.Env = ponteEnv("PONTE_BASE_URL="+c.url, "PONTE_LOG_FORMAT=text", "PONTE_LOG_LEVEL=warn",
		"PONTE_TRUST_PROXY=true", "PONTE_MAIL_FROM="+mailFrom)
	s.cmd.Stdout, s.cmd.Stderr = &s.stdout, &s.stderr
	if err := s.cmd.Start(); err != nil {
		t.Fatalf("start ponte: %v", err)
	}
	go func() {
		s.waitErr = s.cmd.Wait()
		close(s.exited)
	}()
	if err := s.waitReady(); err != nil {
		s.kill()
		t.Fatalf("restart after a crash: %v", err)
	}
	c.mu.Lock()
	c.s = s
	c.mu.Unlock()
}

// kill sends SIGKILL and waits for the process to be gone.
func (c *crashServer) kill(t *testing.T) {
	c.mu.Lock()
	s := c.s
	c.mu.Unlock()
	if err := s.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatalf("SIGKILL: %v", err)
	}
	<-s.exited
}

// stop ends the last server with SIGTERM, which must exit cleanly.
func (c *crashServer) stop(t *testing.T) {
	c.mu.Lock()
	s := c.s
	c.mu.Unlock()
	s.stop(t)
}

// ledger records every acknowledged write, and for profile edits the
// values sent after the last acknowledged one (they may or may not have
// committed before a kill).
type ledger struct {
	mu           sync.Mutex
	interestsAPI bool
	signups      []string           // e-mail addresses
	profiles     map[string]headset // by member e-mail
	proposals    map[int64]proposalAck
	interests    map[[2]string]bool // {proposal id, member e-mail}
	acked        int                // every acknowledged write, of any kind
	edits        int                // acknowledged profile edits
}

// headset is a member's headline: the last acknowledged value, and those
// sent since without an answer.
type headset struct {
	acked   string
	pending []string
}

// proposalAck is a proposal written (and maybe published) by a member.
type proposalAck struct {
	title     string
	author    string
	published bool
}

// acks counts acknowledged writes of every kind.
func (l *ledger) acks() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.acked
}

// waitForProgress waits until n more writes are acknowledged, so that every
// kill interrupts a running load (a busy machine may need a while after a
// restart); after progressTimeout the kill comes anyway.
func (l *ledger) waitForProgress(t *testing.T, n int) {
	from := l.acks()
	deadline := time.Now().Add(progressTimeout)
	for l.acks() < from+n {
		if time.Now().After(deadline) {
			t.Logf("note: only %d writes acknowledged in %s", l.acks()-from, progressTimeout)
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// progressTimeout bounds the wait for writes between two kills.
const progressTimeout = 60 * time.Second

func newLedger() *ledger {
	return &ledger{profiles: map[string]headset{}, proposals: map[int64]proposalAck{}, interests: map[[2]string]bool{}}
}

// ledgerSnap is a copy of the ledger at one moment.
type ledgerSnap struct {
	signups   []string
	profiles  map[string]headset
	proposals map[int64]proposalAck
	interests [][2]string
	acked     int
	edits     int
}

func (s ledgerSnap) String() string {
	pub := 0
	for _, p := range s.proposals {
		if p.published {
			pub++
		}
	}
	return fmt.Sprintf("%d writes: %d sign-ups, %d profile edits (%d members), %d proposals (%d published), %d expressions of interest",
		s.acked, len(s.signups), s.edits, len(s.profiles), len(s.proposals), pub, len(s.interests))
}

func (l *ledger) snapshot() ledgerSnap {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := ledgerSnap{signups: slices.Clone(l.signups), profiles: map[string]headset{}, proposals: map[int64]proposalAck{},
		acked: l.acked, edits: l.edits}
	for k, v := range l.profiles {
		s.profiles[k] = headset{acked: v.acked, pending: slices.Clone(v.pending)}
	}
	for k, v := range l.proposals {
		s.proposals[k] = v
	}
	for k := range l.interests {
		s.interests = append(s.interests, k)
	}
	return s
}

// crashWriter is one member writing in a loop.
type crashWriter struct {
	n            int
	email, token string
	cookie       string
	srv          *crashServer
	led          *ledger
	rng          *rand.Rand
	seq          int
	drafts       []int64
}

var crashClient = &http.Client{Timeout: 30 * time.Second,
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// post sends a form (or, with a JSON body, an API call) and returns the
// status and Location; status 0 means no answer (the server is down).
func (w *crashWriter) post(path string, form url.Values, xff string) (int, string) {
	req, _ := http.NewRequest("POST", w.srv.url+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if w.cookie != "" {
		req.Header.Set("Cookie", w.cookie)
	}
	if xff != "" {
		req.Header.Set("X-Forwarded-For", xff)
	}
	return crashDo(req)
}

func crashDo(req *http.Request) (int, string) {
	resp, err := crashClient.Do(req)
	if err != nil {
		return 0, ""
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode, resp.Header.Get("Location")
}

// logIn signs the writer in; the session lives in the database, so it
// survives every crash.
func (w *crashWriter) logIn(t *testing.T) {
	req, _ := http.NewRequest("POST", w.srv.url+"/login", strings.NewReader(url.Values{"email": {w.email},
		"password": {crashPassword}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Forwarded-For", "192.0.2."+strconv.Itoa(w.n+1))
	resp, err := crashClient.Do(req)
	if err != nil {
		t.Fatalf("sign in %s: %v", w.email, err)
	}
	resp.Body.Close()
	var parts []string
	for _, c := range resp.Cookies() {
		parts = append(parts, c.Name+"="+c.Value)
	}
	if resp.StatusCode != http.StatusSeeOther || len(parts) == 0 {
		t.Fatalf("sign in %s: %d, cookies %v", w.email, resp.StatusCode, parts)
	}
	w.cookie = strings.Join(parts, "; ")
}

// run writes until stop; while the server is down requests fail fast and
// the writer waits a moment.
func (w *crashWriter) run(stop chan struct{}) {
	for {
		select {
		case <-stop:
			return
		default:
		}
		w.seq++
		var status int
		switch op := w.rng.IntN(10); {
		case op < 2:
			status = w.signUp()
		case op < 5:
			status = w.editProfile()
		case op < 7:
			status = w.writeProposal()
		case op < 8:
			status = w.publish()
		default:
			status = w.expressInterest()
		}
		if status == 0 {
			time.Sleep(50 * time.Millisecond)
		}
	}
}

func (w *crashWriter) signUp() int {
	email := fmt.Sprintf("new-%d-%d@crash.example.org", w.n, w.seq)
	xff := fmt.Sprintf("10.%d.%d.%d", w.n, w.seq/250%250, w.seq%250+1)
	st, _ := (&crashWriter{srv: w.srv}).post("/signup", url.Values{"email": {email}, "display_name": {"New " + email},
		"password": {crashPassword}, "accept_terms": {"1"}}, xff)
	if st == http.StatusSeeOther {
		w.led.mu.Lock()
		w.led.signups = append(w.led.signups, email)
		w.led.acked++
		w.led.mu.Unlock()
	}
	return st
}

func (w *crashWriter) editProfile() int {
	head := fmt.Sprintf("Headline %d.%d", w.n, w.seq)
	w.led.mu.Lock()
	h := w.led.profiles[w.email]
	h.pending = append(h.pending, head)
	w.led.profiles[w.email] = h
	w.led.mu.Unlock()
	st, _ := w.post("/profile/section/about", url.Values{"display_name": {"Writer " + strconv.Itoa(w.n)},
		"headline": {head}, "bio": {"Edited under a crash load."}}, "")
	if st == http.StatusSeeOther {
		w.led.mu.Lock()
		w.led.profiles[w.email] = headset{acked: head}
		w.led.acked++
		w.led.edits++
		w.led.mu.Unlock()
	}
	return st
}

var proposalPath = regexp.MustCompile(`/proposals/(\d+)$`)

func (w *crashWriter) writeProposal() int {
	title := fmt.Sprintf("Crash proposal %d.%d", w.n, w.seq)
	st, loc := w.post("/proposals", url.Values{"type": {"technology_offer"}, "lang": {"en"}, "title": {title},
		"summary": {"Written while the server is being killed."}, "skill1_q": {"write research proposals"},
		"level1": {"2"}}, "")
	m := proposalPath.FindStringSubmatch(loc)
	if st != http.StatusSeeOther || m == nil {
		return st
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	w.drafts = append(w.drafts, id)
	w.led.mu.Lock()
	w.led.proposals[id] = proposalAck{title: title, author: w.email}
	w.led.acked++
	w.led.mu.Unlock()
	return st
}

func (w *crashWriter) publish() int {
	if len(w.drafts) == 0 {
		return w.writeProposal()
	}
	id := w.drafts[0]
	st, _ := w.post("/proposals/"+strconv.FormatInt(id, 10)+"/status", url.Values{"to": {"published"}}, "")
	if st == http.StatusSeeOther {
		w.drafts = w.drafts[1:]
		w.led.mu.Lock()
		p := w.led.proposals[id]
		p.published = true
		w.led.proposals[id] = p
		w.led.acked++
		w.led.mu.Unlock()
	}
	return st
}

// expressInterest expresses interest, through the API, in a published
// proposal of another writer.
func (w *crashWriter) expressInterest() int {
	if !w.led.interestsAPI {
		return w.editProfile()
	}
	var target int64
	w.led.mu.Lock()
	for id, p := range w.led.proposals {
		if p.published && p.author != w.email && !w.led.interests[[2]string{strconv.FormatInt(id, 10), w.email}] {
			target = id
			break
		}
	}
	w.led.mu.Unlock()
	if target == 0 {
		return w.publish()
	}
	body, _ := json.Marshal(map[string]string{"message": fmt.Sprintf("Interested (%d.%d)", w.n, w.seq)})
	req, _ := http.NewRequest("POST", fmt.Sprintf("%s/api/v1/proposals/%d/interests", w.srv.url, target),
		strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+w.token)
	st, _ := crashDo(req)
	if st >= 200 && st < 300 {
		w.led.mu.Lock()
		w.led.interests[[2]string{strconv.FormatInt(target, 10), w.email}] = true
		w.led.acked++
		w.led.mu.Unlock()
	}
	return st
}

// hasOperation reports whether the API's OpenAPI document has a path.
func hasOperation(t *testing.T, base, path string) bool {
	resp, err := http.Get(base + "/api/v1/openapi.json")
	if err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	defer resp.Body.Close()
	var doc struct {
		Paths map[string]map[string]any `json:"paths"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	_, ok := doc.Paths[path]["post"]
	return ok
}

// checkDatabase opens the database directly (the server is down) and checks
// its integrity and that every acknowledged write is there.
func checkDatabase(t *testing.T, backend, dbURL string, snap ledgerSnap, when string) {
	t.Helper()
	for _, p := range databaseProblems(t, backend, dbURL, snap, when) {
		t.Error(p)
	}
}

// databaseProblems lists what is wrong: lost or altered writes, failed
// integrity checks.
func databaseProblems(t *testing.T, backend, dbURL string, snap ledgerSnap, when string) []string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	db, err := sqlstore.Open(ctx, dbURL)
	if err != nil {
		t.Fatalf("%s: open the database: %v", when, err)
	}
	defer db.Close()
	q := &crashQuery{t: t, ctx: ctx, db: db, when: when}
	q.integrity(backend)
	q.signups(snap.signups)
	q.profiles(snap.profiles)
	q.proposals(snap.proposals)
	q.interests(snap.interests)
	return q.problems
}

// crashQuery runs the checks' queries; no query takes parameters, so one
// text serves both dialects.
type crashQuery struct {
	t        *testing.T
	ctx      context.Context
	db       *sqlstore.DB
	when     string
	problems []string
}

func (q *crashQuery) problem(format string, args ...any) {
	q.problems = append(q.problems, q.when+": "+fmt.Sprintf(format, args...))
}

// rows returns the rows of a query as strings joined by "|".
func (q *crashQuery) rows(query string) []string {
	q.t.Helper()
	rows, err := q.db.Writer().QueryContext(q.ctx, query)
	if err != nil {
		q.t.Fatalf("%s: %s: %v", q.when, query, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			q.t.Fatalf("%s: %v", q.when, err)
		}
		parts := make([]string, len(vals))
		for i, v := range vals {
			if b, ok := v.([]byte); ok {
				v = string(b)
			}
			parts[i] = fmt.Sprint(v)
		}
		out = append(out, strings.Join(parts, "|"))
	}
	if err := rows.Err(); err != nil {
		q.t.Fatalf("%s: %v", q.when, err)
	}
	return out
}

// integrity runs SQLite's own checks (structure and foreign keys); on
// PostgreSQL, which enforces its constraints, it looks for rows a torn
// write would orphan.
func (q *crashQuery) integrity(backend string) {
	q.t.Helper()
	if backend == sqlstore.SQLite {
		if got := q.rows("PRAGMA integrity_check"); len(got) != 1 || got[0] != "ok" {
			q.problem("PRAGMA integrity_check = %v", got)
		}
		if got := q.rows("PRAGMA foreign_key_check"); len(got) != 0 {
			q.problem("PRAGMA foreign_key_check = %v", got)
		}
		return
	}
	for _, check := range []string{
		"SELECT count(*) FROM proposal_skills s LEFT JOIN proposals p ON p.id = s.proposal_id WHERE p.id IS NULL",
		"SELECT count(*) FROM proposals p LEFT JOIN users u ON u.id = p.proposer_id WHERE u.id IS NULL",
		"SELECT count(*) FROM profiles p LEFT JOIN users u ON u.id = p.user_id WHERE u.id IS NULL",
		"SELECT count(*) FROM sessions s LEFT JOIN users u ON u.id = s.user_id WHERE u.id IS NULL",
		// an index left invalid (a crash during CREATE INDEX CONCURRENTLY) would be skipped by the planner
		"SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid " +
			"WHERE c.relnamespace = current_schema()::regnamespace AND NOT (i.indisvalid AND i.indisready)",
	} {
		if got := q.rows(check); len(got) != 1 || got[0] != "0" {
			q.problem("%s = %v, want 0", check, got)
		}
	}
}

func (q *crashQuery) signups(emails []string) {
	q.t.Helper()
	have := map[string]bool{}
	for _, e := range q.rows("SELECT email FROM users WHERE email LIKE 'new-%'") {
		have[e] = true
	}
	for _, e := range emails {
		if !have[e] {
			q.problem("the acknowledged sign-up of %s is lost", e)
		}
	}
}

func (q *crashQuery) profiles(want map[string]headset) {
	q.t.Helper()
	have := map[string]string{}
	for _, r := range q.rows("SELECT u.email, p.headline FROM users u JOIN profiles p ON p.user_id = u.id WHERE u.email LIKE 'writer%'") {
		e, h, _ := strings.Cut(r, "|")
		have[e] = h
	}
	for e, h := range want {
		if h.acked == "" {
			continue // nothing acknowledged yet
		}
		if got, ok := have[e]; !ok || (got != h.acked && !slices.Contains(h.pending, got)) {
			q.problem("%s's headline is %q, want the acknowledged %q (or a later attempt %q)", e, got, h.acked, h.pending)
		}
	}
}

func (q *crashQuery) proposals(want map[int64]proposalAck) {
	q.t.Helper()
	have := map[int64]string{}
	for _, r := range q.rows("SELECT p.id, p.title, p.status FROM proposals p") {
		f := strings.SplitN(r, "|", 3)
		id, _ := strconv.ParseInt(f[0], 10, 64)
		have[id] = f[1] + "|" + f[2]
	}
	for id, p := range want {
		got, ok := have[id]
		title, status, _ := strings.Cut(got, "|")
		switch {
		case !ok:
			q.problem("the acknowledged proposal %d (%q) is lost", id, p.title)
		case title != p.title:
			q.problem("proposal %d is titled %q, want %q", id, title, p.title)
		case p.published && status != "published":
			q.problem("proposal %d was published (acknowledged) but is %q", id, status)
		}
	}
}

func (q *crashQuery) interests(want [][2]string) {
	q.t.Helper()
	if len(want) == 0 {
		return
	}
	have := map[[2]string]bool{}
	for _, r := range q.rows("SELECT i.proposal_id, u.email FROM proposal_interests i JOIN users u ON u.id = i.user_id") {
		id, e, _ := strings.Cut(r, "|")
		have[[2]string{id, e}] = true
	}
	for _, k := range want {
		if !have[k] {
			q.problem("%s's acknowledged interest in proposal %s is lost", k[1], k[0])
		}
	}
}

// TestCrashCheckFindsLostWrites shows that the crash test's check can fail:
// on a database without them, acknowledged writes are reported lost.
func TestCrashCheckFindsLostWrites(t *testing.T) {
	t.Parallel()
	dbURL := sqltest.URL(t, sqlstore.SQLite)
	sqltest.OpenURL(t, dbURL) // migrated, empty
	snap := ledgerSnap{signups: []string{"new-0-1@crash.example.org"},
		profiles:  map[string]headset{"writer0@crash.example.org": {acked: "Headline 0.2"}},
		proposals: map[int64]proposalAck{42: {title: "Crash proposal 0.3", published: true}},
		interests: [][2]string{{"42", "writer1@crash.example.org"}}}
	got := databaseProblems(t, sqlstore.SQLite, dbURL, snap, "self-test")
	if len(got) != 4 {
		t.Fatalf("the check found %d problems, want 4 (one per lost write):\n%s", len(got), strings.Join(got, "\n"))
	}
	if p := databaseProblems(t, sqlstore.SQLite, dbURL, ledgerSnap{}, "self-test"); len(p) != 0 {
		t.Fatalf("an empty ledger on an intact database gave problems: %v", p)
	}
}
