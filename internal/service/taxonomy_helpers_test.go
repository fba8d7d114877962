package service_test

import (
	"io"
	"log/slog"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/i18n"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
)

// newTaxonomyService returns a quiet service on a fresh database; it takes
// a testing.TB so that benchmarks can use it too.
func newTaxonomyService(tb testing.TB, backend string) (*service.Service, ponte.Store) {
	tb.Helper()
	cat, err := i18n.Load()
	if err != nil {
		tb.Fatal(err)
	}
	st := sqltest.Open(tb, backend)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	return service.New(st, service.Config{PasswordCost: service.TestPasswordParams}, cat, nil, log), st
}
