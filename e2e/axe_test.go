package e2e

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeSource is the vendored axe-core (4.10.3), read once.
var axeSource = sync.OnceValues(func() (string, error) {
	b, err := os.ReadFile("testdata/axe.min.js")
	if err != nil {
		return "", fmt.Errorf("read axe-core: %w", err)
	}
	return string(b), nil
})

// axeRun runs axe-core on the WCAG 2.0 and 2.1 A and AA rules and keeps what
// a failure message needs (the full result is large).
const axeRun = `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa']}})
.then(r => ({
  passes: r.passes.length,
  violations: r.violations.map(v => ({
    id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: JSON.stringify(n.target), html: n.html, summary: n.failureSummary || ''}))
  }))
}))`

// axeResult is the summary axeRun returns.
type axeResult struct {
	Passes     int            `json:"passes"`
	Violations []axeViolation `json:"violations"`
}

type axeViolation struct {
	ID      string    `json:"id"`
	Impact  string    `json:"impact"`
	Help    string    `json:"help"`
	HelpURL string    `json:"helpUrl"`
	Nodes   []axeNode `json:"nodes"`
}

type axeNode struct {
	Target  string `json:"target"`
	HTML    string `json:"html"`
	Summary string `json:"summary"`
}

// audit runs axe-core on the page shown and reports each WCAG A/AA violation
// as a test error (the test goes on, so one run lists every problem).
func (b *tab) audit(page string) {
	b.t.Helper()
	for _, v := range b.axe(page).Violations {
		b.t.Errorf("accessibility (axe-core) on %s (%s): %s", page, b.path(), v)
	}
}

// axe injects axe-core into the page shown and runs it. The site's CSP
// forbids inline scripts, but DevTools-protocol evaluation is not subject to
// it; axe checks that the audit really ran (some rule passed).
func (b *tab) axe(page string) axeResult {
	b.t.Helper()
	src, err := axeSource()
	if err != nil {
		b.t.Fatal(err)
	}
	if !eval[bool](b, `typeof axe !== "undefined"`) {
		run(b, "inject axe-core", chromedp.Evaluate[bool](src+"\n;true"))
	}
	res := run(b, "run axe-core on "+page, chromedp.Evaluate[axeResult](axeRun, chromedp.EvalAwaitPromise))
	if res.Passes == 0 {
		b.t.Fatalf("axe-core on %s: no rule passed, so the audit did not really run", page)
	}
	return res
}

// String formats a violation with its failing elements.
func (v axeViolation) String() string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s [%s]: %s (%s)", v.ID, v.Impact, v.Help, v.HelpURL)
	for _, n := range v.Nodes {
		fmt.Fprintf(&sb, "\n\t%s\n\t\t%s", n.Target, n.HTML)
		if n.Summary != "" {
			fmt.Fprintf(&sb, "\n\t\t%s", strings.ReplaceAll(n.Summary, "\n", "\n\t\t"))
		}
	}
	return sb.String()
}

// TestAxeAuditFindsViolations checks the audit itself on a page with known
// faults, so that a silent audit on Ponte's pages means something.
func TestAxeAuditFindsViolations(t *testing.T) {
	t.Parallel()
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `<!doctype html><html><head><title>faulty</title></head><body><main>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><form><input type="text" name="q"></form>
<p style="color:#bbb;background:#fff">low contrast</p></main></body></html>`)
	}))
	t.Cleanup(ts.Close)
	b := newTab(t, ts.URL)
	b.open("/")
	found := map[string]bool{}
	for _, v := range b.axe("faulty page").Violations {
		found[v.ID] = true
	}
	for _, id := range []string{"html-has-lang", "image-alt", "label", "color-contrast"} {
		if !found[id] {
			t.Errorf("axe-core did not report %s on a page that violates it (found %v)", id, found)
		}
	}
}
