// Package api is Ponte's JSON API under /api/v1, on the same services as the
// HTML pages. Operations are declared with huma, which generates the
// OpenAPI 3.1 document served at /api/v1/openapi.json. Field names are
// snake_case; every error is {"error": {"code": …, "message": …}}.
package api

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"strings"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/i18n"
	"github.com/ponte-platform/ponte/internal/invalidate"
	"github.com/ponte-platform/ponte/internal/service"
)

// Prefix is where the API lives.
const Prefix = "/api/v1"

// API holds the dependencies of the operations.
type API struct {
	svc *service.Service
	cat *i18n.Catalog
	log *slog.Logger
	h   huma.API
	mux *http.ServeMux
	srv http.Handler // mux, moving the content version after writes

	matchDTOs dtoMemo // matches.go
}

// New builds the API handler, to be mounted at /api/.
func New(svc *service.Service, cat *i18n.Catalog, log *slog.Logger, version string) *API {
	catalog = cat
	a := &API{svc: svc, cat: cat, log: log, mux: http.NewServeMux()}
	cfg := huma.DefaultConfig("Ponte API", version)
	cfg.DocsPath = "" // the stock docs page loads scripts from a CDN; Ponte loads nothing from outside
	cfg.SchemasPath = ""
	cfg.CreateHooks = nil // no $schema links in bodies: plain snake_case JSON
	cfg.Formats = map[string]huma.Format{"application/json": jsonFormat, "json": jsonFormat}
	cfg.Info.Description = "Skills, people, organisations and collaboration proposals. " +
		"Authenticate with a bearer token created on your account page or with `ponte token create`."
	cfg.Components.SecuritySchemes = map[string]*huma.SecurityScheme{
		"bearer": {Type: "http", Scheme: "bearer", Description: "An API token (pt_…)"},
	}
	a.h = humago.NewWithPrefix(a.mux, Prefix, cfg)
	a.h.UseMiddleware(a.authenticate)
	a.register()
	a.mux.HandleFunc("/api/", a.notFound)
	a.srv = invalidate.OnWrite(a.mux, func(r *http.Request) bool {
		return invalidate.Writes(r) && !readOnlyPosts[r.URL.Path]
	}, svc.ContentChanged)
	return a
}

// jsonFormat is huma's JSON format, except that a body that carries its
// own encoding (a kept page of matches) is written as it is.
var jsonFormat = huma.Format{Marshal: func(w io.Writer, v any) error {
	if r, ok := v.(interface{ RawJSON() []byte }); ok {
		if b := r.RawJSON(); b != nil {
			_, err := w.Write(b)
			return err
		}
	}
	return encodeJSON(w, v)
}, Unmarshal: json.Unmarshal}

// encodeJSON encodes v as huma's default JSON format does (no HTML
// escaping, a final newline).
func encodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// readOnlyPosts are the POST operations that change nothing (they take a
// body too long for a query string): they leave every node's caches be.
var readOnlyPosts = map[string]bool{Prefix + "/skills/suggest": true}

// ServeHTTP serves the API. Every write that succeeds moves the content
// version (service.ContentChanged), so that no cache of any node serves
// what it changed.
func (a *API) ServeHTTP(w http.ResponseWriter, r *http.Request) { a.srv.ServeHTTP(w, r) }

// OpenAPI returns the generated document, for tests and tools.
func (a *API) OpenAPI() *huma.OpenAPI { return a.h.OpenAPI() }

func (a *API) notFound(w http.ResponseWriter, r *http.Request) {
	writeError(w, http.StatusNotFound, ponte.ENotFound,
		a.cat.Translate(langOf(r.Header.Get("Accept-Language"), a.cat), "error.not_found", nil))
}

type ctxKey int

const keyUser ctxKey = 0

// authenticate resolves a bearer token to a user for every operation; each
// operation decides whether it needs one. A token that is present but wrong
// is refused at once rather than treated as anonymous.
func (a *API) authenticate(ctx huma.Context, next func(huma.Context)) {
	h := ctx.Header("Authorization")
	if h == "" {
		// An operation that needs a token says so before its body is
		// validated: a visitor learns nothing about what it would accept.
		if op := ctx.Operation(); op != nil && len(op.Security) > 0 {
			huma.WriteErr(a.h, ctx, http.StatusUnauthorized, "error.api_token_required")
			return
		}
		next(ctx)
		return
	}
	token, ok := strings.CutPrefix(h, "Bearer ")
	if !ok {
		huma.WriteErr(a.h, ctx, http.StatusUnauthorized, "error.api_token_invalid")
		return
	}
	u, err := a.svc.TokenUser(ctx.Context(), strings.TrimSpace(token))
	if ponte.ErrorCode(err) == ponte.EUnauthorized {
		huma.WriteErr(a.h, ctx, http.StatusUnauthorized, "error.api_token_invalid")
		return
	}
	if err != nil {
		a.log.Error("api: authenticate", "err", err)
		huma.WriteErr(a.h, ctx, http.StatusInternalServerError, "error.internal")
		return
	}
	if err := a.svc.Allow(ctx.Context(), service.ScopeAPI, "user:"+itoa(u.ID)); err != nil {
		huma.WriteErr(a.h, ctx, http.StatusTooManyRequests, "error.rate_limited")
		return
	}
	next(huma.WithValue(ctx, keyUser, u))
}

// user returns the authenticated user or a 401 error.
func user(ctx context.Context) (*ponte.User, error) {
	if u, ok := ctx.Value(keyUser).(*ponte.User); ok {
		return u, nil
	}
	return nil, ponte.Errorf(ponte.EUnauthorized, "error.api_token_required")
}
