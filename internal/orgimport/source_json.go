package orgimport

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"
)

type jsonSource struct {
	p       *plan
	dec     *json.Decoder
	lines   *lineCounter
	keys    []string // JSON key of each plan column (resolved on the first record)
	pending *record
	done    bool
}

func (p *plan) openJSON(r io.Reader) (source, error) {
	lc := &lineCounter{r: r}
	s := &jsonSource{p: p, dec: json.NewDecoder(lc), lines: lc}
	s.dec.UseNumber()
	if err := s.enterArray(); err != nil {
		return nil, err
	}
	if !s.dec.More() {
		s.done = true
		return s, nil
	}
	first, obj, err := s.decodeOne()
	if err != nil {
		return nil, err
	}
	if obj != nil { // a first element that is not an object is rejected later
		if err := s.resolveKeys(obj); err != nil {
			return nil, err
		}
		first = s.fill(first, obj)
	}
	s.pending = &first
	return s, nil
}

// enterArray walks the records path and consumes the array's '['.
func (s *jsonSource) enterArray() error {
	for _, key := range s.p.records {
		if err := s.findKey(key); err != nil {
			return err
		}
	}
	tok, err := s.dec.Token()
	if err != nil {
		return s.syntax(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return fmt.Errorf("orgimport: JSON records at %q: not an array", strings.Join(s.p.records, "."))
	}
	return nil
}

// findKey enters an object and stops before the value of key.
func (s *jsonSource) findKey(key string) error {
	tok, err := s.dec.Token()
	if err != nil {
		return s.syntax(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return fmt.Errorf("orgimport: JSON records path: %q is not inside an object", key)
	}
	for s.dec.More() {
		k, err := s.dec.Token()
		if err != nil {
			return s.syntax(err)
		}
		if k == key {
			return nil
		}
		var skip json.RawMessage
		if err := s.dec.Decode(&skip); err != nil {
			return s.syntax(err)
		}
	}
	return fmt.Errorf("orgimport: JSON records path: key %q not found", key)
}

// syntax reports a fatal JSON error found by Token, whose offsets count
// from the start of the input.
func (s *jsonSource) syntax(err error) error {
	return s.syntaxAt(err, 0)
}

// syntaxAt reports a fatal JSON error with its line. SyntaxError offsets
// from Decode count from base (the value's start); a truncated file fails
// at its end.
func (s *jsonSource) syntaxAt(err error, base int64) error {
	off := s.dec.InputOffset()
	var se *json.SyntaxError
	if errors.Is(err, io.ErrUnexpectedEOF) {
		off = s.lines.pos
	} else if errors.As(err, &se) {
		off = base + se.Offset
	}
	return fmt.Errorf("orgimport: JSON near line %d: %w", s.lines.lineAt(off), err)
}

// decodeOne reads the next array element; obj is nil when it is not an
// object, and the record is then already rejected.
func (s *jsonSource) decodeOne() (record, map[string]json.RawMessage, error) {
	var raw json.RawMessage
	base := s.dec.InputOffset()
	if err := s.dec.Decode(&raw); err != nil {
		return record{}, nil, s.syntaxAt(err, base)
	}
	start := s.dec.InputOffset() - int64(len(raw))
	rec := record{line: s.lines.lineAt(start), rawJSON: raw}
	if !utf8.Valid(raw) { // encoding/json would silently substitute U+FFFD
		rec.reject = fmt.Sprintf("%s: record is not valid %s", ReasonBadEncoding, s.p.encName)
		return rec, nil, nil
	}
	// Values stay raw: only the mapped ones are converted, in fill.
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil || obj == nil {
		rec.reject = ReasonBadRecord + ": not a JSON object"
		return rec, nil, nil
	}
	return rec, obj, nil
}

func (s *jsonSource) next() (record, error) {
	if s.pending != nil {
		r := *s.pending
		s.pending = nil
		return r, nil
	}
	if s.done || !s.dec.More() {
		s.done = true
		return record{}, io.EOF
	}
	rec, obj, err := s.decodeOne()
	if err != nil || obj == nil {
		return rec, err
	}
	if s.keys == nil { // the first element was not an object
		if err := s.resolveKeys(obj); err != nil {
			return record{}, err
		}
	}
	return s.fill(rec, obj), nil
}

// resolveKeys matches the mapped columns against the first record's keys:
// exact key or dotted path first, then ignoring case and spaces. Later
// records lacking a key give empty values.
func (s *jsonSource) resolveKeys(obj map[string]json.RawMessage) error {
	avail := make([]string, 0, len(obj))
	for k := range obj {
		avail = append(avail, k)
	}
	sort.Strings(avail)
	loose := map[string]string{}
	for i := len(avail) - 1; i >= 0; i-- {
		loose[headerKey(avail[i])] = avail[i]
	}
	var missing []string
	s.keys = make([]string, len(s.p.columns))
	for i, c := range s.p.columns {
		if _, ok := lookupPath(obj, c); ok {
			s.keys[i] = c
		} else if k, ok := loose[headerKey(c)]; ok {
			s.keys[i] = k
		} else {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		return &MissingColumnsError{Columns: missing, Available: avail}
	}
	return nil
}

// lookupPath finds a key, or a dot-separated path into nested objects.
func lookupPath(obj map[string]json.RawMessage, path string) (json.RawMessage, bool) {
	if v, ok := obj[path]; ok {
		return v, true
	}
	head, rest, found := strings.Cut(path, ".")
	if !found {
		return nil, false
	}
	var inner map[string]json.RawMessage
	if json.Unmarshal(obj[head], &inner) != nil || inner == nil {
		return nil, false
	}
	return lookupPath(inner, rest)
}

// fill reads the plan's columns from a decoded record.
func (s *jsonSource) fill(rec record, obj map[string]json.RawMessage) record {
	rec.values = make([]string, len(s.keys))
	for i, k := range s.keys {
		v, ok := lookupPath(obj, k)
		if !ok {
			v = lookupLoose(obj, k)
		}
		rec.values[i] = jsonText(v)
	}
	return rec
}

// lookupLoose finds a key ignoring case and surrounding spaces, for records
// that spell a key differently from the first one; nil when absent.
func lookupLoose(obj map[string]json.RawMessage, key string) json.RawMessage {
	want := headerKey(key)
	for k, v := range obj {
		if headerKey(k) == want {
			return v
		}
	}
	return nil
}

// jsonText renders a raw JSON value as the text a CSV cell would hold:
// strings unquoted, numbers as written, null empty, objects and arrays as
// JSON.
func jsonText(v json.RawMessage) string {
	v = bytes.TrimSpace(v)
	switch {
	case len(v) == 0 || string(v) == "null":
		return ""
	case v[0] == '"' && bytes.IndexByte(v, '\\') < 0:
		return string(v[1 : len(v)-1]) // no escapes: the bytes are the text
	case v[0] == '"':
		var s string
		if json.Unmarshal(v, &s) == nil {
			return s
		}
	}
	return string(v)
}
