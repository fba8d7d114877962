package web

import (
	"bytes"
	"container/list"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ponte-platform/ponte/internal/invalidate"
)

// The page cache keeps rendered public pages for visitors (no session),
// by language and URL, so the pages most people read are served from
// memory. What it holds is tagged with the content version
// (service.ContentVersion) read before rendering, and served only while
// that version holds: every request that may have written moves it
// (invalidate, below), on this node at once and on the others within
// about a second. An entry also expires after pageCacheTTL, for what
// changes with time alone (deadlines, "newest").
//
// Members' pages show their name, their badge of unread notifications,
// what they may do and sections others may not see: they are kept apart
// (Server.members, a quarter of the size), each member's under their own
// key, which also holds their count of unread notifications (opening a
// notification is a GET that changes it). Everything else a member's page
// shows changes only through a request that moves the content version.

// pageCacheTTL is the longest a cached page is served.
const pageCacheTTL = time.Minute

// pageCacheMaxPage is the largest body kept: longer pages are rare and
// would push many small ones out.
const pageCacheMaxPage = 1 << 20

// cachedRoutes are the patterns of the GET routes whose pages are cached:
// what visitors read, the same for every visitor (and for each member, the
// same until something changes). A test checks each is a public GET route.
var cachedRoutes = map[string]bool{
	"/{$}":                               true,
	"/privacy":                           true,
	"/people":                            true,
	"/people/{id}":                       true,
	"/organisations":                     true,
	"/organisations/{id}":                true,
	"/organisations/{id}/projects/{pid}": true,
	"/proposals":                         true,
	"/proposals/{id}":                    true,
	"/search":                            true,
	"/skills":                            true,
	"/skills/innovation":                 true,
	"/skills/{id}":                       true,
	"/open-data":                         true,
}

// uncachedWrites are the paths of POST requests that change nothing a
// visitor sees (signing in or out, the language, the skill suggestions a
// proposal form asks for as it is typed): they do not move the content
// version, which would drop every node's cached pages.
var uncachedWrites = map[string]bool{"/login": true, "/logout": true, "/language": true,
	"/proposals/suggest-skills": true}

// pageCache is a byte-bounded LRU of rendered pages.
type pageCache struct {
	max int64

	mu     sync.Mutex
	size   int64
	lru    *list.List // of *cachedPage, most recent first
	items  map[string]*list.Element
	flight map[string]*pageFlight
	hits   int64
	misses int64
}

// cachedPage is one rendered page.
type cachedPage struct {
	key     string
	version int64
	stored  time.Time
	header  http.Header
	body    []byte
}

// pageFlight is a render in progress: requests for the same page wait for
// it instead of rendering it again (64 visitors opening a page that just
// changed render it once).
type pageFlight struct {
	version int64 // the content version the leader read
	done    chan struct{}
	page    *cachedPage // nil: the leader's response was not cacheable
}

func newPageCache(maxBytes int64) *pageCache {
	if maxBytes <= 0 {
		return nil
	}
	return &pageCache{max: maxBytes, lru: list.New(), items: map[string]*list.Element{},
		flight: map[string]*pageFlight{}}
}

// get returns the page under key if it was rendered at version and is
// fresh, or the flight rendering it at version now (with leader false), or
// a new flight that the caller leads and must end with finish, or nothing
// when a flight of another version is under way (the caller renders
// alone: a request that read a newer version must not be served a render
// that may have started before the change).
func (c *pageCache) get(key string, version int64, now time.Time) (p *cachedPage, f *pageFlight, leader bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[key]; ok {
		cp := e.Value.(*cachedPage)
		if cp.version == version && now.Sub(cp.stored) < pageCacheTTL && !now.Before(cp.stored) {
			c.lru.MoveToFront(e)
			c.hits++
			return cp, nil, false
		}
		c.remove(e)
	}
	c.misses++
	if f, ok := c.flight[key]; ok {
		if f.version != version {
			return nil, nil, false
		}
		return nil, f, false
	}
	f = &pageFlight{version: version, done: make(chan struct{})}
	c.flight[key] = f
	return nil, f, true
}

// finish ends the flight for key, keeping p (when not nil) and waking the
// requests that waited for it.
func (c *pageCache) finish(key string, f *pageFlight, p *cachedPage) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.flight, key)
	f.page = p
	close(f.done)
	if p == nil {
		return
	}
	if e, ok := c.items[key]; ok {
		c.remove(e)
	}
	c.items[key] = c.lru.PushFront(p)
	c.size += p.cost()
	for c.size > c.max && c.lru.Len() > 0 {
		c.remove(c.lru.Back())
	}
}

func (c *pageCache) remove(e *list.Element) {
	p := c.lru.Remove(e).(*cachedPage)
	delete(c.items, p.key)
	c.size -= p.cost()
}

// cost is what a page counts against the cache's size.
func (p *cachedPage) cost() int64 { return int64(len(p.body) + 2*len(p.key) + 256) }

// stats returns the hit and miss counts, for tests and the debug page.
func (c *pageCache) stats() (hits, misses int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hits, c.misses
}

// cachePages serves a cached route: visitors' requests from the cache when
// it holds the page at the current content version, others by next.
func (s *Server) cachePages(next http.Handler) http.Handler {
	if s.pages == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		pages, key := s.pageCacheFor(r)
		if pages == nil {
			next.ServeHTTP(w, r)
			return
		}
		version, ok := s.svc.ContentVersion(r.Context())
		if !ok {
			next.ServeHTTP(w, r)
			return
		}
		p, f, leader := pages.get(key, version, time.Now())
		if p == nil && f == nil { // another version's render is under way
			next.ServeHTTP(w, r)
			return
		}
		if p == nil && !leader {
			select {
			case <-f.done:
				p = f.page
			case <-r.Context().Done():
				return
			}
		}
		if p != nil {
			writeCached(w, p, "hit")
			return
		}
		if !leader { // the leader's page could not be kept: render our own
			next.ServeHTTP(w, r)
			return
		}
		rec := &pageRecorder{header: http.Header{}}
		finished := false
		defer func() { // a panic must not leave the flight open: later requests would wait on it
			if !finished {
				pages.finish(key, f, nil)
			}
		}()
		next.ServeHTTP(rec, r)
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		var keep *cachedPage
		if rec.status == http.StatusOK && rec.header.Get("Set-Cookie") == "" && rec.body.Len() <= pageCacheMaxPage &&
			strings.HasPrefix(rec.header.Get("Content-Type"), "text/html") {
			keep = &cachedPage{key: key, version: version, stored: time.Now(), header: rec.header,
				body: bytes.Clone(rec.body.Bytes())}
		}
		finished = true
		pages.finish(key, f, keep)
		for k, vs := range rec.header {
			w.Header()[k] = vs
		}
		if keep != nil {
			w.Header().Set("X-Ponte-Cache", "miss")
		}
		w.WriteHeader(rec.status)
		w.Write(rec.body.Bytes())
	})
}

// pageCacheFor returns the cache that may answer r and r's key in it, or
// nil: only GET and HEAD requests with no one-shot message waiting are
// cached. A visitor's page is the same for every visitor; a member's is
// their own (see the top of this file).
func (s *Server) pageCacheFor(r *http.Request) (*pageCache, string) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return nil, ""
	}
	if _, err := r.Cookie(flashCookie); err == nil {
		return nil, ""
	}
	u := currentUser(r)
	if u == nil {
		return s.pages, lang(r) + " " + r.URL.RequestURI()
	}
	if s.members == nil {
		return nil, ""
	}
	unread := s.unreadNotifications(r)
	return s.members, strconv.FormatInt(u.ID, 10) + "/" + strconv.Itoa(unread) + " " + lang(r) + " " + r.URL.RequestURI()
}

// writeCached answers with a cached page.
func writeCached(w http.ResponseWriter, p *cachedPage, how string) {
	h := w.Header()
	for k, vs := range p.header {
		h[k] = vs
	}
	h.Set("X-Ponte-Cache", how)
	w.WriteHeader(http.StatusOK)
	w.Write(p.body)
}

// pageRecorder captures a response so it can be kept.
type pageRecorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *pageRecorder) Header() http.Header { return r.header }

func (r *pageRecorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
}

func (r *pageRecorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.body.Write(b)
}

// invalidate moves the content version after every request of the site
// that may have changed what visitors see: a state-changing method but
// those of uncachedWrites, or the e-mail verification link (which activates
// an account), that succeeded. The API, mounted under /api/, does the same
// for its own requests (api.API).
func (s *Server) invalidate(next http.Handler) http.Handler {
	return invalidate.OnWrite(next, func(r *http.Request) bool {
		if r.Method == http.MethodGet && r.URL.Path == "/verify" {
			return true
		}
		return invalidate.Writes(r) && !uncachedWrites[r.URL.Path] && !strings.HasPrefix(r.URL.Path, "/api/")
	}, s.svc.ContentChanged)
}
