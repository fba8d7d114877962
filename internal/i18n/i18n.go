// Package i18n holds Ponte's message catalogues (one JSON file per language
// with flat dotted keys and CLDR plural forms), picks a request's language,
// and formats dates and numbers for it.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"path"
	"sort"
	"strings"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/ponte-platform/ponte"
)

//go:embed locales/*.json
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

func (c *Catalog) loadLang(lang string) error {
	name := path.Join("locales", lang+".json")
	buf, err := localeFS.ReadFile(name)
	if err != nil {
		return fmt.Errorf("i18n: %s: %w", name, err)
	}
	if _, err := c.bundle.ParseMessageFileBytes(buf, name); err != nil {
		return fmt.Errorf("i18n: %s: %w", name, err)
	}
	var raw map[string]any
	if err := json.Unmarshal(buf, &raw); err != nil {
		return fmt.Errorf("i18n: %s: %w", name, err)
	}
	c.plain[lang], c.keys[lang] = map[string]string{}, map[string]bool{}
	for k, v := range raw {
		c.keys[lang][k] = true
		if s, ok := v.(string); ok && !strings.Contains(s, "{{") {
			c.plain[lang][k] = s
		}
	}
	c.loc[lang] = goi18n.NewLocalizer(c.bundle, lang, "en")
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

// Raw returns lang's catalogue file, for tests that inspect plural forms.
func Raw(lang string) ([]byte, error) {
	return localeFS.ReadFile(path.Join("locales", lang+".json"))
}
