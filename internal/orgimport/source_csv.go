package orgimport

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

type csvSource struct {
	p       *plan
	cr      *csv.Reader
	idx     []int // file field index of each plan column
	width   int   // header width; 0 without header
	pending []string
	line    int
}

func (p *plan) openCSV(r io.Reader) (source, error) {
	cr := csv.NewReader(r)
	cr.Comma, cr.LazyQuotes, cr.FieldsPerRecord = p.sep, p.lazy, -1
	first, err := cr.Read()
	if err == io.EOF {
		return &csvSource{p: p, cr: cr}, nil // empty file: no rows
	}
	if err != nil {
		return nil, fmt.Errorf("orgimport: reading the first CSV record: %w", err)
	}
	s := &csvSource{p: p, cr: cr}
	names := first
	if !p.header {
		names = make([]string, len(first))
		for i := range first {
			names[i] = strconv.Itoa(i + 1)
		}
		s.pending = first
		s.line, _ = cr.FieldPos(0)
	} else {
		s.width = len(first)
	}
	at, err := p.locate(names)
	if err != nil {
		return nil, err
	}
	s.idx = make([]int, len(p.columns))
	for i, c := range p.columns {
		s.idx[i] = at[c]
	}
	return s, nil
}

func (s *csvSource) next() (record, error) {
	fields, line, err := s.read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			// A syntax error spoils this record only: the reader has
			// consumed it, so report it and go on.
			return record{line: pe.StartLine, reject: ReasonBadCSV + ": " + pe.Err.Error()}, nil
		}
		return record{}, err
	}
	rec := record{line: line, fields: fields, sep: s.p.sep}
	if s.width > 0 && len(fields) != s.width {
		rec.reject = fmt.Sprintf("%s: %d fields, header has %d", ReasonFieldCount, len(fields), s.width)
		return rec, nil
	}
	rec.values = make([]string, len(s.idx))
	for i, fi := range s.idx {
		if fi >= len(fields) {
			rec.reject = fmt.Sprintf("%s: %d fields, column %s needed", ReasonFieldCount, len(fields), s.p.columns[i])
			return rec, nil
		}
		rec.values[i] = fields[fi]
		if !utf8.ValidString(fields[fi]) {
			rec.reject = fmt.Sprintf("%s: column %q is not valid %s", ReasonBadEncoding, s.p.columns[i], s.p.encName)
			return rec, nil
		}
	}
	return rec, nil
}

// read returns the next record and the line it starts on.
func (s *csvSource) read() ([]string, int, error) {
	if s.pending != nil {
		f := s.pending
		s.pending = nil
		return f, s.line, nil
	}
	f, err := s.cr.Read()
	if err != nil {
		return nil, 0, err
	}
	line, _ := s.cr.FieldPos(0)
	return f, line, nil
}
