package web

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte/internal/sqlstore"
)

// TestClientGoneIsNotAServerError: a request whose client hung up fails
// with the context's error; that is logged as information with 499, not as
// an internal error with a 500 page.
func TestClientGoneIsNotAServerError(t *testing.T) {
	s := newSite(t, sqlstore.SQLite)
	var logs bytes.Buffer
	s.web.log = slog.New(slog.NewTextHandler(&logs, nil))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := httptest.NewRequest("GET", "/people", nil).WithContext(ctx)
	w := httptest.NewRecorder()
	s.web.renderError(w, r, errors.Join(errors.New("sqlstore: FindPeople"), context.Canceled))
	if w.Code != statusClientClosed || strings.Contains(logs.String(), "internal error") ||
		!strings.Contains(logs.String(), "client gone") {
		t.Fatalf("status %d, log:\n%s", w.Code, logs.String())
	}
	// A live request's failure is still an internal error.
	logs.Reset()
	w = httptest.NewRecorder()
	s.web.renderError(w, httptest.NewRequest("GET", "/people", nil), errors.New("disk on fire"))
	if w.Code != 500 || !strings.Contains(logs.String(), "internal error") {
		t.Fatalf("status %d, log:\n%s", w.Code, logs.String())
	}
}
