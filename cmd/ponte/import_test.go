package main

import (
	"strings"
	"testing"

	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
)

func TestImportOrganisationsCommand(t *testing.T) {
	const hr = "../../internal/orgimport/samples/HR_ESIF_Croatia_2007-2020.csv.gz"
	const si = "../../internal/orgimport/samples/SI_beneficiaries_2007-2013.json.gz"
	for _, b := range sqltest.Backends(t) {
		t.Run(b, func(t *testing.T) {
			db := sqltest.URL(t, b)
			t.Setenv("PONTE_LOG_LEVEL", "error")
			out, err := runCLI(t, "import", "organisations", "--database", db, "--map", "hr-esif-2007-2020", hr, "--dry-run")
			if err != nil || !strings.Contains(out, "dry run (nothing written)") || !strings.Contains(out, "organisations: 826 created, 0 updated") {
				t.Fatalf("dry run: %q %v", out, err)
			}
			out, err = runCLI(t, "import", "organisations", "--map", "hr-esif-2007-2020", "--database", db, hr)
			if err != nil || !strings.Contains(out, "organisations: 826 created") || !strings.Contains(out, "projects: 1215 created") {
				t.Fatalf("import: %q %v", out, err)
			}
			out, err = runCLI(t, "import", "organisations", "--database", db, "--map", "hr-esif-2007-2020", hr)
			if err != nil || !strings.Contains(out, "organisations: 0 created, 0 updated, 826 unchanged") ||
				!strings.Contains(out, "projects: 0 created, 0 updated, 1215 unchanged") {
				t.Fatalf("second import: %q %v", out, err)
			}
			out, err = runCLI(t, "import", "organisations", "--database", db, "--map", "si-beneficiaries-2007-2013", "--source", "si", si)
			if err != nil || !strings.Contains(out, "rejected line 92334: missing_value: title") || !strings.Contains(out, `source "si"`) {
				t.Fatalf("SI import: %q %v", out, err)
			}
		})
	}
}

func TestImportCommandUsage(t *testing.T) {
	for _, args := range [][]string{
		{"import"},
		{"import", "people"},
		{"import", "organisations", "file.csv"},
		{"import", "organisations", "--map", "hr-esif-2007-2020"},
		{"import", "organisations", "--map", "no-such-mapping", "file.csv"},
	} {
		if _, err := runCLI(t, args...); err == nil {
			t.Errorf("%v: no error", args)
		}
	}
}
