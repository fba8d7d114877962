package ponte_test

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const module = "github.com/ponte-platform/ponte"

// imports lists the imports of the non-test Go files in dir.
func imports(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		n := e.Name()
		if !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(dir, n), nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			out = append(out, strings.Trim(imp.Path.Value, `"`))
		}
	}
	return out
}

// TestLayering keeps DESIGN.md's arrows: cmd → web/api → service → ponte ←
// sqlstore. The domain imports only the standard library; web, api and
// service never reach the SQL adapter.
func TestLayering(t *testing.T) {
	for _, imp := range imports(t, ".") {
		if strings.Contains(strings.SplitN(imp, "/", 2)[0], ".") {
			t.Errorf("package ponte imports %s: the domain may import only the standard library", imp)
		}
	}
	forbidden := map[string][]string{
		"internal/web":     {"/internal/sqlstore"},
		"internal/api":     {"/internal/sqlstore", "/internal/web"},
		"internal/service": {"/internal/sqlstore", "/internal/web", "/internal/api"},
	}
	for dir, bad := range forbidden {
		found := imports(t, dir)
		if len(found) == 0 {
			t.Fatalf("%s: no imports found; wrong directory?", dir)
		}
		for _, imp := range found {
			for _, b := range bad {
				if strings.HasPrefix(imp, module+b) {
					t.Errorf("%s imports %s", dir, imp)
				}
			}
		}
	}
}
