package service

import (
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// rowEncoder writes open-data rows as CSV or JSON Lines by appending to one
// reused buffer, which it hands to the writer in large pieces. A dataset
// describes a row once (field by field, in column order) and gets both
// formats. The output is byte for byte what encoding/csv and json.Marshal
// produce — tests compare them over awkward strings — without their
// per-row allocations and reflection.
type rowEncoder struct {
	json   bool
	w      io.Writer
	buf    []byte
	fields int // fields written in the current row
	err    error
}

// rowFlushAt is the buffer size at which rows are handed to the writer.
const rowFlushAt = 64 << 10

func newRowEncoder(format string, w io.Writer) *rowEncoder {
	return &rowEncoder{json: format == FormatJSONL, w: w, buf: make([]byte, 0, rowFlushAt+8<<10)}
}

// header writes the CSV header row; JSON Lines has none.
func (e *rowEncoder) header(cols []string) {
	if e.json {
		return
	}
	for _, c := range cols {
		e.str(c, c)
	}
	e.end()
}

// end finishes a row and hands the buffer to the writer once it is full.
func (e *rowEncoder) end() error {
	if e.json {
		e.buf = append(e.buf, '}', '\n')
	} else {
		e.buf = append(e.buf, '\n')
	}
	e.fields = 0
	if len(e.buf) >= rowFlushAt {
		return e.flush()
	}
	return e.err
}

// flush writes out what the buffer holds.
func (e *rowEncoder) flush() error {
	if e.err == nil && len(e.buf) > 0 {
		_, e.err = e.w.Write(e.buf)
	}
	e.buf = e.buf[:0]
	return e.err
}

// key starts a field: the separator, and in JSON the member's name.
func (e *rowEncoder) key(name string) {
	switch {
	case !e.json:
		if e.fields > 0 {
			e.buf = append(e.buf, ',')
		}
	case e.fields == 0:
		e.buf = append(e.buf, '{', '"')
		e.buf = append(e.buf, name...)
		e.buf = append(e.buf, '"', ':')
	default:
		e.buf = append(e.buf, ',', '"')
		e.buf = append(e.buf, name...)
		e.buf = append(e.buf, '"', ':')
	}
	e.fields++
}

// str writes a text field.
func (e *rowEncoder) str(name, v string) {
	e.key(name)
	if e.json {
		e.buf = appendJSONString(e.buf, v)
	} else {
		e.buf = appendCSVField(e.buf, v)
	}
}

// list writes a list: a JSON array of strings, or one CSV cell with the
// items separated by "|".
func (e *rowEncoder) list(name string, v []string) {
	e.key(name)
	if e.json {
		e.buf = append(e.buf, '[')
		for i, s := range v {
			if i > 0 {
				e.buf = append(e.buf, ',')
			}
			e.buf = appendJSONString(e.buf, s)
		}
		e.buf = append(e.buf, ']')
		return
	}
	start := len(e.buf)
	for i, s := range v {
		if i > 0 {
			e.buf = append(e.buf, '|')
		}
		e.buf = append(e.buf, s...)
	}
	e.buf = quoteCSVTail(e.buf, start)
}

// int writes a number.
func (e *rowEncoder) int(name string, n int64) {
	e.key(name)
	e.buf = strconv.AppendInt(e.buf, n, 10)
}

// optInt writes a number, or null (an empty CSV cell) for nil.
func (e *rowEncoder) optInt(name string, n *int64) {
	if n == nil {
		e.null(name)
		return
	}
	e.int(name, *n)
}

// optFloat writes a coordinate, or null (an empty CSV cell) for nil.
func (e *rowEncoder) optFloat(name string, f *float64) {
	switch {
	case f == nil || e.json && (math.IsNaN(*f) || math.IsInf(*f, 0)):
		e.null(name)
	case e.json:
		e.key(name)
		e.buf = appendJSONFloat(e.buf, *f)
	default:
		e.key(name)
		e.buf = strconv.AppendFloat(e.buf, *f, 'f', -1, 64)
	}
}

// time writes a time: RFC 3339 in UTC in CSV, and in JSON as
// time.Time's MarshalJSON does (RFC 3339 with the fraction, if any).
func (e *rowEncoder) time(name string, t time.Time) {
	e.key(name)
	if e.json {
		e.buf = append(e.buf, '"')
		e.buf = t.AppendFormat(e.buf, time.RFC3339Nano)
		e.buf = append(e.buf, '"')
		return
	}
	e.buf = t.UTC().AppendFormat(e.buf, time.RFC3339)
}

// optTime is time, or null (an empty CSV cell) for nil.
func (e *rowEncoder) optTime(name string, t *time.Time) {
	if t == nil {
		e.null(name)
		return
	}
	e.time(name, *t)
}

// url writes prefix followed by an id (the row's page on the site).
func (e *rowEncoder) url(name, prefix string, id int64) {
	e.key(name)
	if e.json { // digits need no escaping: reopen the prefix's string
		e.buf = appendJSONString(e.buf, prefix)
		e.buf = strconv.AppendInt(e.buf[:len(e.buf)-1], id, 10)
		e.buf = append(e.buf, '"')
		return
	}
	start := len(e.buf)
	e.buf = append(e.buf, prefix...)
	e.buf = strconv.AppendInt(e.buf, id, 10)
	e.buf = quoteCSVTail(e.buf, start)
}

func (e *rowEncoder) null(name string) {
	e.key(name)
	if e.json {
		e.buf = append(e.buf, "null"...)
	}
}

// csvSpecial marks the bytes that make encoding/csv quote a field: the
// quote, the comma and line breaks.
var csvSpecial = [256]bool{'"': true, ',': true, '\n': true, '\r': true}

// csvNeedsQuotes reports whether encoding/csv would quote a field (with
// its default comma): empty fields never, `\.` always, fields holding a
// quote, comma or line break, and fields starting with a space.
func csvNeedsQuotes[S string | []byte](f S) bool {
	if len(f) == 0 {
		return false
	}
	if string(f) == `\.` {
		return true
	}
	for i := 0; i < len(f); i++ {
		if csvSpecial[f[i]] {
			return true
		}
	}
	if c := f[0]; c < utf8.RuneSelf { // the usual case, without decoding a rune
		return c == ' ' || c >= '\t' && c <= '\r'
	}
	r, _ := utf8.DecodeRuneInString(string(f[:min(len(f), utf8.UTFMax)]))
	return unicode.IsSpace(r)
}

// appendCSVField appends a field as encoding/csv writes it.
func appendCSVField(b []byte, f string) []byte {
	if !csvNeedsQuotes(f) {
		return append(b, f...)
	}
	return appendCSVQuoted(b, f)
}

// appendCSVQuoted appends a field in quotes, doubling the quotes inside.
func appendCSVQuoted[S string | []byte](b []byte, f S) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(f); i++ {
		if f[i] == '"' { // copy up to and including the quote, which the next run repeats
			b = append(b, f[start:i+1]...)
			start = i
		}
	}
	b = append(b, f[start:]...)
	return append(b, '"')
}

// quoteCSVTail quotes b[start:], the field just appended, if encoding/csv
// would.
func quoteCSVTail(b []byte, start int) []byte {
	if !csvNeedsQuotes(b[start:]) {
		return b
	}
	f := append([]byte(nil), b[start:]...)
	return appendCSVQuoted(b[:start], f)
}

// jsonSafe marks the ASCII bytes that stand for themselves in a JSON
// string: everything from space up but the quote and the backslash, and
// (as json.Marshal does, so that the data can sit inside HTML) <, > and &.
var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		t[c] = !strings.ContainsRune(`"\<>&`, c)
	}
	return t
}()

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string exactly as json.Marshal
// does: control characters escaped (\b \f \n \r \t or \u00XX), <, > and &
// as \u00XX, invalid UTF-8 replaced by \ufffd, and U+2028 and U+2029
// escaped so that the output is also safe JavaScript. Runs of characters
// that stand for themselves are copied whole, and two-byte characters
// (most of Greek and of the Latin letters with diacritics) are checked
// without decoding them.
func appendJSONString[S string | []byte](b []byte, s S) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonSafe[c] {
				i++
				continue
			}
			b = appendJSONEscape(append(b, s[start:i]...), c)
			i++
			start = i
			continue
		}
		if c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(string(s[i:min(len(s), i+utf8.UTFMax)]))
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendJSONEscape appends the escape of an ASCII byte that needs one.
func appendJSONEscape(b []byte, c byte) []byte {
	switch c {
	case '\\', '"':
		return append(b, '\\', c)
	case '\b':
		return append(b, '\\', 'b')
	case '\f':
		return append(b, '\\', 'f')
	case '\n':
		return append(b, '\\', 'n')
	case '\r':
		return append(b, '\\', 'r')
	case '\t':
		return append(b, '\\', 't')
	}
	return append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
}

// appendJSONFloat appends a finite float as encoding/json does: plain
// decimals, exponents only for very small or very large magnitudes.
func appendJSONFloat(b []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' { // e-09 → e-9, as encoding/json writes it
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}
