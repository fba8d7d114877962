package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"testing"

	"github.com/ponte-platform/ponte/internal/search"
)

// TestTSVectorOfMatchesLiteral checks on PostgreSQL that the binary
// tsvector a seed session copies (tsvectorOf) is the one PostgreSQL reads
// from the text literal UpsertSearchDocs sends (Tokens.TSVector): same
// lexemes, positions and weights, also past the caps of 256 positions per
// lexeme and position 16,383, and when a word is a raw word and a stem.
func TestTSVectorOfMatchesLiteral(t *testing.T) {
	u := os.Getenv("PONTE_TEST_POSTGRES_URL")
	if u == "" {
		t.Skip("PONTE_TEST_POSTGRES_URL is not set")
	}
	db, err := sql.Open("pgx", u)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	long := make([]string, 17000)
	for i := range long {
		long[i] = fmt.Sprintf("w%d", i%400)
	}
	cases := []search.Tokens{
		search.Index("en", "Managing energy projects", "energy managers"),
		search.Index("", "Ανάλυση δεδομένων και ενέργεια", "Šibenik, Târgu Mureș: istraživanje"),
		{Raw: []string{"manag", "manag"}, Stems: []string{"manag"}, Facets: []string{"type=person", "skill=12"}},
		{Raw: long, Stems: []string{"w1", "zeta"}, Facets: []string{"region=el", "region=el3"}},
		{Facets: []string{"type=organisation"}},
	}
	for i, tk := range cases {
		tk.Facets = append(tk.Facets, search.Index("en", "type person").Raw...)
		var same bool
		var lit, bin string
		err := db.QueryRowContext(context.Background(), `SELECT CAST($1 AS tsvector) = $2::tsvector,
			CAST($1 AS tsvector)::text, $2::tsvector::text`, tk.TSVector(), tsvectorOf(tk)).Scan(&same, &lit, &bin)
		if err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		if !same || lit != bin {
			t.Errorf("case %d: literal %.300s\nbinary %.300s", i, lit, bin)
		}
	}
}
