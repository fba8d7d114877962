package textnorm

import "sync"

// The table holds the folded form of every rune of the scripts Ponte meets
// most (Latin with its extensions, Greek, Cyrillic, Greek Extended), so that
// folding one of them is an index instead of a Unicode decomposition, a
// case mapping and several category look-ups: about ten times faster on
// Greek text.
const (
	lowStart, lowEnd   = 0x80, 0x800    // Latin-1 to Cyrillic Supplement
	highStart, highEnd = 0x1E00, 0x2000 // Latin Extended Additional, Greek Extended
)

var (
	tableOnce sync.Once
	table     [lowEnd - lowStart + highEnd - highStart]string
)

// tableLookup returns the folded form of r if r is in the table.
func tableLookup(r rune) (string, bool) {
	i, ok := tableIndex(r)
	if !ok {
		return "", false
	}
	tableOnce.Do(buildTable)
	return table[i], true
}

// tableIndex maps r to its slot in table.
func tableIndex(r rune) (int, bool) {
	switch {
	case lowStart <= r && r < lowEnd:
		return int(r - lowStart), true
	case highStart <= r && r < highEnd:
		return int(r-highStart) + lowEnd - lowStart, true
	}
	return 0, false
}

// buildTable fills table once, on the first non-ASCII input, so that
// programs that never fold pay nothing at start-up.
func buildTable() {
	var buf [32]byte
	for r := rune(lowStart); r < highEnd; r++ {
		if i, ok := tableIndex(r); ok {
			table[i] = string(appendFolded(buf[:0], r))
		}
	}
}
