package sqlstore

import (
	"fmt"
	"strings"
	"time"
)

// openTimeCol selects a timestamp column for the open-data walks so that it
// arrives as text on SQLite, where the driver would otherwise parse it
// with time.Parse, trying layouts in turn (a microsecond a value, a tenth
// of the export's time); scanTime parses the usual form directly.
// PostgreSQL sends timestamps in binary, so the column stays as it is.
func (s *Store) openTimeCol(col string) string {
	if s.db.dialect == Postgres {
		return col
	}
	return "CAST(" + col + " AS TEXT)"
}

// scanTime scans a timestamp, given as a time or as text, into a UTC time;
// a NULL leaves *t nil when t is optional.
type scanTime struct {
	t   *time.Time
	opt **time.Time
}

// Scan implements sql.Scanner.
func (s scanTime) Scan(v any) error {
	var t time.Time
	switch x := v.(type) {
	case nil:
		if s.opt == nil {
			return fmt.Errorf("scanTime: NULL")
		}
		*s.opt = nil
		return nil
	case time.Time:
		t = x
	case string:
		var err error
		if t, err = parseStoredTime(x); err != nil {
			return err
		}
	case []byte:
		var err error
		if t, err = parseStoredTime(string(x)); err != nil {
			return err
		}
	default:
		return fmt.Errorf("scanTime: unexpected %T", v)
	}
	t = t.UTC()
	if s.opt != nil {
		*s.opt = &t
		return nil
	}
	*s.t = t
	return nil
}

// parseStoredTime parses a time as the SQLite driver stores it (Go's
// time.Time.String form, "2006-01-02 15:04:05.999999999 +0000 UTC"), by
// hand when it is in UTC, else as the driver itself would.
func parseStoredTime(s string) (time.Time, error) {
	if t, ok := parseUTCString(s); ok {
		return t, nil
	}
	if i := strings.Index(s, " m="); i > 0 { // a monotonic clock reading
		s = s[:i]
	}
	s = strings.TrimSpace(s)
	if t, err := time.Parse("2006-01-02 15:04:05.999999999 -0700 MST", s); err == nil {
		return t, nil
	}
	ts, _ := strings.CutSuffix(s, "Z")
	for _, f := range []string{"2006-01-02 15:04:05.999999999-07:00", "2006-01-02T15:04:05.999999999-07:00",
		"2006-01-02 15:04:05.999999999", "2006-01-02T15:04:05.999999999", "2006-01-02 15:04", "2006-01-02T15:04",
		"2006-01-02"} {
		if t, err := time.Parse(f, ts); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("scanTime: cannot parse %q", s)
}

// parseUTCString parses "YYYY-MM-DD hh:mm:ss[.fraction] +0000 UTC".
func parseUTCString(s string) (time.Time, bool) {
	const suffix = " +0000 UTC"
	if len(s) < 19+len(suffix) || !strings.HasSuffix(s, suffix) || s[4] != '-' || s[7] != '-' || s[10] != ' ' ||
		s[13] != ':' || s[16] != ':' {
		return time.Time{}, false
	}
	num := func(a, b int) (int, bool) {
		n := 0
		for i := a; i < b; i++ {
			if s[i] < '0' || s[i] > '9' {
				return 0, false
			}
			n = n*10 + int(s[i]-'0')
		}
		return n, true
	}
	y, ok1 := num(0, 4)
	mo, ok2 := num(5, 7)
	d, ok3 := num(8, 10)
	h, ok4 := num(11, 13)
	mi, ok5 := num(14, 16)
	sec, ok6 := num(17, 19)
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59 {
		return time.Time{}, false
	}
	ns, frac := 0, s[19:len(s)-len(suffix)]
	if frac != "" {
		if frac[0] != '.' || len(frac) < 2 || len(frac) > 10 {
			return time.Time{}, false
		}
		n, ok := num(20, 19+len(frac))
		if !ok {
			return time.Time{}, false
		}
		for i := len(frac) - 1; i < 9; i++ {
			n *= 10
		}
		ns = n
	}
	t := time.Date(y, time.Month(mo), d, h, mi, sec, ns, time.UTC)
	if t.Day() != d { // 31 February and the like: let time.Parse refuse it
		return time.Time{}, false
	}
	return t, true
}
