package sqlstore_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

// TestMain prints how many contract tests ran on each backend, and appends it
// to $PONTE_TEST_REPORT so the test command can show it after go test's
// terse package lines.
func TestMain(m *testing.M) {
	code := m.Run()
	line := storetest.Summary()
	if line == "" { // no contract test ran here (-run chose others, or a helper process)
		os.Exit(code)
	}
	fmt.Println(line)
	if p := os.Getenv("PONTE_TEST_REPORT"); p != "" {
		if f, err := os.OpenFile(p, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644); err == nil {
			fmt.Fprintln(f, line)
			f.Close()
		}
	}
	os.Exit(code)
}

func TestContract(t *testing.T) {
	for _, backend := range sqltest.Backends(t) {
		t.Run(backend, func(t *testing.T) {
			storetest.Run(t, backend, func(t *testing.T) ponte.Store { return sqltest.Open(t, backend) })
		})
	}
}
