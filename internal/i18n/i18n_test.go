package i18n

import (
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/ponte-platform/ponte"
)

func load(t *testing.T) *Catalog {
	t.Helper()
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestEveryLanguageHasEveryKey fails when a catalogue lacks a key that
// English has, or has one English lacks.
func TestEveryLanguageHasEveryKey(t *testing.T) {
	c := load(t)
	en := c.Keys("en")
	if len(en) < 100 {
		t.Fatalf("English catalogue has only %d keys", len(en))
	}
	for _, lang := range ponte.Languages[1:] {
		var missing, extra []string
		for _, k := range en {
			if !c.Has(lang, k) {
				missing = append(missing, k)
			}
		}
		for _, k := range c.Keys(lang) {
			if !c.Has("en", k) {
				extra = append(extra, k)
			}
		}
		if len(missing)+len(extra) > 0 {
			t.Errorf("%s: missing %v; not in English %v", lang, missing, extra)
		}
	}
}

var placeholder = regexp.MustCompile(`\{\{\s*\.([A-Za-z]+)\s*\}\}`)

func raw(t *testing.T, lang string) map[string]any {
	t.Helper()
	m, err := Raw(lang)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func placeholders(v any) string {
	var texts []string
	switch x := v.(type) {
	case string:
		texts = []string{x}
	case map[string]any:
		for _, s := range x {
			if str, ok := s.(string); ok {
				texts = append(texts, str)
			}
		}
	}
	set := map[string]bool{}
	for _, s := range texts {
		for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
			set[m[1]] = true
		}
	}
	var out []string
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return strings.Join(out, ",")
}

// TestPlaceholdersMatchEnglish catches a translation that drops or renames
// a {{.Placeholder}}.
func TestPlaceholdersMatchEnglish(t *testing.T) {
	en := raw(t, "en")
	for _, lang := range ponte.Languages[1:] {
		m := raw(t, lang)
		for k, v := range en {
			if got, want := placeholders(m[k]), placeholders(v); got != want {
				t.Errorf("%s %s: placeholders {%s}, English has {%s}", lang, k, got, want)
			}
		}
	}
}

// TestPluralFormsAreComplete renders every plural message for counts that
// reach each CLDR category (one, two, few, many, other) in every language.
func TestPluralFormsAreComplete(t *testing.T) {
	c := load(t)
	en := raw(t, "en")
	for k, v := range en {
		if _, ok := v.(map[string]any); !ok {
			continue
		}
		for _, lang := range ponte.Languages {
			for _, n := range []int{0, 1, 2, 3, 4, 5, 11, 21, 22, 101, 102, 1000000} {
				if got := c.Plural(lang, k, n, nil); got == k || !strings.Contains(got, FormatInt(lang, int64(n))) {
					t.Errorf("%s %s n=%d: %q", lang, k, n, got)
				}
			}
		}
	}
}

func TestNoEmptyMessages(t *testing.T) {
	for _, lang := range ponte.Languages {
		for k, v := range raw(t, lang) {
			if s, ok := v.(string); ok && strings.TrimSpace(s) == "" {
				t.Errorf("%s %s is empty", lang, k)
			}
		}
	}
}

func TestTranslateAndFallback(t *testing.T) {
	c := load(t)
	if got := c.Translate("en", "nav.signed_in_as", map[string]any{"Name": "Ana"}); got != "Signed in as Ana" {
		t.Fatalf("got %q", got)
	}
	if got := c.Translate("en", "no.such.key", nil); got != "no.such.key" {
		t.Fatalf("missing key renders as %q", got)
	}
	if got := c.Translate("xx", "nav.home", nil); got != "Home" {
		t.Fatalf("unknown language falls back to English, got %q", got)
	}
}

func TestFormatting(t *testing.T) {
	c := load(t)
	if got := FormatInt("en", 1234567); got != "1,234,567" {
		t.Fatalf("en number = %q", got)
	}
	if got := FormatInt("it", 1234567); got != "1.234.567" {
		t.Fatalf("it number = %q", got)
	}
	d := time.Date(2026, 11, 22, 9, 5, 0, 0, time.UTC)
	if got := c.FormatDate("en", d); got != "22 November 2026" {
		t.Fatalf("en date = %q", got)
	}
	for _, lang := range ponte.Languages {
		got := c.FormatDate(lang, d)
		if !strings.Contains(got, "22") || !strings.Contains(got, "2026") || strings.Contains(got, "date.") {
			t.Errorf("%s date = %q", lang, got)
		}
	}
}

func TestMatch(t *testing.T) {
	c := load(t)
	for in, want := range map[string]string{"": "en", "el-GR,el;q=0.9": "el", "hr": "hr",
		"de-DE": "en", "ro-MD": "ro", "fr;q=0.9, sl;q=0.8": "sl", "garbage;;;": "en"} {
		if got := c.Match(in); got != want {
			t.Errorf("Match(%q) = %q, want %q", in, got, want)
		}
	}
}
