package e2e

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/ponte-platform/ponte/internal/sqlstore"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
)

// The XSS test types a corpus of payloads (testdata/xss/payloads.txt) into
// every text field a member controls, through the real forms, then opens
// every page that shows them in Chromium as the author, another member and
// a visitor. It fails when a JavaScript dialog opens, when the console
// reports an error or a CSP violation, when the DOM holds an element or
// attribute a payload could have brought (a script not from /static/, an
// on* attribute, a javascript: URL, an iframe…), or when a template
// evaluated a payload. Plain-text fields must show the payload as text, so
// the test cannot pass by losing what was typed.
//
// The quick set (the corpus's first lines) runs in `make test`; set
// PONTE_XSS_FULL=1 for the whole corpus.

// xssField is a text field of a form: its name, whether it takes a URL
// (which the server may refuse: a fallback is then typed) or Markdown
// (rendered, so the payload need not show verbatim), and the page that
// shows it, where a plain-text payload must appear as text ("" for none).
type xssField struct {
	name     string
	url      bool
	markdown bool
	shownOn  string
	toAuthor bool // only the author sees it there (an interest message, a saved search)
	max      int  // the server's length limit in characters, if a payload may pass it
}

// xssForm is one form the author fills. open is the page holding it,
// action its form's action; prepare sets the non-text fields a valid
// submission needs; done reads what the submission created.
type xssForm struct {
	name    string
	byOther bool // filled by the other member (an interest in the author's proposal)
	open    func(st *xssState) string
	action  func(st *xssState) string
	fields  []xssField
	prepare func(b *tab, st *xssState)
	done    func(b *tab, st *xssState)
}

// xssState is what the forms created: the paths of the pages to check.
type xssState struct {
	pages map[string]string // "person", "org", "project", "proposal" → path
}

// xssForms are the forms and fields under test. Adding a form or a field
// is one entry here.
var xssForms = []xssForm{
	{name: "profile about", open: fixed("/profile/edit"), action: fixed("/profile/section/about"),
		fields: []xssField{{name: "display_name", shownOn: "person", max: 100}, {name: "headline", shownOn: "person"},
			{name: "bio", markdown: true}},
		prepare: publicVisibility("about")},
	{name: "profile affiliations", open: fixed("/profile/edit"), action: fixed("/profile/section/affiliations"),
		fields: []xssField{{name: "affiliations", shownOn: "person"}}, prepare: publicVisibility("affiliations")},
	{name: "profile offer and seek", open: fixed("/profile/edit"), action: fixed("/profile/section/offer_seek"),
		fields:  []xssField{{name: "offer", markdown: true}, {name: "seek", markdown: true}},
		prepare: publicVisibility("offer_seek")},
	{name: "profile skill evidence", open: fixed("/profile/skills"), action: fixed("/profile/skills"),
		fields: []xssField{{name: "evidence_text"}, {name: "evidence_url", url: true}},
		prepare: func(b *tab, _ *xssState) {
			b.setValue(`form[action="/profile/skills"] [name=skill_q]`, "think creatively")
			b.choose(`form[action="/profile/skills"] [name=level]`, "3")
			b.chooseFirst(`form[action="/profile/skills"] [name=evidence_kind]`)
		}},
	{name: "new organisation", open: fixed("/organisations/new"), action: fixed("/organisations"),
		fields: []xssField{{name: "name", shownOn: "org"}, {name: "website", url: true},
			{name: "description", markdown: true}, {name: "address"}},
		prepare: func(b *tab, _ *xssState) {
			b.choose("#f-type", "social_enterprise")
			b.choose("#f-country", "IT")
			b.setValue("#f-region", "ITC4C")
		},
		done: func(b *tab, st *xssState) { st.pages["org"] = strings.TrimSuffix(b.path(), "/edit") }},
	{name: "new project", open: func(st *xssState) string { return st.pages["org"] + "/projects/new" },
		action: func(st *xssState) string { return st.pages["org"] + "/projects" },
		fields: []xssField{{name: "title", shownOn: "org"}, {name: "description", markdown: true},
			{name: "results", markdown: true}, {name: "programme"}, {name: "fund", max: 100}, {name: "partners"}},
		done: func(b *tab, st *xssState) {
			href := b.attr(`#projects a[href^="`+st.pages["org"]+`/projects/"]`, "href")
			if href == "" {
				href = b.attr(`a[href^="`+st.pages["org"]+`/projects/"]:not([href$="/new"])`, "href")
			}
			st.pages["project"] = href
		}},
	{name: "new proposal", open: fixed("/proposals/new"), action: fixed("/proposals"),
		fields: []xssField{{name: "title", shownOn: "proposal"}, {name: "summary", shownOn: "proposal"},
			{name: "description", markdown: true}, {name: "call_ref", shownOn: "proposal"}, {name: "call_url", url: true}},
		prepare: func(b *tab, _ *xssState) {
			b.choose("#f-type", "research_partner_search")
			b.choose("#f-lang", "en")
			b.setValue("#f-skill1", "write research proposals")
			b.setValue("#f-deadline", time.Now().AddDate(0, 3, 0).Format("2006-01-02"))
		},
		done: func(b *tab, st *xssState) {
			st.pages["proposal"] = b.path()
			sel := `form[action="` + b.path() + `/status"] input[value="published"] ~ p button`
			if b.has(sel) {
				b.submit(sel)
			} else {
				b.t.Errorf("the new proposal at %s cannot be published: %s", b.path(), b.text(".error-summary"))
			}
		}},
	{name: "interest", byOther: true, open: func(st *xssState) string { return st.pages["proposal"] },
		action: func(st *xssState) string { return st.pages["proposal"] + "/interests" },
		fields: []xssField{{name: "message", shownOn: "proposal", toAuthor: true}}},
	{name: "saved search", open: fixed("/proposals?type=research_partner_search"), action: fixed("/saved-searches"),
		fields: []xssField{{name: "name", shownOn: "saved", toAuthor: true, max: 100}},
		done: func(b *tab, st *xssState) {
			st.pages["saved"] = "/saved-searches"
			// A member keeps at most 20: drop the oldest (listed first), so the full
			// corpus can go on saving.
			b.open("/saved-searches")
			if eval[int](b, `document.querySelectorAll('form[action$="/delete"]').length`) >= 10 {
				eval[bool](b, `(f => !!f && (f.setAttribute("data-xss-drop", ""), true))(document.querySelector('form[action$="/delete"]'))`)
				b.submit(`form[data-xss-drop] button[type=submit]`)
			}
		}},
}

// xssViews are the pages checked as each viewer, besides the created
// objects' own pages; xssAuthorViews are the author's own pages.
var (
	xssViews       = []string{"/", "/people", "/organisations", "/proposals", "/proposals?status=closed", "/search?q=alert"}
	xssAuthorViews = []string{"/saved-searches", "/notifications", "/profile/edit", "/profile/skills", "/account"}
)

func fixed(p string) func(*xssState) string { return func(*xssState) string { return p } }

// publicVisibility makes a profile section public, so visitors see it too.
func publicVisibility(section string) func(b *tab, _ *xssState) {
	return func(b *tab, _ *xssState) {
		sel := `input[name="vis_` + section + `"][value="public"]`
		eval[bool](b, `(e => !!e && (e.checked = true))(document.querySelector(`+jsString(sel)+`))`)
	}
}

// setValue sets a control's value as the page's own script would, and
// fires input and change events. Payloads hold newlines, tabs and
// characters that keystrokes would turn into actions (Enter submits).
func (b *tab) setValue(sel, v string) {
	b.t.Helper()
	ok := eval[bool](b, `((e, v) => { if (!e) return false; e.value = v;
		e.dispatchEvent(new Event("input", {bubbles: true})); e.dispatchEvent(new Event("change", {bubbles: true}));
		return true; })(document.querySelector(`+jsString(sel)+`), `+jsString(v)+`)`)
	if !ok {
		b.t.Fatalf("set %s: no such field on %s", sel, b.path())
	}
}

// chooseFirst picks the first non-empty option of a select.
func (b *tab) chooseFirst(sel string) {
	b.t.Helper()
	eval[bool](b, `(s => { if (!s) return false; const o = [...s.options].find(o => o.value); if (o) s.value = o.value; return true; })(document.querySelector(`+jsString(sel)+`))`)
}

// xssPayload is a corpus line: the payload and what must not appear.
type xssPayload struct {
	text, forbid string
}

func loadPayloads(t *testing.T, full bool) []xssPayload {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "xss", "payloads.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []xssPayload
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "## full" {
			if !full {
				break
			}
			continue
		}
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "# ") {
			continue
		}
		p, forbid, _ := strings.Cut(line, "\t")
		out = append(out, xssPayload{p, forbid})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) < 4 {
		t.Fatalf("only %d payloads read", len(out))
	}
	return out
}

// inertJS lists what on the page a payload could have brought to life.
const inertJS = `(() => {
  const bad = [];
  const here = location.origin;
  const short = s => String(s).slice(0, 100);
  for (const s of document.querySelectorAll("script")) {
    const src = s.getAttribute("src");
    let ok = false;
    if (src) { try { const u = new URL(src, location.href); ok = u.origin === here && u.pathname.startsWith("/static/"); } catch (e) {} }
    // JSON-LD is data, never run; it must still be one whole JSON value.
    if (!src && s.type === "application/ld+json") { try { JSON.parse(s.textContent); ok = true; } catch (e) {} }
    if (!ok) bad.push("script " + short(src || s.textContent));
  }
  const urlAttrs = /^(href|src|action|formaction|xlink:href|data|poster|background|srcdoc|content)$/i;
  const badURL = /^(javascript|vbscript|data:text\/html)/i;
  for (const e of document.querySelectorAll("*")) {
    for (const a of e.attributes) {
      if (/^on/i.test(a.name)) bad.push(e.tagName.toLowerCase() + " " + a.name + "=" + short(a.value));
      if (urlAttrs.test(a.name) && badURL.test(a.value.replace(/[\u0000-\u0020]/g, ""))) bad.push(e.tagName.toLowerCase() + " " + a.name + "=" + short(a.value));
      if (a.name === "srcdoc") bad.push(e.tagName.toLowerCase() + " srcdoc");
    }
  }
  for (const sel of ["iframe", "frame", "object", "embed", "base", "meta[http-equiv]", 'img[src="x"]', "math", "link:not([href^='/static/'])", "style", "body body"]) {
    for (const e of document.querySelectorAll(sel)) bad.push("element " + short(e.outerHTML));
  }
  for (const f of document.forms) {
    const a = f.getAttribute("action");
    if (a !== null && /^\s*[a-z]+:/i.test(a) && !a.startsWith(here)) bad.push("form action " + short(a));
  }
  return bad;
})()`

// dialogWatch records JavaScript dialogs opening in a tab and dismisses
// them, so a payload that runs cannot block the page.
type dialogWatch struct {
	mu   sync.Mutex
	seen []string
}

func watchDialogs(b *tab) *dialogWatch {
	w := &dialogWatch{}
	events := chromedp.Events(b.ctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range events {
			if err != nil {
				return
			}
			w.mu.Lock()
			w.seen = append(w.seen, fmt.Sprintf("%s dialog %q on %s", ev.Type, ev.Message, ev.URL))
			w.mu.Unlock()
			go chromedp.Do(b.ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
				_, err := cdp.Call(ctx, t, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
				return err
			}))
		}
	}()
	return w
}

func (w *dialogWatch) take() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	s := w.seen
	w.seen = nil
	return s
}

// checkInert fails the test for anything alive on the page shown: DOM
// leftovers, a dialog, console errors (CSP violations among them), or a
// forbidden string (an evaluated template).
func checkInert(b *tab, dw *dialogWatch, who, where string, p xssPayload) {
	b.t.Helper()
	time.Sleep(30 * time.Millisecond) // let load-time handlers and console reports arrive
	for _, bad := range eval[[]string](b, inertJS) {
		b.t.Errorf("payload %q: %s sees live markup on %s: %s", p.text, who, where, bad)
	}
	for _, d := range dw.take() {
		b.t.Errorf("payload %q: a JavaScript %s opened for %s on %s", p.text, d, who, where)
	}
	for _, pr := range b.takeProblems() {
		b.t.Errorf("payload %q: browser console for %s on %s: %s", p.text, who, where, pr)
	}
	if p.forbid != "" && strings.Contains(eval[string](b, `document.documentElement.innerHTML`), p.forbid) {
		b.t.Errorf("payload %q: %s sees %q on %s: a template evaluated it", p.text, who, p.forbid, where)
	}
}

// fillAndSubmit types p into every field of form fm and submits; a URL
// field the server refuses is retried with a valid URL carrying the
// payload, then empty. It returns which fields kept the payload.
func fillAndSubmit(b *tab, dw *dialogWatch, st *xssState, fm xssForm, p xssPayload) map[string]bool {
	b.t.Helper()
	form := `form[action="` + fm.action(st) + `"]`
	fallbacks := []string{p.text, "https://example.org/#" + p.text, ""}
	for attempt, urlValue := range fallbacks {
		if code := b.open(fm.open(st)); code != 200 {
			b.t.Fatalf("%s: GET %s = %d", fm.name, fm.open(st), code)
		}
		kept := map[string]bool{}
		for _, f := range fm.fields {
			v := p.text
			if f.url {
				v = urlValue
			}
			if r := []rune(v); f.max > 0 && len(r) > f.max {
				v = string(r[:f.max]) // a longer value is refused (422), as it should be
			}
			b.setValue(form+` [name="`+f.name+`"]`, v)
			kept[f.name] = v == p.text
		}
		if fm.prepare != nil {
			fm.prepare(b, st)
		}
		// An attacker skips the browser's own checks (type=url, maxlength):
		// the server is the defence under test.
		eval[bool](b, `(f => !!f && (f.noValidate = true))(document.querySelector(`+jsString(form)+`))`)
		status := b.submit(form + ` button[type=submit]:not(.visually-hidden):not([name=action])`)
		checkInert(b, dw, "the author", fmt.Sprintf("%s (answer %d)", fm.name, status), p)
		if status == 200 {
			if fm.done != nil {
				fm.done(b, st)
			}
			return kept
		}
		if status != 422 || attempt == len(fallbacks)-1 || !hasURLField(fm) {
			b.t.Errorf("payload %q: %s answered %d: %s", p.text, fm.name, status, b.text(".error-summary"))
			return nil
		}
	}
	return nil
}

func hasURLField(fm xssForm) bool {
	for _, f := range fm.fields {
		if f.url {
			return true
		}
	}
	return false
}

// TestXSSPayloadsAreInert is the XSS check on SQLite (rendering does not
// depend on the database).
func TestXSSPayloadsAreInert(t *testing.T) {
	t.Parallel()
	requireChromium(t)
	full := os.Getenv("PONTE_XSS_FULL") == "1"
	payloads := loadPayloads(t, full)
	db := sqltest.URL(t, sqlstore.SQLite)
	author := member{Name: "Ada Author", Email: "author@example.org", Password: "typing payloads 1"}
	reader := member{Name: "Rea Reader", Email: "reader@example.org", Password: "reading payloads 1"}
	for _, m := range []member{author, reader} {
		runCLI(t, db, "user", "create", "--email", m.Email, "--password", m.Password, "--name", m.Name)
	}
	srv := startServer(t, db, "")
	life := 2*time.Minute + time.Duration(len(payloads))*40*time.Second
	a, r, v := newTabFor(t, srv.URL, life), newTabFor(t, srv.URL, life), newTabFor(t, srv.URL, life)
	a.expectPage("author signs in", a.logIn(author.Email, author.Password), 200, "/")
	r.expectPage("reader signs in", r.logIn(reader.Email, reader.Password), 200, "/")
	dws := map[*tab]*dialogWatch{a: watchDialogs(a), r: watchDialogs(r), v: watchDialogs(v)}
	a.open("/profile")
	person := a.path()
	fields, shown := 0, 0
	for i, p := range payloads {
		start := time.Now()
		st := &xssState{pages: map[string]string{"person": person}}
		kept := map[string]map[string]bool{}
		for _, fm := range xssForms {
			by := a
			if fm.byOther {
				by = r
			}
			kept[fm.name] = fillAndSubmit(by, dws[by], st, fm, p)
			fields += len(fm.fields)
		}
		var objects []string
		for _, k := range []string{"person", "org", "project", "proposal"} {
			if st.pages[k] != "" {
				objects = append(objects, st.pages[k])
			}
		}
		// Directories list the newest objects first, so in the full run
		// checking them every fifth payload still covers every payload.
		dirs := !full || i%5 == 4 || i == len(payloads)-1
		for _, viewer := range []struct {
			who string
			b   *tab
		}{{"the author", a}, {"another member", r}, {"a visitor", v}} {
			pages := append([]string{}, objects...)
			if dirs {
				pages = append(pages, xssViews...)
			}
			if viewer.b == a { // the author also sees the stored values in the edit forms
				for _, k := range []string{"org", "project", "proposal"} {
					if st.pages[k] != "" {
						pages = append(pages, st.pages[k]+"/edit")
					}
				}
				pages = append(pages, xssAuthorViews...)
			}
			for _, pg := range pages {
				if status := viewer.b.open(pg); status != 200 {
					t.Errorf("payload %q: %s gets %d for %s", p.text, viewer.who, status, pg)
					continue
				}
				checkInert(viewer.b, dws[viewer.b], viewer.who, pg, p)
				shown += expectShown(viewer.b, viewer.b == a, viewer.who, pg, st, kept, p)
			}
		}
		t.Logf("payload %q: %s", p.text, time.Since(start).Round(time.Millisecond))
	}
	if shown < 10*len(payloads) {
		t.Errorf("payloads were seen as text only %d times: the test is not looking where they are shown", shown)
	}
	report(fmt.Sprintf("xss: %d payloads typed into %d form fields; shown as text %d times; author, member and visitor saw nothing alive (full corpus: %v)",
		len(payloads), fields, shown, full))
}

// expectShown checks that plain-text fields shown on page pg show the
// payload as text: the payload was kept and escaped, not lost.
func expectShown(b *tab, isAuthor bool, who, pg string, st *xssState, kept map[string]map[string]bool, p xssPayload) int {
	b.t.Helper()
	n := 0
	text := strings.Join(strings.Fields(eval[string](b, `document.body.innerText`)), " ")
	want := strings.Join(strings.Fields(p.text), " ")
	for _, fm := range xssForms {
		for _, f := range fm.fields {
			if f.shownOn == "" || st.pages[f.shownOn] != pg || !kept[fm.name][f.name] || f.toAuthor && !isAuthor {
				continue
			}
			n++
			if !strings.Contains(text, want) {
				b.t.Errorf("payload %q: %s does not see %s's %s as text on %s", p.text, who, fm.name, f.name, pg)
			}
		}
	}
	return n
}

// TestXSSChecksCatchALivePayload runs the checks on a page where a payload
// is alive (no CSP, script runs): each check must fire, so that a quiet
// run on Ponte's pages means something.
func TestXSSChecksCatchALivePayload(t *testing.T) {
	t.Parallel()
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/csp" { // Ponte's policy blocks the script: the console must say so
			w.Header().Set("Content-Security-Policy", "script-src 'self'")
			io.WriteString(w, `<!doctype html><html lang="en"><title>blocked</title><script>alert(4)</script>`)
			return
		}
		io.WriteString(w, `<!doctype html><html lang="en"><title>alive</title><p>{{7*7191}} = 50337</p>`+
			`<img src=x onerror="alert(1)"><a href="javascript:alert(2)">x</a><script>alert(3)</script>`)
	}))
	t.Cleanup(ts.Close)
	b := newTab(t, ts.URL)
	dw := watchDialogs(b)
	b.open("/")
	var dialogs []string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline) && len(dialogs) < 2; time.Sleep(50 * time.Millisecond) {
		dialogs = append(dialogs, dw.take()...)
	}
	if len(dialogs) < 2 {
		t.Errorf("dialogs seen: %q, want the alerts of the page", dialogs)
	}
	bad := strings.Join(eval[[]string](b, inertJS), "\n")
	for _, want := range []string{"script alert(3)", "img onerror", "a href=javascript:alert(2)", `element <img src="x"`} {
		if !strings.Contains(bad, want) {
			t.Errorf("the DOM check missed %q:\n%s", want, bad)
		}
	}
	b.takeProblems()
	b.open("/csp")
	var seen []string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		seen = append(seen, b.takeProblems()...)
		if strings.Contains(strings.Join(seen, "\n"), "Content Security Policy") {
			break
		}
	}
	if !strings.Contains(strings.Join(seen, "\n"), "Content Security Policy") {
		t.Errorf("a CSP violation was not reported by the console watch: %q", seen)
	}
	if d := dw.take(); len(d) != 0 {
		t.Errorf("the CSP-blocked script opened a dialog: %q", d)
	}
}
