package web

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/ponte-platform/ponte"
)

// form is a submitted form: what the user typed (to render it back) and the
// per-field error keys.
type form struct {
	Values url.Values
	Errors map[string]string
	Error  string // a message key for the whole form
}

// Get returns a submitted value.
func (f *form) Get(name string) string {
	if f == nil || f.Values == nil {
		return ""
	}
	return f.Values.Get(name)
}

// Checked reports whether a checkbox was ticked.
func (f *form) Checked(name string) bool { return f.Get(name) != "" }

func emptyForm() *form { return &form{Values: url.Values{}, Errors: map[string]string{}} }

// parseForm reads a urlencoded or multipart body; an oversize body is
// ETooLarge, anything unreadable EBadRequest.
func parseForm(r *http.Request) (*form, error) {
	var err error
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
		err = r.ParseMultipartForm(1 << 20)
	} else {
		err = r.ParseForm()
	}
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, ponte.Errorf(ponte.ETooLarge, "error.too_large")
		}
		return nil, &ponte.Error{Code: ponte.EBadRequest, Key: "error.bad_request", Err: err}
	}
	return &form{Values: r.PostForm, Errors: map[string]string{}}, nil
}

// failed fills the form's errors from a service error and reports whether
// the error was a validation failure that the form should show (422).
func (f *form) failed(err error) bool {
	e := ponte.AsError(err)
	if e == nil || (e.Code != ponte.EInvalid && len(e.Fields) == 0) {
		return false
	}
	for k, v := range e.Fields {
		f.Errors[k] = v
	}
	if len(e.Fields) == 0 {
		f.Error = e.Key
	}
	return true
}
