package api

import (
	"testing"

	"github.com/ponte-platform/ponte"
)

// TestDTOMemo: a kept page's DTOs are built once per language; a page
// computed again (a new slice, even with the same content) is built anew.
func TestDTOMemo(t *testing.T) {
	var d dtoMemo
	builds := 0
	build := func() []MatchDTO { builds++; return []MatchDTO{{Name: "x"}} }
	page := []ponte.Match{{ID: 1}, {ID: 2}}
	d.get("it", page, build)
	d.get("it", page, build)
	if builds != 1 {
		t.Fatalf("%d builds for one page in one language, want 1", builds)
	}
	d.get("en", page, build)
	again := append([]ponte.Match(nil), page...)
	d.get("it", again, build)
	if builds != 3 {
		t.Fatalf("%d builds, want 3 (another language, a page computed again)", builds)
	}
	for range dtoMemoMax + 1 { // bounded: past the limit it starts afresh
		d.get("it", []ponte.Match{{ID: 9}}, build)
	}
	if len(d.m) > dtoMemoMax {
		t.Fatalf("memo holds %d pages, more than %d", len(d.m), dtoMemoMax)
	}
}
