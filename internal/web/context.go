package web

import (
	"context"
	"net/http"

	"github.com/ponte-platform/ponte"
)

type ctxKey int

const (
	keyUser ctxKey = iota
	keyLang
	keyRequestID
	keySession
)

// reqState is what the middleware learns about a request; one struct in the
// context instead of a value per key.
type reqState struct {
	user    *ponte.User
	lang    string
	id      string
	session string // the session cookie's secret, for sign-out
	unread  *int   // the member's unread notifications, once counted
}

func state(r *http.Request) *reqState {
	if st, ok := r.Context().Value(keyUser).(*reqState); ok {
		return st
	}
	return &reqState{lang: "en"}
}

func withState(r *http.Request, st *reqState) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), keyUser, st))
}

// currentUser is the signed-in user, or nil for a visitor.
func currentUser(r *http.Request) *ponte.User { return state(r).user }

// lang is the language the response is written in.
func lang(r *http.Request) string { return state(r).lang }

// RequestID returns the request's id (also sent as X-Request-ID).
func RequestID(r *http.Request) string { return state(r).id }
