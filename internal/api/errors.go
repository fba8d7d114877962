package api

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"

	"github.com/danielgtaylor/huma/v2"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/i18n"
)

// ErrorBody is the shape of every API error.
type ErrorBody struct {
	Err ErrorDetail `json:"error"`
}

// ErrorDetail says what went wrong: a stable code, a message in the
// caller's language (Accept-Language), and per-field messages for invalid
// input.
type ErrorDetail struct {
	Code    string            `json:"code" doc:"Stable machine-readable code, e.g. invalid, not_found, unauthorized"`
	Message string            `json:"message" doc:"Human-readable message, translated"`
	Fields  map[string]string `json:"fields,omitempty" doc:"Field name to message, for invalid input"`
	status  int
}

// Error implements error.
func (e *ErrorBody) Error() string { return e.Err.Message }

// GetStatus gives huma the HTTP status.
func (e *ErrorBody) GetStatus() int { return e.Err.status }

// catalog is the message catalogue used for errors huma itself raises
// (malformed JSON, schema violations); set once by New.
var catalog *i18n.Catalog

func init() {
	huma.NewErrorWithContext = newError
	huma.NewError = func(status int, msg string, errs ...error) huma.StatusError {
		return newError(nil, status, msg, errs...)
	}
}

// newError builds huma's own errors, and ours: msg is a message key when it
// starts with "error.", which is translated for the caller.
func newError(ctx huma.Context, status int, msg string, errs ...error) huma.StatusError {
	lang := "en"
	if ctx != nil && catalog != nil {
		lang = langOf(ctx.Header("Accept-Language"), catalog)
	}
	code := codeOf(status)
	key := msg
	if len(key) < 6 || key[:6] != "error." {
		key = defaultKey(status)
	}
	body := &ErrorBody{Err: ErrorDetail{Code: code, Message: translate(lang, key), status: status}}
	for _, e := range errs {
		var d *huma.ErrorDetail
		if errors.As(e, &d) && d.Location != "" {
			if body.Err.Fields == nil {
				body.Err.Fields = map[string]string{}
			}
			body.Err.Fields[fieldName(d.Location)] = d.Message
		}
	}
	return body
}

func translate(lang, key string) string {
	if catalog == nil {
		return key
	}
	return catalog.Translate(lang, key, nil)
}

// fieldName turns huma's "body.display_name" into "display_name".
func fieldName(loc string) string {
	for _, p := range []string{"body.", "query.", "path.", "header."} {
		if len(loc) > len(p) && loc[:len(p)] == p {
			return loc[len(p):]
		}
	}
	return loc
}

func defaultKey(status int) string {
	switch status {
	case 400:
		return "error.bad_json"
	case 401:
		return "error.api_token_required"
	case 404:
		return "error.not_found"
	case 413:
		return "error.too_large"
	case 422:
		return "error.invalid"
	case 429:
		return "error.rate_limited"
	}
	if status >= 500 {
		return "error.internal"
	}
	return "error.bad_request"
}

func codeOf(status int) string {
	switch status {
	case 400:
		return ponte.EBadRequest
	case 401:
		return ponte.EUnauthorized
	case 403:
		return ponte.EForbidden
	case 404:
		return ponte.ENotFound
	case 409:
		return ponte.EConflict
	case 413:
		return ponte.ETooLarge
	case 422:
		return ponte.EInvalid
	case 429:
		return ponte.ERateLimited
	}
	if status >= 500 {
		return ponte.EInternal
	}
	return ponte.EBadRequest
}

// statusOf maps a service error to its HTTP status.
func statusOf(err error) int { return ponte.HTTPStatus(ponte.ErrorCode(err)) }

func keyOf(err error) string {
	if e := ponte.AsError(err); e != nil && e.Key != "" && e.Code != ponte.EInternal {
		return e.Key
	}
	return "error.internal"
}

// fail converts a service error into the API error for the caller's
// language, with translated per-field messages; internal errors are logged
// once here and shown only as a generic message.
func (a *API) fail(lang string, err error) error {
	status := statusOf(err)
	if status == http.StatusInternalServerError {
		a.log.Error("api: internal error", "err", err)
	}
	body := &ErrorBody{Err: ErrorDetail{Code: codeOf(status), Message: translate(lang, keyOf(err)), status: status}}
	if e := ponte.AsError(err); e != nil && len(e.Fields) > 0 {
		body.Err.Fields = map[string]string{}
		for f, k := range e.Fields {
			body.Err.Fields[f] = translate(lang, k)
		}
	}
	return body
}

// writeError writes an error outside huma (unknown routes).
func writeError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(ErrorBody{Err: ErrorDetail{Code: code, Message: msg}})
}

func langOf(acceptLanguage string, c *i18n.Catalog) string { return c.Match(acceptLanguage) }

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
