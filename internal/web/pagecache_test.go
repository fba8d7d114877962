package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/api"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

// TestCachedRoutesArePublicGETs: every cached pattern is a public GET route
// of the table (a renamed route cannot silently stop being cached, and a
// member's page cannot be cached by mistake).
func TestCachedRoutesArePublicGETs(t *testing.T) {
	s := newSite(t, "sqlite")
	public := map[string]bool{}
	for _, rt := range s.web.Routes() {
		if rt.Method == http.MethodGet && rt.Access == "public" {
			public[rt.Pattern] = true
		}
	}
	for p := range cachedRoutes {
		if !public[p] {
			t.Errorf("cached route %s is not a public GET route", p)
		}
	}
}

// TestPageCache drives the cache through the real handler on both
// databases: visitors get cached pages, members never do, a change made
// through the site (HTML or API) is seen at once, and a change made
// through another app node on the same database within the recheck time.
func TestPageCache(t *testing.T) {
	for _, b := range sqltest.Backends(t) {
		t.Run(b, func(t *testing.T) {
			t.Parallel()
			testPageCache(t, newSiteConfig(t, sqltest.URL(t, b), Config{BaseURL: "http://ponte.test", PageCacheBytes: 8 << 20}))
		})
	}
}

func testPageCache(t *testing.T, s *testSite) {
	ctx := context.Background()
	storetest.SeedConcepts(t, s.store)
	owner, _ := s.member("cache-owner@example.org")
	r := s.do(owner, "POST", "/proposals", proposalForm())
	path := r.header.Get("Location")
	if r = s.do(owner, "POST", path+"/status", url.Values{"to": {"published"}}); r.status != http.StatusSeeOther {
		t.Fatalf("publish = %d", r.status)
	}
	visitor := s.client()
	first := s.do(visitor, "GET", path, nil, "Accept-Language", "en")
	second := s.do(visitor, "GET", path, nil, "Accept-Language", "en")
	if first.status != 200 || first.header.Get("X-Ponte-Cache") != "miss" || second.header.Get("X-Ponte-Cache") != "hit" {
		t.Fatalf("visitor: %d %q then %q; want miss then hit", first.status,
			first.header.Get("X-Ponte-Cache"), second.header.Get("X-Ponte-Cache"))
	}
	if first.body != second.body || !strings.Contains(second.body, "Senzori za vinograde") {
		t.Fatal("the cached page differs from the rendered one")
	}
	if second.header.Get("Content-Type") != "text/html; charset=utf-8" || second.header.Get("Content-Security-Policy") == "" {
		t.Fatalf("cached page headers: %v", second.header)
	}
	// Another language is another page.
	if it := s.do(visitor, "GET", path, nil, "Accept-Language", "it"); langOf(it.body) != "it" || it.header.Get("X-Ponte-Cache") != "miss" {
		t.Fatalf("Italian visitor got lang %q, cache %q", langOf(it.body), it.header.Get("X-Ponte-Cache"))
	}
	// A member's page is kept for that member alone: the owner's second
	// view is a hit with the owner's controls; a visitor and another
	// member never get it. (The first view shows the message of the
	// publishing and is not kept.)
	if flash := s.do(owner, "GET", path, nil); flash.header.Get("X-Ponte-Cache") != "" {
		t.Fatalf("a page with a message went through the cache: %q", flash.header.Get("X-Ponte-Cache"))
	}
	mine := s.do(owner, "GET", path, nil)
	mine2 := s.do(owner, "GET", path, nil)
	if mine.header.Get("X-Ponte-Cache") != "miss" || mine2.header.Get("X-Ponte-Cache") != "hit" ||
		!strings.Contains(mine2.header.Get("Cache-Control"), "no-store") ||
		!strings.Contains(mine2.body, `action="`+path+`/status"`) || mine2.body != mine.body {
		t.Fatalf("member page: cache %q then %q, Cache-Control %q", mine.header.Get("X-Ponte-Cache"),
			mine2.header.Get("X-Ponte-Cache"), mine2.header.Get("Cache-Control"))
	}
	if again := s.do(visitor, "GET", path, nil, "Accept-Language", "en"); strings.Contains(again.body, `action="`+path+`/status"`) {
		t.Fatal("a visitor was served the member's page")
	}
	other, _ := s.member("cache-other@example.org")
	s.do(other, "GET", path, nil)
	if theirs := s.do(other, "GET", path, nil); theirs.header.Get("X-Ponte-Cache") != "hit" ||
		strings.Contains(theirs.body, `action="`+path+`/status"`) || !strings.Contains(theirs.body, "Member cache-other@example.org") {
		t.Fatalf("another member: cache %q, got the owner's controls %v", theirs.header.Get("X-Ponte-Cache"),
			strings.Contains(theirs.body, `action="`+path+`/status"`))
	}
	// A notification that arrives without a request (the janitor's
	// alerts) changes the member's badge: the kept page is not served.
	ownerID, err := s.store.UserByEmail(ctx, "cache-owner@example.org")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.store.CreateNotification(ctx, &ponte.Notification{UserID: ownerID.ID, Kind: "saved_search_match",
		Link: "/proposals", Params: map[string]string{"Name": "x", "Count": "1", "Titles": "t"}, CreatedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	if r := s.do(owner, "GET", path, nil); r.header.Get("X-Ponte-Cache") != "miss" || r.body == mine.body {
		t.Fatalf("after a new notification the member got cache %q, same page %v", r.header.Get("X-Ponte-Cache"), r.body == mine.body)
	}
	// An edit through the site is seen by the next visitor at once.
	edit := proposalForm()
	edit.Set("title", "Senzori za vinograde, druga verzija")
	if r := s.do(owner, "POST", path, edit); r.status != http.StatusSeeOther {
		t.Fatalf("edit = %d: %s", r.status, r.body)
	}
	after := s.do(visitor, "GET", path, nil, "Accept-Language", "en")
	if !strings.Contains(after.body, "druga verzija") || after.header.Get("X-Ponte-Cache") != "miss" {
		t.Fatalf("after the edit the visitor got cache %q, new title %v", after.header.Get("X-Ponte-Cache"),
			strings.Contains(after.body, "druga verzija"))
	}
	// A refused write (422) leaves the cache as it is.
	bad := proposalForm()
	bad.Set("deadline", "2001-01-01")
	if r := s.do(owner, "POST", path, bad); r.status != http.StatusUnprocessableEntity {
		t.Fatalf("bad edit = %d", r.status)
	}
	if r := s.do(visitor, "GET", path, nil, "Accept-Language", "en"); r.header.Get("X-Ponte-Cache") != "hit" {
		t.Fatalf("a refused edit dropped the cached page: %q", r.header.Get("X-Ponte-Cache"))
	}
	// A one-shot message is never cached.
	flash := s.do(visitor, "GET", path, nil, "Cookie", flashCookie+"=flash.saved")
	if flash.header.Get("X-Ponte-Cache") != "" {
		t.Fatalf("a page with a flash message went through the cache: %q", flash.header.Get("X-Ponte-Cache"))
	}

	// A second app node on the same database: its visitor sees a change
	// made through the first node once its version recheck has passed.
	node2 := secondNode(t, s)
	clock := time.Now()
	node2.svc.SetClock(func() time.Time { return clock })
	if r := s.do(visitor, "GET", path, nil); r.status != 200 {
		t.Fatal(r.status)
	}
	get2 := func() resp {
		t.Helper()
		req, _ := http.NewRequest("GET", node2.srv.URL+path, nil)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return resp{res.StatusCode, string(b), res.Header}
	}
	get2()
	if r := get2(); r.header.Get("X-Ponte-Cache") != "hit" {
		t.Fatalf("node 2 did not cache: %q", r.header.Get("X-Ponte-Cache"))
	}
	edit.Set("title", "Senzori za vinograde, treća verzija")
	if r := s.do(owner, "POST", path, edit); r.status != http.StatusSeeOther {
		t.Fatalf("edit = %d", r.status)
	}
	if r := get2(); !strings.Contains(r.body, "druga verzija") {
		t.Fatal("node 2 read the version again before its recheck time")
	}
	clock = clock.Add(2 * service.VersionRecheck)
	if r := get2(); !strings.Contains(r.body, "treća verzija") {
		t.Fatalf("node 2 still serves the old page after its recheck time (cache %q)", r.header.Get("X-Ponte-Cache"))
	}
	// A write through the API moves the version too.
	before, _ := s.svc.ContentVersion(ctx)
	ownerU, err := s.store.UserByEmail(ctx, "cache-owner@example.org")
	if err != nil {
		t.Fatal(err)
	}
	tok, _, err := s.svc.CreateAPIToken(ctx, ownerU, "cache test")
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest("POST", s.srv.URL+"/api/v1/proposals"+strings.TrimPrefix(path, "/proposals")+"/status",
		strings.NewReader(`{"status":"closed","reason":"withdrawn"}`))
	req.Header.Set("Authorization", "Bearer "+tok)
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("API close = %d", res.StatusCode)
	}
	if now, _ := s.svc.ContentVersion(ctx); now <= before {
		t.Fatalf("API write %d left the content version at %d", res.StatusCode, now)
	}
}

// secondNode is another server (its own service and cache) on s's database.
func secondNode(t *testing.T, s *testSite) *testSite {
	t.Helper()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	svc := service.New(s.store, service.Config{BaseURL: "http://ponte.test",
		PasswordCost: service.TestPasswordParams}, s.web.cat, nil, log)
	w, err := New(Config{BaseURL: "http://ponte.test", PageCacheBytes: 8 << 20}, svc, s.web.cat,
		api.New(svc, s.web.cat, log, "test"), log)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(w.Handler())
	t.Cleanup(ts.Close)
	return &testSite{t: t, srv: ts, svc: svc, store: s.store, web: w}
}

// TestPageCacheUnit: the LRU keeps within its size, drops pages of another
// version or too old, and a flight is shared by the requests waiting on it.
func TestPageCacheUnit(t *testing.T) {
	c := newPageCache(10_000)
	now := time.Now()
	put := func(key string, version int64, n int) {
		_, f, leader := c.get(key, version, now)
		if !leader {
			t.Fatalf("%s: not the leader of a new flight", key)
		}
		c.finish(key, f, &cachedPage{key: key, version: version, stored: now, body: make([]byte, n)})
	}
	for i := range 10 {
		put(fmt.Sprint("k", i), 1, 2_000)
	}
	if c.size > c.max || c.lru.Len() >= 10 {
		t.Fatalf("size %d of %d with %d pages", c.size, c.max, c.lru.Len())
	}
	if p, _, _ := c.get("k9", 1, now); p == nil {
		t.Fatal("the newest page was evicted")
	}
	if p, f, leader := c.get("k0", 1, now); p != nil || !leader {
		t.Fatal("the oldest page survived eviction")
	} else {
		c.finish("k0", f, nil)
	}
	if p, f, _ := c.get("k9", 2, now); p != nil {
		t.Fatal("a page of an old version was served")
	} else {
		c.finish("k9", f, nil)
	}
	put("k9", 2, 10)
	if p, f, _ := c.get("k9", 2, now.Add(pageCacheTTL+time.Second)); p != nil {
		t.Fatal("an expired page was served")
	} else {
		c.finish("k9", f, nil)
	}
	// Followers wait for the leader and get its page.
	_, f, leader := c.get("shared", 1, now)
	if !leader {
		t.Fatal("no leader")
	}
	var wg sync.WaitGroup
	got := make([]*cachedPage, 5)
	for i := range got {
		_, fi, l := c.get("shared", 1, now)
		if l || fi != f {
			t.Fatal("a second request became a leader")
		}
		wg.Add(1)
		go func() { defer wg.Done(); <-fi.done; got[i] = fi.page }()
	}
	c.finish("shared", f, &cachedPage{key: "shared", version: 1, stored: now, body: []byte("x")})
	wg.Wait()
	for i, p := range got {
		if p == nil || string(p.body) != "x" {
			t.Fatalf("follower %d got %v", i, p)
		}
	}
}

// TestPageCacheFlightOfAnotherVersion: a request that read a newer version
// does not wait for (nor take) a render begun at an older one.
func TestPageCacheFlightOfAnotherVersion(t *testing.T) {
	c := newPageCache(1 << 20)
	now := time.Now()
	_, old, leader := c.get("k", 1, now)
	if !leader {
		t.Fatal("no leader")
	}
	if p, f, l := c.get("k", 2, now); p != nil || f != nil || l {
		t.Fatalf("a newer request joined the old flight: %v %v %v", p, f, l)
	}
	c.finish("k", old, &cachedPage{key: "k", version: 1, stored: now, body: []byte("old")})
	if p, f, _ := c.get("k", 2, now); p != nil {
		t.Fatal("the old render was served at the newer version")
	} else {
		c.finish("k", f, nil)
	}
}

// TestPageCachePanicEndsTheFlight: a render that panics ends its flight,
// so the next request for the page renders instead of waiting forever.
func TestPageCachePanicEndsTheFlight(t *testing.T) {
	s := newSiteConfig(t, sqltest.URL(t, "sqlite"), Config{BaseURL: "http://ponte.test", PageCacheBytes: 1 << 20})
	h := s.web.chain(s.web.cachePages(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Write([]byte("half a page")) // a status is set before the panic
		panic("boom")
	})))
	for i := range 2 {
		done := make(chan int)
		go func() {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", "/proposals", nil))
			done <- rec.Code
		}()
		select {
		case code := <-done:
			if code != http.StatusInternalServerError {
				t.Fatalf("request %d = %d, want 500", i, code)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("request %d waits on the flight of a render that panicked", i)
		}
	}
}
