package api_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/ponte-platform/ponte/internal/api"
	"github.com/ponte-platform/ponte/internal/i18n"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
)

// fuzzOp is one operation of the OpenAPI document.
type fuzzOp struct{ method, path string }

// FuzzAPIRequests sends arbitrary JSON bodies and path values to every
// operation of the API, on a real SQLite database, as a member with a
// token (or anonymously): the API must never answer 5xx, and every error
// must be the JSON error object with a code and a message.
func FuzzAPIRequests(f *testing.F) {
	srv, token, ops := fuzzServer(f)
	for i := range ops {
		f.Add(uint16(i), "1", `{}`, true)
		f.Add(uint16(i), "999999", `{"display_name":"Ana","language":"hr","message":"hi","q":"energy"}`, true)
	}
	f.Add(uint16(0), "-1", `{"display_name": "\u0000\ud800", "language": 7}`, true)
	f.Add(uint16(1), "x", `[1,2,{"a":null}]`, false)
	f.Add(uint16(2), "1e99", `{"skills":[{"uri":"http://data.europa.eu/esco/skill/x","level":99}]}`, true)
	f.Add(uint16(3), "%00", "\xff\xfe", true)
	f.Fuzz(func(t *testing.T, which uint16, id, body string, auth bool) {
		op := ops[int(which)%len(ops)]
		path := strings.NewReplacer("{id}", pathValue(id)).Replace(op.path)
		path = fillParams(path, pathValue(id))
		req, err := http.NewRequest(op.method, srv.URL+path, strings.NewReader(body))
		if err != nil {
			return // not a valid URL: no request is sent
		}
		req.Header.Set("Content-Type", "application/json")
		if auth {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("%s %s: %v", op.method, path, err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode >= 500 {
			t.Fatalf("%s %s with %q: %d %s", op.method, path, body, resp.StatusCode, b)
		}
		if resp.StatusCode >= 400 {
			var e struct {
				Error struct{ Code, Message string } `json:"error"`
			}
			if err := json.Unmarshal(b, &e); err != nil || e.Error.Code == "" || e.Error.Message == "" {
				t.Fatalf("%s %s: %d without the JSON error object: %s", op.method, path, resp.StatusCode, b)
			}
		}
	})
}

// pathValue turns fuzz text into a path segment (escaped, never empty).
func pathValue(s string) string {
	if s == "" {
		return "0"
	}
	var b strings.Builder
	for _, c := range []byte(s) {
		if c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '_' || c == '.' {
			b.WriteByte(c)
		} else {
			b.WriteString("%" + strings.ToUpper(string("0123456789abcdef"[c>>4])+string("0123456789abcdef"[c&15])))
		}
	}
	return b.String()
}

// fillParams replaces every remaining {param} of an OpenAPI path.
func fillParams(path, v string) string {
	for {
		i := strings.IndexByte(path, '{')
		j := strings.IndexByte(path, '}')
		if i < 0 || j < i {
			return path
		}
		path = path[:i] + v + path[j+1:]
	}
}

// fuzzServer starts the API on a fresh SQLite database with one member and
// a proposal, and lists the operations. The rate limit of the API is
// lifted, or the fuzzer would only ever see 429.
func fuzzServer(f *testing.F) (*httptest.Server, string, []fuzzOp) {
	cat, err := i18n.Load()
	if err != nil {
		f.Fatal(err)
	}
	limits := maps.Clone(service.DefaultRateLimits)
	limits[service.ScopeAPI] = service.Limit{N: 1 << 30, Window: time.Minute}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	svc := service.New(sqltest.Open(f, sqlstore.SQLite), service.Config{PasswordCost: service.TestPasswordParams,
		RateLimits: limits}, cat, nil, log)
	a := api.New(svc, cat, log, "test")
	srv := httptest.NewServer(a)
	f.Cleanup(srv.Close)
	ctx := context.Background()
	u, err := svc.CreateUser(ctx, service.CreateUserInput{Email: "fuzz@example.org", DisplayName: "Fuzz",
		Password: "fuzz user password"})
	if err != nil {
		f.Fatal(err)
	}
	tok, _, err := svc.CreateAPIToken(ctx, u, "fuzz")
	if err != nil {
		f.Fatal(err)
	}
	var ops []fuzzOp
	for _, p := range slices.Sorted(maps.Keys(a.OpenAPI().Paths)) {
		item := a.OpenAPI().Paths[p]
		full := p
		if !strings.HasPrefix(full, api.Prefix+"/") {
			full = api.Prefix + p
		}
		for m, op := range map[string]*huma.Operation{"GET": item.Get, "POST": item.Post, "PUT": item.Put,
			"PATCH": item.Patch, "DELETE": item.Delete} {
			if op != nil {
				ops = append(ops, fuzzOp{m, full})
			}
		}
	}
	slices.SortFunc(ops, func(a, b fuzzOp) int { return strings.Compare(a.method+a.path, b.method+b.path) })
	if len(ops) == 0 {
		f.Fatal("the OpenAPI document lists no operation")
	}
	return srv, tok, ops
}
