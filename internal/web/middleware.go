package web

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/ponte-platform/ponte"
)

// chain wraps the mux, outermost first: request id and logging, panic
// recovery, security headers, body limit, cross-origin protection, then who
// and which language.
func (s *Server) chain(h http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.renderError(w, r, ponte.Errorf(ponte.EForbidden, "error.cross_origin"))
	}))
	h = s.invalidate(h)
	h = s.identify(h)
	h = cop.Handler(h)
	h = s.limitBody(maxUpload, h)
	h = securityHeaders(h)
	h = s.recoverPanics(h)
	return s.logRequests(h)
}

// statusWriter remembers the status for the access log.
type statusWriter struct {
	http.ResponseWriter
	status int
}

// WriteHeader records and sends the first status; a later one (the 499 of
// a client that left while its page was being written) is dropped, as
// net/http would drop it with a "superfluous WriteHeader" log line.
func (w *statusWriter) WriteHeader(code int) {
	if w.status != 0 {
		return
	}
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

// Write records an implicit 200 before the first byte.
func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the real writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// logRequests gives each request an id and logs one line when it ends.
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		st := &reqState{lang: "en", id: requestID(r)}
		w.Header().Set("X-Request-ID", st.id)
		sw := &statusWriter{ResponseWriter: w}
		start := time.Now()
		next.ServeHTTP(sw, withState(r, st))
		level := slog.LevelInfo
		if sw.status >= 500 {
			level = slog.LevelError
		}
		s.log.Log(r.Context(), level, "request", "request_id", st.id, "method", r.Method,
			"path", r.URL.Path, "status", sw.status, "ms", time.Since(start).Milliseconds())
	})
}

// requestID keeps a sane incoming X-Request-ID (from a proxy) or makes one.
func requestID(r *http.Request) string {
	if id := r.Header.Get("X-Request-ID"); id != "" && len(id) <= 64 && isToken(id) {
		return id
	}
	b := make([]byte, 8)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func isToken(s string) bool {
	for _, c := range s {
		if !(c == '-' || c == '_' || c == '.' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// recoverPanics turns a panic into the 500 page, logged once with the
// request id and stack; the user sees only the id.
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			p := recover()
			if p == nil || p == http.ErrAbortHandler {
				if p != nil {
					panic(p)
				}
				return
			}
			s.log.Error("panic", "request_id", RequestID(r), "panic", p, "stack", string(debug.Stack()))
			s.renderError(w, r, &ponte.Error{Code: ponte.EInternal, Err: errors.New("panic")}, true)
		}()
		next.ServeHTTP(w, r)
	})
}

// csp allows only same-origin resources and no inline script or style.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; " +
	"form-action 'self'; frame-ancestors 'none'"

func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		next.ServeHTTP(w, r)
	})
}

// maxUpload is the largest body any route accepts (a 10 MB attachment
// with its form); routes set their own, smaller limits.
const maxUpload = 12 << 20

// limitBody caps request bodies at n bytes: a declared length over it is
// refused at once, and a handler reading past it gets a
// *http.MaxBytesError, rendered as 413.
func (s *Server) limitBody(n int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > n {
			s.renderError(w, r, ponte.Errorf(ponte.ETooLarge, "error.too_large"))
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, n)
		next.ServeHTTP(w, r)
	})
}

// sessionCookie names the cookie holding the session secret.
const sessionCookie = "ponte_session"

// identify finds the signed-in user and the response language. API requests
// authenticate with bearer tokens in the API package instead.
func (s *Server) identify(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		st := state(r)
		if c, err := r.Cookie(sessionCookie); err == nil && !strings.HasPrefix(r.URL.Path, "/api/") {
			if u, err := s.svc.SessionUser(r.Context(), c.Value); err == nil {
				st.user, st.session = u, c.Value
			} else if ponte.ErrorCode(err) == ponte.EUnauthorized {
				s.clearCookie(w, sessionCookie)
			}
		}
		st.lang = s.pickLanguage(w, r, st.user)
		next.ServeHTTP(w, r)
	})
}

// clientIP is the address rate limits count by.
func (s *Server) clientIP(r *http.Request) string {
	if s.cfg.TrustProxy {
		if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
			parts := strings.Split(xff, ",")
			return strings.TrimSpace(parts[len(parts)-1])
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
