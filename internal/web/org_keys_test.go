package web

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/i18n"
)

// TestOrgDynamicKeysExist checks the message keys the organisation code
// builds at run time (types, sizes, sectors, roles, orders, S3 areas) and
// the ones written in Go (errors, flashes, mails), which the template key
// test cannot see, in every language.
func TestOrgDynamicKeysExist(t *testing.T) {
	cat, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for prefix, values := range map[string][]string{"org.type.": ponte.OrgTypes, "org.size.": ponte.SizeBands,
		"org.sector.": ponte.Sectors, "org.role.": ponte.OrgRoles, "people.s3.": ponte.S3Areas,
		"org.order.": {ponte.OrderRelevance, ponte.OrderRecent}} {
		for _, v := range values {
			keys = append(keys, prefix+v)
		}
	}
	keyRE := regexp.MustCompile(`"((?:org\.error|flash\.org|mail\.org)[a-z0-9_.]*)"`)
	var files []string
	for _, pattern := range []string{"org*.go", "../service/org*.go", "../service/import*.go", "../api/org*.go", "../../org*.go"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	if len(files) < 15 {
		t.Fatalf("found only %d source files", len(files))
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range keyRE.FindAllStringSubmatch(string(src), -1) {
			key := m[1]
			if key == "mail.org_invite" || key == "mail.org_accepted" {
				keys = append(keys, key+".subject", key+".body")
				continue
			}
			keys = append(keys, key)
		}
	}
	for _, lang := range ponte.Languages {
		for _, k := range keys {
			if !cat.Has(lang, k) {
				t.Errorf("%s: %s is missing", lang, k)
			}
		}
	}
}
