package api

import (
	"bytes"
	"testing"

	"github.com/danielgtaylor/huma/v2"

	"github.com/ponte-platform/ponte"
)

// TestDTOMemo: a kept page's DTOs are built once per language; a page
// computed again (a new slice, even with the same content) is built anew.
func TestDTOMemo(t *testing.T) {
	var d dtoMemo
	builds := 0
	build := func() []MatchDTO { builds++; return []MatchDTO{{Name: "x"}} }
	page := []ponte.Match{{ID: 1}, {ID: 2}}
	d.get("it", "people", page, build)
	d.get("it", "people", page, build)
	if builds != 1 {
		t.Fatalf("%d builds for one page in one language, want 1", builds)
	}
	d.get("en", "people", page, build)
	again := append([]ponte.Match(nil), page...)
	d.get("it", "people", again, build)
	if builds != 3 {
		t.Fatalf("%d builds, want 3 (another language, a page computed again)", builds)
	}
	for range dtoMemoMax + 1 { // bounded: past the limit it starts afresh
		d.get("it", "people", []ponte.Match{{ID: 9}}, build)
	}
	if len(d.m) > dtoMemoMax {
		t.Fatalf("memo holds %d pages, more than %d", len(d.m), dtoMemoMax)
	}
}

// TestKeptMatchesEncoding: a kept page is written as encoding it on each
// request would write it (huma's JSON: no HTML escaping, a final newline).
func TestKeptMatchesEncoding(t *testing.T) {
	var d dtoMemo
	dtos := []MatchDTO{{Kind: "people", ID: 7, Name: `Ana <b>"Škola" & co</b>`, Score: 91,
		Reasons: []MatchReasonDTO{{Key: "match.reason.region", Params: map[string]string{"Region": "Zagreb", "A": "é"},
			Text: "In <Zagreb>"}}}}
	body := d.get("hr", "people", []ponte.Match{{ID: 7}}, func() []MatchDTO { return dtos })
	if body.RawJSON() == nil {
		t.Fatal("a kept page has no encoding")
	}
	var got, want bytes.Buffer
	if err := jsonFormat.Marshal(&got, body); err != nil {
		t.Fatal(err)
	}
	if err := huma.DefaultJSONFormat.Marshal(&want, struct {
		Kind  string     `json:"kind"`
		Items []MatchDTO `json:"items"`
	}{"people", dtos}); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Fatalf("kept page written as\n%s\nwant\n%s", got.String(), want.String())
	}
	// A body without a kept encoding (no matches) is encoded as usual.
	got.Reset()
	jsonFormat.Marshal(&got, d.get("hr", "people", nil, func() []MatchDTO { return []MatchDTO{} }))
	if got.String() != `{"kind":"people","items":[]}`+"\n" {
		t.Fatalf("no matches written as %q", got.String())
	}
}
