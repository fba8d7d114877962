package taxonomy

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// progressEvery is how many rows pass between two Progress calls: often
// enough for a progress bar, rare enough to cost nothing.
const progressEvery = 4096

// table reads a CSV file with a header row, one record at a time.
type table struct {
	name   string
	src    *source // nil when reading from a plain io.Reader
	csv    *csv.Reader
	header []string
	h      Handler
	step   stepper
	rows   int

	lastLine int // line where the last well-formed record started
}

// stepper numbers the files of one read for Progress.
type stepper struct{ step, steps int }

// newTable reads the header row of r. A UTF-8 byte order mark, which
// spreadsheet exports put before the first column name, is dropped from the
// stream itself: left in, it would turn a quoted first name into a
// bare-quote error.
func newTable(name string, r io.Reader, h Handler) (*table, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if bom, err := br.Peek(3); err == nil && string(bom) == "\ufeff" {
		br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1 // checked in call, to report file and line
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("taxonomy: %s: header: %w", name, err)
	}
	header = append([]string(nil), header...)
	for i := range header {
		header[i] = strings.TrimSpace(header[i])
	}
	return &table{name: name, csv: cr, header: header, h: h}, nil
}

// column returns the index of the column called name, or -1.
func (t *table) column(name string) int {
	for i, h := range t.header {
		if h == name {
			return i
		}
	}
	return -1
}

// columns returns the indexes of the named columns; a missing required
// column is an error, since no row could be read without it.
func (t *table) columns(required []string, optional ...string) (map[string]int, error) {
	idx := make(map[string]int, len(required)+len(optional))
	for _, name := range required {
		if idx[name] = t.column(name); idx[name] < 0 {
			return nil, fmt.Errorf("taxonomy: %s: no %q column", t.name, name)
		}
	}
	for _, name := range optional {
		idx[name] = t.column(name)
	}
	return idx, nil
}

// malformed marks an error as a problem of the row's content, to be
// reported as a *RowError rather than as the handler's failure.
type malformed struct{ err error }

func (m malformed) Error() string { return m.err.Error() }

// each calls fn for every data row. Malformed rows go to Handler.BadRow;
// fn's other errors and read errors stop the loop, wrapped with the file
// and line.
func (t *table) each(ctx context.Context, fn func(row []string) error) error {
	t.progress(false)
	for {
		row, err := t.csv.Read()
		switch {
		case errors.Is(err, io.EOF):
			t.progress(true)
			return nil
		case err != nil:
			err = t.readFailed(err)
		default:
			t.lastLine, _ = t.csv.FieldPos(0)
			err = t.call(row, fn)
		}
		if err != nil {
			return err
		}
		if t.rows++; t.rows%progressEvery == 0 {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("taxonomy: %s: %w", t.name, err)
			}
			t.progress(false)
		}
	}
}

// call checks the row's width and passes it to fn.
func (t *table) call(row []string, fn func(row []string) error) error {
	if len(row) != len(t.header) {
		err := fmt.Errorf("%w: %d fields, header has %d", csv.ErrFieldCount, len(row), len(t.header))
		return t.bad(&RowError{File: t.name, Line: t.lastLine, Err: err})
	}
	err := fn(row)
	var m malformed
	switch {
	case err == nil:
		return nil
	case errors.As(err, &m):
		return t.bad(&RowError{File: t.name, Line: t.lastLine, Err: m.err})
	}
	return fmt.Errorf("taxonomy: %s line %d: %w", t.name, t.lastLine, err)
}

// readFailed handles an error from the CSV reader: broken quoting is a bad
// row, anything else (a truncated or corrupt gzip stream, a disk error)
// stops the read.
func (t *table) readFailed(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return t.bad(&RowError{File: t.name, Line: pe.StartLine, Err: pe.Err})
	}
	return fmt.Errorf("taxonomy: %s after line %d: %w", t.name, t.lastLine, err)
}

// bad passes a malformed row to Handler.BadRow, or returns it if unset.
func (t *table) bad(re *RowError) error {
	if t.h.BadRow == nil {
		return re
	}
	return t.h.BadRow(re)
}

// progress reports to Handler.Progress, if set.
func (t *table) progress(done bool) {
	if t.h.Progress == nil {
		return
	}
	p := Progress{File: t.name, Step: t.step.step, Steps: t.step.steps, Rows: t.rows, Done: done}
	if t.src != nil {
		p.Bytes, p.Size = t.src.count.n, t.src.size
	}
	t.h.Progress(p)
}
