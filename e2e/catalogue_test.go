package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"unicode"
)

// catalogue reads the message catalogue of lang from the source tree (every
// locales/<lang>/*.json file, one per area of the product), so the tests
// expect whatever the translators wrote rather than a copy of it. Only plain
// string messages are returned (plural forms are objects).
func catalogue(t *testing.T, lang string) map[string]string {
	t.Helper()
	root, err := repoRoot()
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(root, "internal", "i18n", "locales", lang, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("catalogue: no files for %s (%v)", lang, err)
	}
	msgs := map[string]string{}
	for _, name := range files {
		readCatalogueFile(t, name, msgs)
	}
	return msgs
}

// readCatalogueFile adds the plain string messages of one file to msgs.
func readCatalogueFile(t *testing.T, name string, msgs map[string]string) {
	t.Helper()
	buf, err := os.ReadFile(name)
	if err != nil {
		t.Fatalf("catalogue: %v", err)
	}
	var raw map[string]any
	if err := json.Unmarshal(buf, &raw); err != nil {
		t.Fatalf("catalogue %s: %v", name, err)
	}
	for k, v := range raw {
		if s, ok := v.(string); ok {
			msgs[k] = s
		}
	}
}

// msg returns one message of a catalogue, failing the test if it is missing.
func msg(t *testing.T, cat map[string]string, key string) string {
	t.Helper()
	s, ok := cat[key]
	if !ok || s == "" {
		t.Fatalf("catalogue has no message %q", key)
	}
	return s
}

// isGreek reports whether s contains Greek letters.
func isGreek(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Greek, r) {
			return true
		}
	}
	return false
}
