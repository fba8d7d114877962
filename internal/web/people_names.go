package web

import (
	"sort"
	"strings"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/nuts"
)

// choice is one option of a select, radio group or checkbox list.
type choice struct {
	Value, Label string
	On           bool
}

// choices builds options from values and their labels, marking the chosen.
func choices(values []string, label func(string) string, chosen ...string) []choice {
	out := make([]choice, len(values))
	for i, v := range values {
		out[i] = choice{Value: v, Label: label(v), On: contains(chosen, v)}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// languageName is an ISO 639-1 language's name in the page's language, from
// CLDR (golang.org/x/text), so 183 names need no catalogue entries.
func languageName(lang, code string) string {
	if n := display.Tags(language.Make(lang)).Name(language.Make(code)); n != "" {
		return n
	}
	return code
}

// countryName is an ISO 3166 country's name in the page's language.
func countryName(lang, code string) string {
	r, err := language.ParseRegion(code)
	if err == nil {
		if n := display.Regions(language.Make(lang)).Name(r); n != "" {
			return n
		}
	}
	return code
}

// regionName is a NUTS region's name with its code, e.g. "Milano (ITC4C)".
func regionName(code string) string {
	if r, ok := nuts.Lookup(code); ok {
		return r.Name + " (" + r.Code + ")"
	}
	return code
}

// sortedChoices caches option lists sorted by their translated label, per
// language: 250 countries and 183 languages are sorted once, not per request.
type sortedChoices struct {
	mu    sync.Mutex
	lists map[string][]choice
}

var countryChoices, languageChoices sortedChoices

func (c *sortedChoices) get(lang string, values []string, label func(string, string) string) []choice {
	c.mu.Lock()
	defer c.mu.Unlock()
	if l, ok := c.lists[lang]; ok {
		return l
	}
	l := choices(values, func(v string) string { return label(lang, v) })
	col := collate.New(language.Make(lang), collate.IgnoreCase)
	sort.SliceStable(l, func(i, j int) bool { return col.CompareString(l[i].Label, l[j].Label) < 0 })
	if c.lists == nil {
		c.lists = map[string][]choice{}
	}
	c.lists[lang] = l
	return l
}

// selected copies a cached list with the chosen values marked.
func selected(list []choice, chosen ...string) []choice {
	out := make([]choice, len(list))
	for i, c := range list {
		c.On = contains(chosen, c.Value)
		out[i] = c
	}
	return out
}

func countryOptions(lang string, chosen string) []choice {
	return selected(countryChoices.get(lang, ponte.CountryCodes(), countryName), chosen)
}

func languageOptions(lang string, chosen string) []choice {
	return selected(languageChoices.get(lang, ponte.LanguageCodes(), languageName), chosen)
}

// regionOptions lists the NUTS regions of a country (ISO code) for a
// datalist, so typing a region's name or code offers matches without
// JavaScript.
func regionOptions(country string) []choice {
	if country == "" {
		return nil
	}
	nc := nuts.NUTSCountry(country)
	var out []choice
	for _, r := range nuts.All() {
		if r.NUTSCountry == nc {
			out = append(out, choice{Value: r.Code, Label: r.Name})
		}
	}
	return out
}

// trimLines splits a textarea into non-empty trimmed lines.
func trimLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
