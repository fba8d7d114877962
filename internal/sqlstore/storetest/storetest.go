// Package storetest is the store contract suite: the behaviour every
// ponte.Store must have, run against SQLite always and against PostgreSQL
// whenever a test server is configured. Each backend's passing tests are
// counted so the test command can say how many ran on each.
package storetest

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/ponte-platform/ponte"
)

// Factory returns a fresh, migrated, empty store.
type Factory func(t *testing.T) ponte.Store

// contract is one named test of the suite.
type contract struct {
	name string
	fn   func(t *testing.T, s ponte.Store)
}

var (
	mu     sync.Mutex
	suite  []contract
	passed = map[string]int{}
	failed = map[string]int{}
)

// register adds tests to the suite; each file of the suite registers its own
// in an init function.
func register(tests ...contract) { suite = append(suite, tests...) }

// Run runs the whole suite on one backend.
func Run(t *testing.T, backend string, newStore Factory) {
	for _, c := range suite {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			c.fn(t, newStore(t))
			mu.Lock()
			defer mu.Unlock()
			if t.Failed() {
				failed[backend]++
			} else {
				passed[backend]++
			}
		})
	}
}

// Summary says how many contract tests passed and failed on each backend,
// e.g. "store contract: sqlite 24 passed, 0 failed; postgres 24 passed, 0 failed";
// "" when none ran (a test binary started as a helper process).
func Summary() string {
	mu.Lock()
	defer mu.Unlock()
	var names []string
	for b := range passed {
		names = append(names, b)
	}
	for b := range failed {
		if _, ok := passed[b]; !ok {
			names = append(names, b)
		}
	}
	if len(names) == 0 {
		return ""
	}
	sort.Strings(names)
	parts := make([]string, 0, len(names))
	for _, b := range names {
		parts = append(parts, fmt.Sprintf("%s %d passed, %d failed", b, passed[b], failed[b]))
	}
	return "store contract (" + fmt.Sprint(len(suite)) + " tests): " + strings.Join(parts, "; ")
}

// Size is the number of tests in the suite.
func Size() int { return len(suite) }
