package sqlstore

import (
	"testing"
	"time"
)

// TestParseStoredTime checks the hand-written parser against the forms
// the SQLite driver writes and reads: time.Time.String in UTC (with and
// without a fraction), other zones and the driver's other layouts, which
// go through time.Parse.
func TestParseStoredTime(t *testing.T) {
	cet := time.FixedZone("CET", 3600)
	for _, want := range []time.Time{
		time.Date(2025, 11, 29, 2, 14, 0, 0, time.UTC),
		time.Date(2026, 11, 22, 13, 22, 56, 416989000, time.UTC),
		time.Date(1999, 12, 31, 23, 59, 59, 1, time.UTC),
		time.Date(2024, 2, 29, 0, 0, 0, 120000000, time.UTC),
		time.Date(2025, 6, 1, 12, 0, 0, 5000, cet),
	} {
		got, err := parseStoredTime(want.String())
		if err != nil || !got.Equal(want) {
			t.Errorf("parseStoredTime(%q) = %v, %v; want %v", want.String(), got, err, want)
		}
	}
	for s, want := range map[string]time.Time{
		"2025-01-02 03:04:05.5+02:00": time.Date(2025, 1, 2, 1, 4, 5, 5e8, time.UTC),
		"2025-01-02T03:04:05Z":        time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC),
		"2025-01-02 03:04":            time.Date(2025, 1, 2, 3, 4, 0, 0, time.UTC),
		"2025-01-02":                  time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC),
		"2025-01-02 03:04:05.123 +0000 UTC m=+0.000000001": time.Date(2025, 1, 2, 3, 4, 5, 123e6, time.UTC),
	} {
		if got, err := parseStoredTime(s); err != nil || !got.Equal(want) {
			t.Errorf("parseStoredTime(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	for _, bad := range []string{"", "yesterday", "2025-02-31 00:00:00 +0000 UTC", "2025-13-01 00:00:00 +0000 UTC",
		"2025-01-01 00:00:00. +0000 UTC", "2025-01-01 24:00:00 +0000 UTC"} {
		if got, err := parseStoredTime(bad); err == nil {
			t.Errorf("parseStoredTime(%q) = %v, want an error", bad, got)
		}
	}
}
