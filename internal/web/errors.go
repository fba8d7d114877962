package web

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/ponte-platform/ponte"
)

// handlerFunc is a handler that returns its failure instead of writing it.
type handlerFunc func(http.ResponseWriter, *http.Request) error

// handle adapts a handlerFunc: errors become the matching error page; an
// unauthorised visitor is sent to sign in and brought back afterwards.
func (s *Server) handle(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err := h(w, r)
		if err == nil {
			return
		}
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			err = ponte.Errorf(ponte.ETooLarge, "error.too_large")
		}
		if ponte.ErrorCode(err) == ponte.EUnauthorized && r.Method == http.MethodGet && currentUser(r) == nil {
			http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		}
		s.renderError(w, r, err)
	})
}

// statusOf maps an error code to an HTTP status.
func statusOf(code string) int { return ponte.HTTPStatus(code) }

// errorData is the error page's content.
type errorData struct {
	Status  int
	Message string // a message key
}

// statusClientClosed is logged for requests whose client left first.
const statusClientClosed = 499

// renderError writes the translated error page (or a JSON error under
// /api/). Internal errors are logged here, once, unless already logged;
// users see only a generic message and the request id.
func (s *Server) renderError(w http.ResponseWriter, r *http.Request, err error, logged ...bool) {
	if r.Context().Err() != nil {
		// The client went away (closed the tab, timed out): nobody reads a
		// page, and it is not the server's fault. 499, as nginx logs it.
		s.log.Info("client gone", "request_id", RequestID(r), "err", err)
		w.WriteHeader(statusClientClosed)
		return
	}
	code := ponte.ErrorCode(err)
	status := statusOf(code)
	key := "error.internal"
	if e := ponte.AsError(err); e != nil && code != ponte.EInternal && e.Key != "" {
		key = e.Key
	}
	if code == ponte.EInternal && len(logged) == 0 {
		s.log.Error("internal error", "request_id", RequestID(r), "err", err)
	}
	if status == http.StatusTooManyRequests {
		w.Header().Set("Retry-After", "60")
	}
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeJSONError(w, status, code, s.cat.Translate(lang(r), key, nil))
		return
	}
	p := s.newPage(r, "error.title."+errorTitle(status), errorData{Status: status, Message: key})
	if rerr := s.render(w, r, status, "error", p); rerr != nil {
		s.log.Error("render error page", "request_id", RequestID(r), "err", rerr)
		http.Error(w, http.StatusText(status), status)
	}
}

// errorTitle picks the page title for a status: the ones users meet have
// their own, the rest share the 500 title.
func errorTitle(status int) string {
	switch status {
	case 400, 401, 403, 404, 409, 413, 422, 429:
		return strconv.Itoa(status)
	}
	return "500"
}

// writeJSONError writes the API's error shape: {"error": {"code", "message"}}.
func writeJSONError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{"error": map[string]string{"code": code, "message": msg}})
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) error {
	return ponte.Errorf(ponte.ENotFound, "error.not_found")
}
