// Package invalidate moves the content version (service.ContentChanged)
// after every HTTP request that may have changed what others see, so the
// caches of every app node drop what was computed before. The site and the
// API each wrap their handlers with it.
package invalidate

import (
	"context"
	"net/http"
)

// OnWrite wraps next: after a request for which writes reports true
// succeeds, changed is called before the response leaves, so a client that
// follows a redirect is sure to see what it just changed. Failures (status
// 400 and above) changed nothing and are passed through.
func OnWrite(next http.Handler, writes func(*http.Request) bool, changed func(context.Context)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !writes(r) {
			next.ServeHTTP(w, r)
			return
		}
		bw := &bumpWriter{ResponseWriter: w, bump: func() { changed(r.Context()) }}
		next.ServeHTTP(bw, r)
		bw.WriteHeader(http.StatusOK) // a handler that wrote nothing succeeded
	})
}

// Writes reports whether r's method may change state: any but GET, HEAD
// and OPTIONS.
func Writes(r *http.Request) bool {
	return r.Method != http.MethodGet && r.Method != http.MethodHead && r.Method != http.MethodOptions
}

// bumpWriter calls bump when a success status is written.
type bumpWriter struct {
	http.ResponseWriter
	bump    func()
	written bool
}

func (w *bumpWriter) WriteHeader(code int) {
	if w.written {
		return
	}
	w.written = true
	if code < 400 {
		w.bump()
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *bumpWriter) Write(b []byte) (int, error) {
	w.WriteHeader(http.StatusOK)
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the real writer.
func (w *bumpWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
