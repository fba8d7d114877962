package orgimport

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/transform"
)

// record is one row as the source read it: the values of the plan's
// columns, in plan order.
type record struct {
	line   int      // physical line where the record starts
	values []string // aligned with plan.columns
	reject string   // set when the source itself cannot use the record
	// The record as read, kept unformatted: only rejections need the text.
	fields  []string // CSV
	sep     rune
	rawJSON []byte // JSON
}

// raw returns the record's text for Rejection.Raw, shortened.
func (r record) raw() string {
	if r.rawJSON != nil {
		return shorten(string(r.rawJSON))
	}
	return shorten(strings.Join(r.fields, string(r.sep)))
}

// source yields records until io.EOF.
type source interface {
	next() (record, error)
}

// MissingColumnsError reports mapped columns that the file lacks; Parse
// returns it before reading any row.
type MissingColumnsError struct {
	Columns   []string // mapped but absent, by target field name
	Available []string // what the file has
}

// Error names the missing columns and those the file has.
func (e *MissingColumnsError) Error() string {
	return fmt.Sprintf("orgimport: the file lacks mapped column(s) %s (it has %s)",
		quoteList(e.Columns), quoteList(e.Available))
}

func quoteList(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

// open decodes r to UTF-8, drops a byte-order mark, and reads the header
// (CSV) or the first record (JSON) to check the mapped columns.
func (p *plan) open(r io.Reader) (source, error) {
	if p.enc != nil {
		r = transform.NewReader(r, p.enc.NewDecoder())
	}
	br := bufio.NewReaderSize(r, 64<<10)
	if bom, err := br.Peek(3); err == nil && bytes.Equal(bom, []byte("\xef\xbb\xbf")) {
		_, _ = br.Discard(3)
	}
	if p.format == "json" {
		return p.openJSON(br)
	}
	return p.openCSV(br)
}

// headerKey is how header names and mapped columns are compared.
func headerKey(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// locate finds each mapped column among the names the file offers (CSV
// header or JSON keys): exact match first, then ignoring case and spaces.
func (p *plan) locate(available []string) (map[string]int, error) {
	exact, loose := map[string]int{}, map[string]int{}
	for i := len(available) - 1; i >= 0; i-- { // first occurrence wins
		exact[available[i]] = i
		loose[headerKey(available[i])] = i
	}
	out := map[string]int{}
	var missing []string
	for _, c := range p.columns {
		if i, ok := exact[c]; ok {
			out[c] = i
		} else if i, ok := loose[headerKey(c)]; ok {
			out[c] = i
		} else {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		return nil, &MissingColumnsError{Columns: missing, Available: available}
	}
	return out, nil
}

// shorten keeps Raw readable in reports.
func shorten(s string) string {
	const max = 500
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && s[cut]&0xC0 == 0x80 { // do not split a UTF-8 sequence
		cut--
	}
	return s[:cut] + "…"
}
