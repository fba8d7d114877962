package invalidate

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestOnWrite: a successful write moves the version once, before the
// response is written; reads, failures and skipped writes do not.
func TestOnWrite(t *testing.T) {
	cases := []struct {
		method, path string
		status       int
		silent       bool // the handler writes nothing
		want         int
	}{
		{"POST", "/proposals", http.StatusSeeOther, false, 1},
		{"DELETE", "/api/v1/x", http.StatusNoContent, false, 1},
		{"PUT", "/x", 0, true, 1}, // wrote nothing: succeeded
		{"POST", "/proposals", http.StatusUnprocessableEntity, false, 0},
		{"POST", "/proposals", http.StatusForbidden, false, 0},
		{"GET", "/proposals", http.StatusOK, false, 0},
		{"HEAD", "/proposals", http.StatusOK, false, 0},
		{"POST", "/login", http.StatusSeeOther, false, 0}, // skipped
	}
	for _, c := range cases {
		bumps, bumpedBeforeWrite := 0, false
		h := OnWrite(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if c.silent {
				return
			}
			w.WriteHeader(c.status)
			w.WriteHeader(http.StatusInternalServerError) // a second status changes nothing
			bumpedBeforeWrite = bumps == 1
			w.Write([]byte("body"))
		}), func(r *http.Request) bool { return Writes(r) && r.URL.Path != "/login" },
			func(context.Context) { bumps++ })
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(c.method, c.path, nil))
		if bumps != c.want {
			t.Errorf("%s %s → %d: %d bumps, want %d", c.method, c.path, c.status, bumps, c.want)
		}
		if c.want == 1 && !c.silent && !bumpedBeforeWrite {
			t.Errorf("%s %s: the version moved after the response was written", c.method, c.path)
		}
		if !c.silent && rec.Code != c.status {
			t.Errorf("%s %s: status %d, want %d", c.method, c.path, rec.Code, c.status)
		}
	}
}
