package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

const (
	// chromiumPath is the Debian chromium package's binary.
	chromiumPath = "/usr/bin/chromium"
	// browserStartTimeout bounds Chromium's start-up.
	browserStartTimeout = 30 * time.Second
	// tabLifetime bounds a whole test's use of its tab.
	tabLifetime = 2 * time.Minute
	// stepTimeout bounds one browser step (a navigation, a click and the
	// page it loads, a query).
	stepTimeout = 15 * time.Second
)

// browser is the Chromium process shared by the tests; each test works in
// its own browser context (separate cookies and storage).
var browser struct {
	once   sync.Once
	ctx    context.Context
	cancel func()
	err    error
}

// requireChromium skips a test when Chromium is missing, except under
// CI=true, where a green run must mean the browser tests ran.
func requireChromium(t *testing.T) {
	t.Helper()
	requireBinary(t)
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true but %s is missing: the browser tests must run in CI", chromiumPath)
		}
		t.Skipf("%s is missing (install the Debian chromium package)", chromiumPath)
	}
}

// sharedBrowser starts Chromium on first use.
func sharedBrowser() (context.Context, error) {
	browser.once.Do(func() {
		browser.ctx, browser.cancel, browser.err = startBrowser()
	})
	return browser.ctx, browser.err
}

// startBrowser launches headless Chromium. Without a user-data-dir flag the
// exec allocator creates a fresh temporary profile and removes it when the
// browser ends.
func startBrowser() (context.Context, func(), error) {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("lang", "en-US"),
		chromedp.Flag("accept-lang", "en-US,en"), // pages start in English whatever the host locale
		chromedp.WindowSize(1280, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	cancel := func() { cancelCtx(); cancelAlloc() }
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(ctx) }() // the first Do starts the browser
	select {
	case err := <-started:
		if err != nil {
			cancel()
			return nil, nil, fmt.Errorf("start %s: %w", chromiumPath, err)
		}
	case <-time.After(browserStartTimeout):
		cancel()
		return nil, nil, fmt.Errorf("start %s: no answer within %s", chromiumPath, browserStartTimeout)
	}
	return ctx, cancel, nil
}

// closeBrowser ends Chromium if a test started it.
func closeBrowser() {
	if browser.cancel != nil {
		browser.cancel()
	}
}

// tab is one test's browser tab, in a private browser context, pointed at a
// server.
type tab struct {
	t    *testing.T
	ctx  context.Context
	base string // the server's base URL

	mu       sync.Mutex
	problems []string // console errors and uncaught exceptions
}

// newTab opens a tab in a new browser context for a test against base. At
// cleanup it fails the test for any uncaught exception or console error the
// pages produced (a CSP violation shows up there), then closes the tab.
func newTab(t *testing.T, base string) *tab {
	t.Helper()
	return newTabFor(t, base, tabLifetime)
}

// newTabFor is newTab for a tab that lives longer than tabLifetime (the
// full XSS corpus).
func newTabFor(t *testing.T, base string, life time.Duration) *tab {
	t.Helper()
	requireChromium(t)
	bctx, err := sharedBrowser()
	if err != nil {
		t.Fatal(err)
	}
	lctx, cancelLife := context.WithTimeout(bctx, life)
	ctx, cancelTab := chromedp.NewContext(lctx, chromedp.WithNewBrowserContext())
	b := &tab{t: t, ctx: ctx, base: base}
	tabsOpened.Add(1)
	t.Cleanup(func() {
		b.reportProblems()
		cancelTab()
		cancelLife()
	})
	// The first Do opens the tab and binds its life to the context it gets,
	// so it runs on ctx itself (bounded by tabLifetime), not a step context.
	// Tabs of a headless browser are not focused; emulating focus makes the
	// keyboard and :focus behave as for a person at the screen.
	if err := chromedp.Do(ctx, chromedp.Func(emulateFocus)); err != nil {
		t.Fatalf("open a browser tab: %v", err)
	}
	go b.watchConsole(chromedp.Console(ctx)) // subscribed now, before any page loads
	return b
}

func emulateFocus(ctx context.Context, t *chromedp.Target) error {
	_, err := cdp.Call(ctx, t, emulation.SetFocusEmulationEnabled,
		emulation.SetFocusEmulationEnabledParams{Enabled: true})
	return err
}

// watchConsole records what the pages report as broken.
func (b *tab) watchConsole(msgs iter.Seq2[chromedp.ConsoleMessage, error]) {
	for m, err := range msgs {
		if err != nil {
			return
		}
		if m.IsException() || m.Type == chromedp.ConsoleError && !expectedConsoleError(m) {
			b.mu.Lock()
			b.problems = append(b.problems, fmt.Sprintf("%s (%s:%d)", m, m.URL, m.Line+1))
			b.mu.Unlock()
		}
	}
}

// expectedConsoleError is Chromium's log entry for a document answered with
// the status the test asked for (a 422 form page, a 404): the status is
// asserted where it happens, and is not a broken page.
func expectedConsoleError(m chromedp.ConsoleMessage) bool {
	if !strings.HasPrefix(m.Text, "Failed to load resource: the server responded with a status of 4") {
		return false
	}
	u, err := url.Parse(m.URL)
	return err == nil && !strings.HasPrefix(u.Path, "/static/") && u.Path != "/favicon.ico"
}

// takeProblems returns the problems recorded so far and forgets them.
func (b *tab) takeProblems() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	p := b.problems
	b.problems = nil
	return p
}

func (b *tab) reportProblems() {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, p := range b.problems {
		b.t.Errorf("browser console: %s", p)
	}
}

// do runs actions with the step timeout and fails the test on error.
func (b *tab) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
}

// run runs one action with the step timeout and returns its value.
func run[T any](b *tab, what string, a chromedp.Action[T]) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
	return v
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](b *tab, expr string) T {
	b.t.Helper()
	return run(b, "evaluate "+expr, chromedp.Evaluate[T](expr))
}

// open loads a path of the server (or an absolute URL) and returns the
// HTTP status of the document.
func (b *tab) open(target string) int64 {
	b.t.Helper()
	if strings.HasPrefix(target, "/") {
		target = b.base + target
	}
	resp := run(b, "open "+target, chromedp.NavigateResponse(target))
	return resp.Status
}

// submit clicks the element matched by sel, waits for the page that loads
// (after any redirect) and returns its status.
func (b *tab) submit(sel string) int64 {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(sel)))
	if err != nil {
		b.t.Fatalf("click %s: %v", sel, err)
	}
	if resp == nil {
		b.t.Fatalf("click %s: no page loaded", sel)
	}
	return resp.Status
}

// fill replaces the value of the input matched by sel by typing text.
func (b *tab) fill(sel, text string) {
	b.t.Helper()
	if !eval[bool](b, `(e => !!e && (e.value = "", true))(document.querySelector(`+jsString(sel)+`))`) {
		b.t.Fatalf("fill %s: no such field", sel)
	}
	b.do("fill "+sel, chromedp.SendKeys(chromedp.CSS(sel), text))
}

// path is the path of the page shown.
func (b *tab) path() string {
	b.t.Helper()
	loc := run(b, "location", chromedp.Location())
	u, err := url.Parse(loc)
	if err != nil {
		b.t.Fatalf("location %q: %v", loc, err)
	}
	return u.Path
}

// text is the visible text of the first element matched by sel, trimmed, or
// "" when nothing matches (it does not wait for the element to appear: the
// pages are server-rendered and complete on load).
func (b *tab) text(sel string) string {
	b.t.Helper()
	return eval[string](b, fmt.Sprintf(`(document.querySelector(%s)?.innerText ?? "").trim()`, jsString(sel)))
}

// attr is an attribute of the first element matched by sel ("" if absent).
func (b *tab) attr(sel, name string) string {
	b.t.Helper()
	return eval[string](b, fmt.Sprintf(`document.querySelector(%s)?.getAttribute(%s) ?? ""`, jsString(sel), jsString(name)))
}

// value is the current value of the form control matched by sel.
func (b *tab) value(sel string) string {
	b.t.Helper()
	return eval[string](b, fmt.Sprintf(`document.querySelector(%s)?.value ?? ""`, jsString(sel)))
}

// has reports whether sel matches an element.
func (b *tab) has(sel string) bool {
	b.t.Helper()
	return eval[bool](b, fmt.Sprintf(`document.querySelector(%s) !== null`, jsString(sel)))
}

// expectPage fails the test unless the page shown is at path with status.
func (b *tab) expectPage(step string, gotStatus, wantStatus int64, wantPath string) {
	b.t.Helper()
	if p := b.path(); gotStatus != wantStatus || p != wantPath {
		b.t.Fatalf("%s: got %s with status %d, want %s with %d\npage text:\n%s",
			step, p, gotStatus, wantPath, wantStatus, b.text("main"))
	}
}

// jsString quotes s as a JavaScript string literal (JSON is a subset).
func jsString(s string) string {
	b, _ := json.Marshal(s) // a string always marshals
	return string(b)
}

// TestTabReportsPageErrors checks that an uncaught exception in a page
// reaches the test, so that quiet consoles on Ponte's pages mean something.
func TestTabReportsPageErrors(t *testing.T) {
	t.Parallel()
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `<!doctype html><html lang="en"><title>broken</title><script>throw new Error("boom")</script>`)
	}))
	t.Cleanup(ts.Close)
	b := newTab(t, ts.URL)
	b.open("/")
	var seen []string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		seen = append(seen, b.takeProblems()...)
		if strings.Contains(strings.Join(seen, "\n"), "boom") {
			return
		}
	}
	t.Errorf("an uncaught exception was not reported (recorded: %q)", seen)
}
