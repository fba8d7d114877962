package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/api"
	"github.com/ponte-platform/ponte/internal/i18n"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

// The API permission table: every operation of the OpenAPI document,
// called with no token, a bad token and the token of every role, must
// answer as its rule says. An operation with a path parameter needs a
// resolver (apiResolvers) or the test fails naming it; the expected
// outcome comes from its security (bearer: members; none: everyone) unless
// apiRules says otherwise. Outcomes are classes as in the web package's
// table: ok (2xx, 400, 409, 422), refused (403, 404), login (401).

const (
	apiVisitor   = "visitor"
	apiMember    = "member"
	apiOrgMember = "org-member"
	apiOtherOrg  = "other-org"
	apiOwner     = "owner"
	apiModerator = "moderator"
	apiAdmin     = "admin"

	apiOK      = "ok"
	apiRefused = "refused"
	apiLogin   = "login"
)

var apiRoles = []string{apiVisitor, apiMember, apiOrgMember, apiOtherOrg, apiOwner, apiModerator, apiAdmin}

type apiRule map[string]string

func apiRuleOf(out string, roles ...string) apiRule {
	r := apiRule{}
	for _, role := range roles {
		r[role] = out
	}
	return r
}

// apiOnly: the listed roles; other members refused; no token: 401.
func apiOnly(roles ...string) apiRule {
	r := apiRuleOf(apiRefused, apiRoles[1:]...)
	r[apiVisitor] = apiLogin
	for _, role := range roles {
		r[role] = apiOK
	}
	return r
}

// apiSeenBy: a public operation on an object only some may see.
func apiSeenBy(roles ...string) apiRule {
	r := apiRuleOf(apiRefused, apiRoles...)
	for _, role := range roles {
		r[role] = apiOK
	}
	return r
}

// apiHidden: a secured operation on an object only some may see: no token
// 401, other members refused.
func apiHidden(roles ...string) apiRule {
	r := apiSeenBy(roles...)
	r[apiVisitor] = apiLogin
	return r
}

var (
	apiOrgManagers     = []string{apiOwner, apiAdmin}
	apiProposalEditors = []string{apiOwner, apiModerator, apiAdmin}
	apiPathParam       = regexp.MustCompile(`\{([a-z_]+)\}`)
	apiDefaultPublic   = apiRuleOf(apiOK, apiRoles...)
	apiDefaultSignedIn = apiOnly(apiRoles[1:]...)
)

// apiRules are the expectations that differ from an operation's security,
// keyed "METHOD path" or "METHOD path#variant".
var apiRules = map[string]apiRule{
	"PUT /organisations/{id}":           apiOnly(apiOrgManagers...),
	"POST /organisations/{id}/projects": apiOnly(apiOrgManagers...),
	"GET /proposals/{id}#draft":         apiSeenBy(apiProposalEditors...),
	"PUT /proposals/{id}":               apiOnly(apiProposalEditors...),
	"POST /proposals/{id}/status":       apiOnly(apiProposalEditors...),
	// Interest: anyone but the proposer (403) in a proposal they can see; a
	// draft is invisible to others, and refuses interest (409) for editors
	// other than its proposer.
	"POST /proposals/{id}/interests#published":              apiOnly(apiMember, apiOrgMember, apiOtherOrg, apiModerator, apiAdmin),
	"POST /proposals/{id}/interests#draft":                  apiOnly(apiModerator, apiAdmin),
	"GET /proposals/{id}/interests#draft":                   apiOnly(apiProposalEditors...),
	"POST /proposals/{id}/interests/{interest_id}/decision": apiOnly(apiProposalEditors...),
	"GET /proposals/{id}/matches":                           apiOnly(apiProposalEditors...),
	"GET /proposals/{id}/matches#draft":                     apiHidden(apiProposalEditors...), // without a token 401; others 404
}

// apiWorld holds the users, their tokens and the shared objects.
type apiWorld struct {
	t        *testing.T
	srv      *httptest.Server
	svc      *service.Service
	store    ponte.Store
	api      *api.API
	users    map[string]*ponte.User
	tokens   map[string]string
	concepts map[string]int64
	seq      atomic.Int64
}

func newAPIWorld(t *testing.T, backend string) *apiWorld {
	t.Helper()
	cat, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	st := sqltest.Open(t, backend)
	svc := service.New(st, service.Config{PasswordCost: service.TestPasswordParams,
		RateLimits: map[string]service.Limit{}}, cat, nil, log)
	a := api.New(svc, cat, log, "test")
	w := &apiWorld{t: t, srv: httptest.NewServer(a), svc: svc, store: st, api: a, users: map[string]*ponte.User{},
		tokens: map[string]string{}}
	t.Cleanup(w.srv.Close)
	w.concepts = storetest.SeedConcepts(t, st)
	ctx := context.Background()
	for _, r := range apiRoles[1:] {
		u, err := svc.CreateUser(ctx, service.CreateUserInput{Email: r + "@example.org", DisplayName: "API " + r,
			Password: "member password 1"})
		if err != nil {
			t.Fatal(err)
		}
		if r == apiModerator || r == apiAdmin {
			u.Role = map[string]ponte.Role{apiModerator: ponte.RoleModerator, apiAdmin: ponte.RoleAdmin}[r]
			if err := st.UpdateUser(ctx, u); err != nil {
				t.Fatal(err)
			}
		}
		tok, _, err := svc.CreateAPIToken(ctx, u, "perm")
		if err != nil {
			t.Fatal(err)
		}
		w.users[r], w.tokens[r] = u, tok
	}
	if _, err := svc.CreateOrganisation(ctx, w.users[apiOtherOrg], service.OrgInput{Name: "Druga organizacija",
		Type: ponte.OrgSME, Country: "SI", Region: "SI041"}); err != nil {
		t.Fatal(err)
	}
	return w
}

// apiFx creates the owner's objects on first use, one set per request
// that may change them.
type apiFx struct {
	w          *apiWorld
	org        *ponte.Organisation
	draft, pub *ponte.Proposal
	interest   *service.InterestView
}

// Interest is the member's expression of interest in the published proposal.
func (f *apiFx) Interest() *service.InterestView {
	if f.interest == nil {
		v, _, err := f.w.svc.ExpressInterest(context.Background(), f.w.users[apiMember], f.Published().ID,
			service.InterestInput{Message: "Zanima nas"}, "en")
		f.must("interest", err)
		f.interest = v
	}
	return f.interest
}

func (f *apiFx) must(what string, err error) {
	if err != nil {
		f.w.t.Fatalf("fixture %s: %v", what, err)
	}
}

func (f *apiFx) Org() *ponte.Organisation {
	if f.org == nil {
		ctx := context.Background()
		o, err := f.w.svc.CreateOrganisation(ctx, f.w.users[apiOwner], service.OrgInput{
			Name: fmt.Sprintf("Organizacija %d", f.w.seq.Add(1)), Type: ponte.OrgUniversity, Country: "HR", Region: "HR031"})
		f.must("organisation", err)
		f.must("membership", f.w.store.SetOrgMember(ctx, &ponte.OrgMember{OrgID: o.ID,
			UserID: f.w.users[apiOrgMember].ID, Role: ponte.OrgRoleMember, CreatedAt: o.CreatedAt}))
		f.org = o
	}
	return f.org
}

func (f *apiFx) proposal(publish bool) *ponte.Proposal {
	ctx := context.Background()
	p, err := f.w.svc.CreateProposal(ctx, f.w.users[apiOwner], service.ProposalInput{Type: ponte.ProposalTechOffer,
		Title: "Senzori", Summary: "Nudimo senzore", Lang: "hr", OrgID: f.Org().ID,
		Deadline: time.Now().AddDate(1, 0, 0).Format("2006-01-02"),
		Skills: []service.ProposalSkillInput{{SkillRef: service.SkillRef{Field: "skill1", URI: storetest.URIPython},
			Essential: true, MinLevel: 2}}}, "en")
	f.must("proposal", err)
	if publish {
		p, err = f.w.svc.ChangeProposalStatus(ctx, f.w.users[apiOwner], p.ID, ponte.ProposalPublished, "", "en")
		f.must("publish", err)
	}
	return p
}

func (f *apiFx) Draft() *ponte.Proposal {
	if f.draft == nil {
		f.draft = f.proposal(false)
	}
	return f.draft
}

func (f *apiFx) Published() *ponte.Proposal {
	if f.pub == nil {
		f.pub = f.proposal(true)
	}
	return f.pub
}

type apiVariant struct {
	name   string
	params map[string]string
	query  string
}

func apiOne(params ...string) []apiVariant { return []apiVariant{apiNamed("", params...)} }

func apiNamed(name string, params ...string) apiVariant {
	v := apiVariant{name: name, params: map[string]string{}}
	for i := 0; i+1 < len(params); i += 2 {
		v.params[params[i]] = params[i+1]
	}
	return v
}

// apiResolvers fill each path's parameters; a new path with a parameter
// must be added here.
var apiResolvers = map[string]func(f *apiFx) []apiVariant{
	"/skills/{id}":        func(f *apiFx) []apiVariant { return apiOne("id", fmt.Sprint(f.w.concepts[storetest.URIPython])) },
	"/people/{id}":        func(f *apiFx) []apiVariant { return apiOne("id", fmt.Sprint(f.w.users[apiOwner].ID)) },
	"/organisations/{id}": func(f *apiFx) []apiVariant { return apiOne("id", fmt.Sprint(f.Org().ID)) },
	"/organisations/{id}/projects": func(f *apiFx) []apiVariant {
		return apiOne("id", fmt.Sprint(f.Org().ID))
	},
	"/proposals/{id}":           apiProposals,
	"/proposals/{id}/status":    apiProposals,
	"/proposals/{id}/interests": apiProposals,
	"/proposals/{id}/matches":   apiProposals,
	"/proposals/{id}/interests/{interest_id}/decision": func(f *apiFx) []apiVariant {
		return apiOne("id", fmt.Sprint(f.Published().ID), "interest_id", fmt.Sprint(f.Interest().ID))
	},
}

func apiProposals(f *apiFx) []apiVariant {
	return []apiVariant{apiNamed("draft", "id", fmt.Sprint(f.Draft().ID)),
		apiNamed("published", "id", fmt.Sprint(f.Published().ID))}
}

// apiQueries add a query string where an operation needs one.
var apiQueries = map[string]string{
	"GET /skills/by-uri": "?uri=" + storetest.URIPython,
	"GET /skills":        "?q=python",
}

// apiBodies are valid request bodies, so that the permission check, not
// validation, decides; keyed like apiRules. Other writes send {}.
var apiBodies = map[string]func(f *apiFx) string{
	"PATCH /me":            func(*apiFx) string { return `{"language":"en"}` },
	"PUT /me/profile":      func(*apiFx) string { return `{"display_name":"Perm"}` },
	"PUT /me/skills":       func(*apiFx) string { return `[]` },
	"POST /skills/suggest": func(*apiFx) string { return `{"text":"python programming"}` },
	"POST /organisations": func(*apiFx) string {
		return `{"name":"Nova organizacija","type":"sme","country":"HR"}`
	},
	"PUT /organisations/{id}": func(*apiFx) string {
		return `{"name":"Preimenovana","type":"university","country":"HR","region":"HR031"}`
	},
	"POST /organisations/{id}/projects": func(*apiFx) string { return `{"title":"Novi projekt"}` },
	"POST /proposals":                   func(*apiFx) string { return `{"type":"technology_offer","title":"Nacrt"}` },
	"PUT /proposals/{id}": func(f *apiFx) string {
		return fmt.Sprintf(`{"type":"technology_offer","title":"Novi naslov","summary":"Sažetak","lang":"hr",`+
			`"deadline":%q,"org_id":%d,"skills":[{"uri":%q,"essential":true,"min_level":2}]}`,
			time.Now().AddDate(1, 0, 0).Format("2006-01-02"), f.Org().ID, storetest.URIPython)
	},
	"POST /proposals/{id}/status#draft":                     func(*apiFx) string { return `{"status":"published"}` },
	"POST /proposals/{id}/status#published":                 func(*apiFx) string { return `{"status":"closed","reason":"withdrawn"}` },
	"POST /proposals/{id}/interests":                        func(*apiFx) string { return `{"message":"Zanima nas"}` },
	"POST /proposals/{id}/interests/{interest_id}/decision": func(*apiFx) string { return `{"decision":"accept"}` },
}

func mapKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// apiOperation is one operation of the document.
type apiOperation struct {
	method, path string
	secured      bool
}

func apiOperations(t *testing.T, doc *huma.OpenAPI) []apiOperation {
	var ops []apiOperation
	for path, item := range doc.Paths {
		for method, op := range map[string]*huma.Operation{"GET": item.Get, "POST": item.Post, "PUT": item.Put,
			"PATCH": item.Patch, "DELETE": item.Delete, "HEAD": item.Head, "OPTIONS": item.Options} {
			if op != nil {
				ops = append(ops, apiOperation{method, path, len(op.Security) > 0})
			}
		}
	}
	sort.Slice(ops, func(i, j int) bool { return ops[i].path+ops[i].method < ops[j].path+ops[j].method })
	return ops
}

// apiAnswer is a response, decoded.
type apiAnswer struct {
	status int
	body   map[string]any
	raw    string
	ctype  string
}

func (w *apiWorld) send(method, path, auth, body string, hdr ...string) apiAnswer {
	w.t.Helper()
	var rd io.Reader
	if method != http.MethodGet {
		rd = strings.NewReader(body)
	}
	req, _ := http.NewRequest(method, w.srv.URL+api.Prefix+path, rd)
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	r, err := http.DefaultClient.Do(req)
	if err != nil {
		w.t.Fatal(err)
	}
	defer r.Body.Close()
	b, _ := io.ReadAll(r.Body)
	a := apiAnswer{status: r.StatusCode, raw: string(b), ctype: r.Header.Get("Content-Type")}
	if len(b) > 0 && b[0] == '{' {
		json.Unmarshal(b, &a.body)
	}
	return a
}

func apiClassify(status int) string {
	switch {
	case status == http.StatusUnauthorized:
		return apiLogin
	case status == http.StatusForbidden || status == http.StatusNotFound:
		return apiRefused
	case status >= 200 && status < 300, status == 400, status == 409, status == 422:
		return apiOK
	}
	return fmt.Sprintf("unexpected %d", status)
}

// apiIsJSONError reports whether a is the API's error shape with a code.
func apiIsJSONError(a apiAnswer, code string) bool {
	e, ok := a.body["error"].(map[string]any)
	return ok && strings.Contains(a.ctype, "json") && e["code"] == code && e["message"] != ""
}

// TestAPIPermissionTable walks the OpenAPI document on each database.
func TestAPIPermissionTable(t *testing.T) {
	for _, b := range sqltest.Backends(t) {
		t.Run(b, func(t *testing.T) {
			t.Parallel()
			apiTable(t, newAPIWorld(t, b))
		})
	}
}

func apiTable(t *testing.T, w *apiWorld) {
	ops := apiOperations(t, w.api.OpenAPI())
	if len(ops) < 15 {
		t.Fatalf("only %d operations: the document was not read", len(ops))
	}
	var matrix []string
	for _, op := range ops {
		key := op.method + " " + op.path
		shared := &apiFx{w: w}
		variants := []apiVariant{apiNamed("")}
		if apiPathParam.MatchString(op.path) {
			res, ok := apiResolvers[op.path]
			if !ok {
				t.Errorf("operation %s has a path parameter but no resolver in apiResolvers: add one", key)
				continue
			}
			variants = res(shared)
		}
		for i := range variants {
			for _, role := range append([]string{"bad-token"}, apiRoles...) {
				f := shared
				if op.method != http.MethodGet {
					f = &apiFx{w: w}
				}
				v := variants[i]
				if f != shared {
					res := apiResolvers[op.path]
					if res != nil {
						v = res(f)[i]
					}
				}
				vkey := key
				if v.name != "" {
					vkey += "#" + v.name
				}
				path := apiPathParam.ReplaceAllStringFunc(op.path, func(m string) string {
					return v.params[apiPathParam.FindStringSubmatch(m)[1]]
				}) + apiQueries[key]
				body := "{}"
				if fn, ok := apiBodies[vkey]; ok {
					body = fn(f)
				} else if fn, ok := apiBodies[key]; ok {
					body = fn(f)
				}
				auth := ""
				switch role {
				case "bad-token":
					auth = "Bearer pt_not_a_real_token"
				case apiVisitor:
				default:
					auth = "Bearer " + w.tokens[role]
				}
				a := w.send(op.method, path, auth, body)
				matrix = append(matrix, fmt.Sprintf("%-45s %-10s %d", vkey, role, a.status))
				if a.status >= 500 {
					t.Errorf("%s as %s: %d — a server error: %s", vkey, role, a.status, a.raw)
					continue
				}
				if a.status >= 400 && (!strings.Contains(a.ctype, "json") || a.body["error"] == nil) {
					t.Errorf("%s as %s: %d is not a JSON error: %q %s", vkey, role, a.status, a.ctype, a.raw)
				}
				if role == "bad-token" {
					if a.status != 401 || !apiIsJSONError(a, "unauthorized") {
						t.Errorf("%s with a bad token: %d %s, want 401 unauthorized", vkey, a.status, a.raw)
					}
					continue
				}
				rule, ok := apiRules[vkey]
				if !ok {
					rule, ok = apiRules[key]
				}
				if !ok {
					rule = apiDefaultPublic
					if op.secured {
						rule = apiDefaultSignedIn
					}
				}
				got, want := apiClassify(a.status), rule[role]
				if got != want {
					t.Errorf("%s as %s (%s): %d (%s), want %s: %s", vkey, role, path, a.status, got, want, a.raw)
				}
				if want == apiLogin && !apiIsJSONError(a, "unauthorized") {
					t.Errorf("%s with no token: %s, want a JSON unauthorized error", vkey, a.raw)
				}
			}
		}
	}
	known := map[string]bool{}
	for _, op := range ops {
		known[op.method+" "+op.path], known[op.path] = true, true
	}
	for table, keys := range map[string][]string{"apiRules": mapKeys(apiRules), "apiBodies": mapKeys(apiBodies),
		"apiResolvers": mapKeys(apiResolvers), "apiQueries": mapKeys(apiQueries)} {
		for _, k := range keys {
			if base, _, _ := strings.Cut(k, "#"); !known[base] {
				t.Errorf("%s has %s, which is no operation: remove it", table, k)
			}
		}
	}
	if testing.Verbose() { // the whole table, for review
		for _, l := range matrix {
			t.Log(l)
		}
	}
}

// TestAPISecuredOperationsDoNothingForVisitors sends every write that
// needs a token without one and with a broken body: the apiAnswer is a JSON
// error (401, or 400/422 where huma checks the body before the operation
// runs and asks who is calling) and never a success or a server error.
func TestAPISecuredOperationsDoNothingForVisitors(t *testing.T) {
	w := newAPIWorld(t, sqlstore.SQLite)
	for _, op := range apiOperations(t, w.api.OpenAPI()) {
		if !op.secured || op.method == http.MethodGet {
			continue
		}
		path := apiPathParam.ReplaceAllString(op.path, "1")
		a := w.send(op.method, path, "", `{"unexpected":`)
		if a.status != 401 || a.body["error"] == nil {
			t.Errorf("%s %s with no token and a broken body: %d %s, want a 401 JSON error",
				op.method, op.path, a.status, a.raw)
		}
	}
}

// TestAPIRefusedWritesChangeNothing spot-checks that a refused write left
// the object as it was, and that a member who is not an editor lists only
// their own expressions of interest.
func TestAPIRefusedWritesChangeNothing(t *testing.T) {
	w := newAPIWorld(t, sqlstore.SQLite)
	f := &apiFx{w: w}
	ctx := context.Background()
	org, pub := f.Org(), f.Published()
	f.Interest()
	if a := w.send("PUT", fmt.Sprintf("/organisations/%d", org.ID), "Bearer "+w.tokens[apiOtherOrg],
		apiBodies["PUT /organisations/{id}"](f)); a.status != 403 {
		t.Fatalf("other-org PUT organisation = %d", a.status)
	}
	if got, err := w.store.OrganisationByID(ctx, org.ID); err != nil || got.Name != org.Name {
		t.Fatalf("a refused update changed the organisation: %+v, %v", got, err)
	}
	if a := w.send("PUT", fmt.Sprintf("/proposals/%d", pub.ID), "Bearer "+w.tokens[apiOrgMember],
		apiBodies["PUT /proposals/{id}"](f)); a.status != 403 {
		t.Fatalf("org-member PUT proposal = %d", a.status)
	}
	if a := w.send("POST", fmt.Sprintf("/proposals/%d/status", pub.ID), "Bearer "+w.tokens[apiMember],
		`{"status":"closed","reason":"withdrawn"}`); a.status != 403 {
		t.Fatalf("member closes the proposal = %d", a.status)
	}
	if got, err := w.store.ProposalByID(ctx, pub.ID, "en"); err != nil || got.Title != pub.Title || got.Status != ponte.ProposalPublished {
		t.Fatalf("a refused update changed the proposal: %+v, %v", got, err)
	}
	for role, want := range map[string]int{apiOtherOrg: 0, apiMember: 1, apiOwner: 1} {
		a := w.send("GET", fmt.Sprintf("/proposals/%d/interests", pub.ID), "Bearer "+w.tokens[role], "")
		items, _ := a.body["items"].([]any)
		if a.status != 200 || len(items) != want {
			t.Errorf("%s lists %d expressions of interest (%d), want %d: %s", role, len(items), a.status, want, a.raw)
		}
	}
}
