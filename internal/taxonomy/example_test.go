package taxonomy_test

import (
	"context"
	"fmt"
	"os"

	"github.com/ponte-platform/ponte/internal/taxonomy"
)

// An import command reads a downloaded release, shows progress, and
// reports malformed rows without losing the rest.
func ExampleReadESCO() {
	concepts := 0
	h := taxonomy.Handler{
		Concept: func(c taxonomy.Concept) error {
			concepts++ // a store would upsert c here
			return nil
		},
		Progress: func(p taxonomy.Progress) {
			if p.Done && !p.Missing {
				fmt.Printf("[%d/%d] %s: %d rows\n", p.Step, p.Steps, p.File, p.Rows)
			}
		},
		BadRow: func(e *taxonomy.RowError) error {
			fmt.Println("skipped:", e)
			return nil
		},
	}
	err := taxonomy.ReadESCO(context.Background(), os.DirFS("testdata/esco_it"), "it", h)
	fmt.Println(concepts, "concepts, error:", err)
	// Output:
	// [1/2] skillGroups_it.csv: 1 rows
	// skipped: taxonomy: skills_it.csv line 12: wrong number of fields: 5 fields, header has 13
	// [2/2] skills_it.csv: 5 rows
	// 5 concepts, error: <nil>
}
