//go:build race

package suggest

// raceEnabled tells timing tests that the race detector is on.
const raceEnabled = true
