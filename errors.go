package ponte

import (
	"errors"
	"fmt"
	"net/http"
)

// Error codes: stable, machine-readable kinds of failure. The web and API
// layers map each to an HTTP status; the message key is translated there.
const (
	EConflict     = "conflict"         // a unique thing exists already (409)
	EInternal     = "internal"         // a bug or an outage; details only in logs (500)
	EInvalid      = "invalid"          // the input breaks a rule; see Fields (422)
	ENotFound     = "not_found"        // no such thing, or not visible to the actor (404)
	EUnauthorized = "unauthorized"     // who you are is unknown or wrong (401)
	EForbidden    = "forbidden"        // known, but not allowed (403)
	ERateLimited  = "rate_limited"     // too many attempts (429)
	ETooLarge     = "too_large"        // the body or file is too big (413)
	EBadRequest   = "bad_request"      // the request cannot be parsed (400)
	EUnverified   = "email_unverified" // sign-in before the address is confirmed (403)
)

// Error is a failure that users may be told about. Key is a message key in
// the translation catalogues (never raw text), Fields maps form field names to
// message keys for per-field errors, and Err keeps the cause for the logs.
type Error struct {
	Code   string
	Key    string
	Fields map[string]string
	Err    error
}

// Error implements error. It is for logs; users see the translated Key.
func (e *Error) Error() string {
	s := e.Code
	if e.Key != "" {
		s += ": " + e.Key
	}
	for f, k := range e.Fields {
		s += fmt.Sprintf(" [%s=%s]", f, k)
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with a code and a message key.
func Errorf(code, key string) *Error { return &Error{Code: code, Key: key} }

// ErrorCode returns the code of the first *Error in err's chain, EInternal for
// any other non-nil error and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EInternal
}

// AsError returns the first *Error in err's chain, or nil.
func AsError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return nil
}

// FieldErrors collects per-field validation failures (field name → message
// key) so a form can show every problem at once, not one per submission.
type FieldErrors map[string]string

// Add records key for field unless the field already has an error: the first
// rule broken is the most useful to show.
func (f FieldErrors) Add(field, key string) {
	if _, ok := f[field]; !ok {
		f[field] = key
	}
}

// Err returns nil when no field failed, else an EInvalid *Error.
func (f FieldErrors) Err() error {
	if len(f) == 0 {
		return nil
	}
	return &Error{Code: EInvalid, Key: "error.invalid", Fields: f}
}

// HTTPStatus maps an error code to the HTTP status that both the pages and
// the JSON API answer with.
func HTTPStatus(code string) int {
	switch code {
	case EInvalid:
		return http.StatusUnprocessableEntity
	case EConflict:
		return http.StatusConflict
	case ENotFound:
		return http.StatusNotFound
	case EUnauthorized:
		return http.StatusUnauthorized
	case EForbidden, EUnverified:
		return http.StatusForbidden
	case ERateLimited:
		return http.StatusTooManyRequests
	case ETooLarge:
		return http.StatusRequestEntityTooLarge
	case EBadRequest:
		return http.StatusBadRequest
	}
	return http.StatusInternalServerError
}
