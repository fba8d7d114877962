package web

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/ponte-platform/ponte/internal/i18n"
)

// htmlTag matches a tag with its attributes; what is left between tags is
// text a person reads.
var htmlTag = regexp.MustCompile(`(?s)<[^>]*>`)

// userAttr matches attributes that people read (or hear): they must come
// from the catalogue too.
var userAttr = regexp.MustCompile(`\b(alt|title|placeholder|aria-label)="([^"{]*)"`)

// action matches a template action; it is replaced before tags are
// stripped, so tags with actions in their attributes strip cleanly.
var action = regexp.MustCompile(`(?s)\{\{.*?\}\}`)

// TestTemplatesHaveNoUntranslatedText fails when a template contains
// readable text, or a readable attribute, that does not go through the
// catalogue.
func TestTemplatesHaveNoUntranslatedText(t *testing.T) {
	files, _ := fs.Glob(templateFS, "templates/*.html")
	pages, _ := fs.Glob(templateFS, "templates/pages/*.html")
	if len(pages) < 10 {
		t.Fatalf("only %d page templates found", len(pages))
	}
	for _, f := range append(files, pages...) {
		src, _ := fs.ReadFile(templateFS, f)
		text := action.ReplaceAllString(string(src), "\x00")
		for _, m := range userAttr.FindAllStringSubmatch(text, -1) {
			if strings.Trim(m[2], "\x00 ") != "" {
				t.Errorf("%s: attribute %s=%q is not translated", f, m[1], m[2])
			}
		}
		readable := htmlTag.ReplaceAllString(text, " ")
		readable = strings.NewReplacer("&nbsp;", " ", "&amp;", "", "Ponte", "", "&middot;", "").Replace(readable)
		for _, line := range strings.Split(readable, "\n") {
			for _, r := range line {
				if unicode.IsLetter(r) {
					t.Errorf("%s: untranslated text %q", f, strings.TrimSpace(line))
					break
				}
			}
		}
	}
}

// TestTemplateKeysExist fails when a template names a catalogue key that
// English does not have.
func TestTemplateKeysExist(t *testing.T) {
	cat, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	keyRE := regexp.MustCompile(`\{\{-?\s*(?:t|tn)\s+"([a-z0-9_.]+)"|"(hint=|)((?:[a-z_]+\.)+[a-z0-9_]+)"`)
	files, _ := fs.Glob(templateFS, "templates/*.html")
	pages, _ := fs.Glob(templateFS, "templates/pages/*.html")
	n := 0
	for _, f := range append(files, pages...) {
		src, _ := fs.ReadFile(templateFS, f)
		for _, m := range keyRE.FindAllStringSubmatch(string(src), -1) {
			key := m[1] + m[3]
			if strings.HasPrefix(key, "css.") || strings.HasPrefix(key, "js.") || strings.HasPrefix(key, "img.") {
				continue
			}
			n++
			if !cat.Has("en", key) {
				t.Errorf("%s: key %q is not in the English catalogue", f, key)
			}
		}
	}
	if n < 100 {
		t.Fatalf("found only %d keys: the pattern is broken", n)
	}
}

// TestTemplatesParseInEveryLanguage is the start-up check, kept as a test.
func TestTemplatesParseInEveryLanguage(t *testing.T) {
	cat, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	a, err := loadAssets()
	if err != nil {
		t.Fatal(err)
	}
	ts, err := parseTemplates(cat, a)
	if err != nil {
		t.Fatal(err)
	}
	for lang, pages := range ts.pages {
		if len(pages) < 10 {
			t.Fatalf("%s: only %d pages", lang, len(pages))
		}
	}
}
