package e2e

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ponte-platform/ponte/internal/sqlstore"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
)

// TestTwoNodesBehindAProxy runs two `ponte serve` processes on one
// PostgreSQL database behind a round-robin reverse proxy, as a scaled-out
// deployment does: a member signs up through the proxy, verifies the
// address and signs in; the session works on both nodes, a write on one is
// read on the other, signing out on one ends the session on both, and the
// sign-in rate limit counts attempts on both nodes together.
func TestTwoNodesBehindAProxy(t *testing.T) {
	t.Parallel()
	if !slices.Contains(sqltest.Backends(t), sqlstore.Postgres) {
		t.Skip("needs PostgreSQL (PONTE_TEST_POSTGRES_URL)")
	}
	requireBinary(t)
	db := sqltest.URL(t, sqlstore.Postgres)
	// Migrate and load the taxonomy once, so the nodes start on a ready database.
	prepareDatabase(t, db)
	nodes := []*server{startServer(t, db, ""), startServer(t, db, "")}
	p := newRoundRobin(t, nodes)
	m := member{Name: "Hedy Lamarr", Email: "hedy@example.org", Password: "frequency hopping 1942"}
	c := p.client()

	r := p.do(c, "", "POST", "/signup", url.Values{"display_name": {m.Name}, "email": {m.Email},
		"password": {m.Password}, "accept_terms": {"1"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("sign-up through the proxy = %d", r.status)
	}
	token := verificationToken(t, nodes)
	if r = p.do(c, "", "GET", "/verify?token="+url.QueryEscape(token), nil); r.status != http.StatusOK {
		t.Fatalf("verification through the proxy = %d", r.status)
	}
	if r = p.do(c, "", "POST", "/login", url.Values{"email": {m.Email}, "password": {m.Password}}); r.status != http.StatusSeeOther {
		t.Fatalf("sign-in through the proxy = %d", r.status)
	}

	for i := range 4 { // round robin: the account page comes from each node twice
		if r = p.do(c, "", "GET", "/account", nil); r.status != 200 || !strings.Contains(r.body, m.Email) {
			t.Fatalf("request %d to /account (node %d) = %d, without the member's address", i, r.node, r.status)
		}
	}
	for i, n := range nodes {
		if got := strings.Count(n.stderr.String(), "path=/account "); got < 2 {
			t.Errorf("node %d logged %d requests to /account, want 2 (both nodes must serve the session)", i, got)
		}
	}

	// A write on node 0 is read on node 1.
	headline := "Inventor and actress " + time.Now().Format("150405.000")
	if r = p.do(c, nodes[0].URL, "POST", "/profile/section/about", url.Values{"display_name": {m.Name},
		"headline": {headline}}); r.status != http.StatusSeeOther {
		t.Fatalf("profile edit on node 0 = %d", r.status)
	}
	if r = p.do(c, nodes[1].URL, "GET", "/profile/edit", nil); r.status != 200 || !strings.Contains(r.body, headline) {
		t.Fatalf("node 1 does not show the headline saved on node 0 (%d)", r.status)
	}
	// A visitor reads the member's public page on node 1, which caches it.
	r = p.do(c, nodes[0].URL, "GET", "/profile", nil)
	personPath := r.header.Get("Location")
	if r.status != http.StatusSeeOther || !strings.HasPrefix(personPath, "/people/") {
		t.Fatalf("/profile = %d → %q", r.status, personPath)
	}
	visitor := p.client()
	for range 2 {
		p.do(visitor, nodes[1].URL, "GET", personPath, nil)
	}
	if r = p.do(visitor, nodes[1].URL, "GET", personPath, nil); r.header.Get("X-Ponte-Cache") != "hit" {
		t.Fatalf("node 1 does not cache the visitor's page (X-Ponte-Cache %q)", r.header.Get("X-Ponte-Cache"))
	}

	// Another edit on node 0: node 1's cached page gives way within its
	// version recheck (a second), not its time to live (a minute).
	headline += ", again"
	if r = p.do(c, nodes[0].URL, "POST", "/profile/section/about", url.Values{"display_name": {m.Name},
		"headline": {headline}}); r.status != http.StatusSeeOther {
		t.Fatalf("second profile edit on node 0 = %d", r.status)
	}
	deadline := time.Now().Add(3 * time.Second)
	for r = p.do(visitor, nodes[1].URL, "GET", personPath, nil); !strings.Contains(r.body, headline); r = p.do(visitor, nodes[1].URL, "GET", personPath, nil) {
		if time.Now().After(deadline) {
			t.Fatalf("node 1 still serves visitors the page from before node 0's edit (X-Ponte-Cache %q)", r.header.Get("X-Ponte-Cache"))
		}
		time.Sleep(100 * time.Millisecond)
	}

	// Signing out on node 1 ends the session on node 0 too.
	if r = p.do(c, nodes[1].URL, "POST", "/logout", nil); r.status != http.StatusSeeOther {
		t.Fatalf("sign-out on node 1 = %d", r.status)
	}
	if r = p.do(c, nodes[0].URL, "GET", "/account", nil); r.status == 200 {
		t.Fatalf("node 0 still serves the account after signing out on node 1")
	}

	checkSharedLoginLimit(t, p)
}

// checkSharedLoginLimit makes the allowed number of sign-in attempts for
// one address (the limit counts per address, so a fresh one is used),
// alternating nodes; the next attempt must be refused, which only happens
// if both nodes count in the same place.
func checkSharedLoginLimit(t *testing.T, p *roundRobin) {
	t.Helper()
	c := p.client()
	email := "locked-" + time.Now().Format("150405.000000") + "@example.org"
	perNode := map[int]int{}
	for i := range 10 { // service.DefaultRateLimits[ScopeLoginEmail].N
		r := p.do(c, "", "POST", "/login", url.Values{"email": {email}, "password": {"wrong password " + string(rune('a'+i))}})
		if r.status == http.StatusTooManyRequests {
			t.Fatalf("sign-in attempt %d was already rate limited", i+1)
		}
		perNode[r.node]++
	}
	if perNode[0] != 5 || perNode[1] != 5 {
		t.Fatalf("the attempts were not spread over the nodes: %v", perNode)
	}
	r := p.do(c, "", "POST", "/login", url.Values{"email": {email}, "password": {"wrong password z"}})
	if r.status != http.StatusTooManyRequests {
		t.Fatalf("the 11th sign-in for one address, after 5 on each node, = %d, want 429", r.status)
	}
}

var verifyToken = regexp.MustCompile(`/verify\?token=([A-Za-z0-9_\-]+)`)

// verificationToken finds the verification link that a node without SMTP
// writes to its log.
func verificationToken(t *testing.T, nodes []*server) string {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		for _, n := range nodes {
			if m := verifyToken.FindStringSubmatch(n.stderr.String()); m != nil {
				return m[1]
			}
		}
	}
	t.Fatalf("no verification link in the nodes' logs")
	return ""
}

// roundRobin is a small reverse proxy that sends each request to the next
// node in turn, as a load balancer without sticky sessions does.
type roundRobin struct {
	t     *testing.T
	srv   *httptest.Server
	mu    sync.Mutex
	next  int
	nodes []*url.URL
	last  int // the node that served the last proxied request
}

func newRoundRobin(t *testing.T, nodes []*server) *roundRobin {
	p := &roundRobin{t: t}
	for _, n := range nodes {
		u, err := url.Parse(n.URL)
		if err != nil {
			t.Fatal(err)
		}
		p.nodes = append(p.nodes, u)
	}
	rp := &httputil.ReverseProxy{Rewrite: func(r *httputil.ProxyRequest) {
		p.mu.Lock()
		i := p.next % len(p.nodes)
		p.next++
		p.last = i
		p.mu.Unlock()
		r.SetURL(p.nodes[i])
		r.Out.Host = r.In.Host // the nodes see the public host, as behind a real balancer
		r.SetXForwarded()
	}}
	p.srv = httptest.NewServer(rp)
	t.Cleanup(p.srv.Close)
	return p
}

// client keeps cookies and does not follow redirects. Cookies ignore the
// port, so the same jar serves the proxy and each node directly.
func (p *roundRobin) client() *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// proxied is one response, with the node the proxy chose (-1: direct).
type proxied struct {
	status int
	body   string
	header http.Header
	node   int
}

// do sends a request through the proxy (base "") or to one node's URL.
func (p *roundRobin) do(c *http.Client, base, method, path string, form url.Values) proxied {
	p.t.Helper()
	if base == "" {
		base = p.srv.URL
	}
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, base+path, body)
	if err != nil {
		p.t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := c.Do(req)
	if err != nil {
		p.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	node := -1
	if base == p.srv.URL {
		p.mu.Lock()
		node = p.last
		p.mu.Unlock()
	}
	return proxied{status: resp.StatusCode, body: string(b), header: resp.Header, node: node}
}
