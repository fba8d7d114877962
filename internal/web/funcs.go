package web

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"time"

	"github.com/ponte-platform/ponte/internal/i18n"
)

// funcs are the template functions for one language.
func funcs(cat *i18n.Catalog, lang string, a *assets) template.FuncMap {
	return template.FuncMap{
		"t": func(key string, args ...any) string { return cat.Translate(lang, key, pairs(args)) },
		"tn": func(key string, n int, args ...any) string {
			return cat.Plural(lang, key, n, pairs(args))
		},
		"date":     func(t any) string { return cat.FormatDate(lang, deref(t)) },
		"datetime": func(t any) string { return cat.FormatDateTime(lang, deref(t)) },
		"isodate":  func(t any) string { return deref(t).Format(time.RFC3339) },
		"num":      func(n int64) string { return i18n.FormatInt(lang, n) },
		"asset":    a.url,
		"field": func(f *form, name, typ, label string, opts ...string) fieldView {
			return newField(cat, lang, f, name, typ, label, opts)
		},
		"errorText": func(key string) string { return cat.Translate(lang, key, nil) },
	}
}

// pairs turns template arguments "Name", value, … into a data map.
func pairs(args []any) map[string]any {
	if len(args) == 0 {
		return nil
	}
	m := make(map[string]any, len(args)/2)
	for i := 0; i+1 < len(args); i += 2 {
		m[fmt.Sprint(args[i])] = args[i+1]
	}
	return m
}

func deref(v any) time.Time {
	switch t := v.(type) {
	case time.Time:
		return t
	case *time.Time:
		if t != nil {
			return *t
		}
	}
	return time.Time{}
}

// fieldView is everything the "field" partial needs to draw one labelled
// input with its hint and error, wired for screen readers.
type fieldView struct {
	ID, Name, Type, Label, Value, Error, Hint, Autocomplete string
	Required                                                bool
	MaxLength, MinLength                                    int
}

// DescribedBy lists the ids of the hint and error, for aria-describedby.
func (f fieldView) DescribedBy() string {
	var ids []string
	if f.Hint != "" {
		ids = append(ids, f.ID+"-hint")
	}
	if f.Error != "" {
		ids = append(ids, f.ID+"-error")
	}
	return strings.Join(ids, " ")
}

// newField builds a fieldView; opts are "required", "hint=KEY",
// "autocomplete=VALUE", "maxlength=N", "minlength=N".
func newField(cat *i18n.Catalog, lang string, f *form, name, typ, label string, opts []string) fieldView {
	v := fieldView{ID: "f-" + name, Name: name, Type: typ, Label: cat.Translate(lang, label, nil)}
	if f != nil {
		if typ != "password" {
			v.Value = f.Get(name)
		}
		if k := f.Errors[name]; k != "" {
			v.Error = cat.Translate(lang, k, nil)
		}
	}
	for _, o := range opts {
		k, val, _ := strings.Cut(o, "=")
		switch k {
		case "required":
			v.Required = true
		case "hint":
			v.Hint = cat.Translate(lang, val, nil)
		case "autocomplete":
			v.Autocomplete = val
		case "maxlength":
			v.MaxLength, _ = strconv.Atoi(val)
		case "minlength":
			v.MinLength, _ = strconv.Atoi(val)
		}
	}
	return v
}
