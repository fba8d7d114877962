// Package i18n holds Ponte's message catalogues (one JSON file per language
// with flat dotted keys and CLDR plural forms), picks a request's language,
// and formats dates and numbers for it.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/ponte-platform/ponte"
)

//go:embed locales
var localeFS embed.FS

// Catalog translates message keys. Plain messages (no placeholders, no
// plural forms) are resolved from a map; the rest go through go-i18n.
type Catalog struct {
	bundle  *goi18n.Bundle
	loc     map[string]*goi18n.Localizer
	plain   map[string]map[string]string // lang → key → text
	keys    map[string]map[string]bool   // lang → key set
	matcher language.Matcher
}

// Load parses the embedded catalogues of every language in ponte.Languages.
func Load() (*Catalog, error) {
	c := &Catalog{bundle: goi18n.NewBundle(language.English), loc: map[string]*goi18n.Localizer{},
		plain: map[string]map[string]string{}, keys: map[string]map[string]bool{}}
	tags := make([]language.Tag, 0, len(ponte.Languages))
	for _, lang := range ponte.Languages {
		if err := c.loadLang(lang); err != nil {
			return nil, err
		}
		tags = append(tags, language.Make(lang))
	}
	c.matcher = language.NewMatcher(tags)
	return c, nil
}

// loadLang reads every catalogue file of a language: locales/<lang>/*.json,
// one file per area of the product, so that areas can be worked on apart.
// A key defined in two files is an error.
func (c *Catalog) loadLang(lang string) error {
	files, err := fs.Glob(localeFS, "locales/"+lang+"/*.json")
	if err != nil || len(files) == 0 {
		return fmt.Errorf("i18n: no catalogue files for %s", lang)
	}
	c.plain[lang], c.keys[lang] = map[string]string{}, map[string]bool{}
	for _, name := range files {
		if err := c.loadFile(lang, name); err != nil {
			return err
		}
	}
	c.loc[lang] = goi18n.NewLocalizer(c.bundle, lang, "en")
	return nil
}

func (c *Catalog) loadFile(lang, name string) error {
	buf, err := localeFS.ReadFile(name)
	if err != nil {
		return fmt.Errorf("i18n: %s: %w", name, err)
	}
	// go-i18n takes the language from the file name's last part.
	area := strings.TrimSuffix(path.Base(name), ".json")
	if _, err := c.bundle.ParseMessageFileBytes(buf, area+"."+lang+".json"); err != nil {
		return fmt.Errorf("i18n: %s: %w", name, err)
	}
	var raw map[string]any
	if err := json.Unmarshal(buf, &raw); err != nil {
		return fmt.Errorf("i18n: %s: %w", name, err)
	}
	for k, v := range raw {
		if c.keys[lang][k] {
			return fmt.Errorf("i18n: %s: key %q is defined twice", name, k)
		}
		c.keys[lang][k] = true
		if s, ok := v.(string); ok && !strings.Contains(s, "{{") {
			c.plain[lang][k] = s
		}
	}
	return nil
}

// Translate renders key in lang with data for its {{.Placeholders}}. A key
// missing in lang falls back to English; a key missing everywhere renders as
// itself (and the catalogue test fails).
func (c *Catalog) Translate(lang, key string, data map[string]any) string {
	if s, ok := c.plain[lang][key]; ok {
		return s
	}
	return c.localize(lang, &goi18n.LocalizeConfig{MessageID: key, TemplateData: data})
}

// Plural renders the CLDR plural form of key for n (available to the message
// as {{.Count}}, already formatted for the language).
func (c *Catalog) Plural(lang, key string, n int, data map[string]any) string {
	d := map[string]any{"Count": FormatInt(lang, int64(n))}
	for k, v := range data {
		d[k] = v
	}
	return c.localize(lang, &goi18n.LocalizeConfig{MessageID: key, PluralCount: n, TemplateData: d})
}

func (c *Catalog) localize(lang string, lc *goi18n.LocalizeConfig) string {
	l, ok := c.loc[lang]
	if !ok {
		l = c.loc["en"]
	}
	s, err := l.Localize(lc)
	if (err != nil || s == "") && lang != "en" {
		s, err = c.loc["en"].Localize(lc) // go-i18n does not fall back per message
	}
	if err != nil || s == "" {
		return lc.MessageID
	}
	return s
}

// Has reports whether lang's catalogue defines key.
func (c *Catalog) Has(lang, key string) bool { return c.keys[lang][key] }

// Keys returns lang's keys, sorted.
func (c *Catalog) Keys(lang string) []string {
	out := make([]string, 0, len(c.keys[lang]))
	for k := range c.keys[lang] {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Match picks the best supported language for an Accept-Language header,
// English when nothing fits.
func (c *Catalog) Match(acceptLanguage string) string {
	tags, _, err := language.ParseAcceptLanguage(acceptLanguage)
	if err != nil || len(tags) == 0 {
		return "en"
	}
	_, i, conf := c.matcher.Match(tags...)
	if conf == language.No {
		return "en"
	}
	return ponte.Languages[i]
}

// Raw returns lang's whole catalogue (all files merged), for tests that
// inspect placeholders and plural forms.
func Raw(lang string) (map[string]any, error) {
	files, err := fs.Glob(localeFS, "locales/"+lang+"/*.json")
	if err != nil {
		return nil, err
	}
	out := map[string]any{}
	for _, name := range files {
		buf, err := localeFS.ReadFile(name)
		if err != nil {
			return nil, err
		}
		var m map[string]any
		if err := json.Unmarshal(buf, &m); err != nil {
			return nil, fmt.Errorf("i18n: %s: %w", name, err)
		}
		for k, v := range m {
			out[k] = v
		}
	}
	return out, nil
}
