package textnorm

import "testing"

// TestFoldIdempotentEveryRune folds every Unicode code point twice: the index
// and the query only meet if folding a folded string changes nothing.
func TestFoldIdempotentEveryRune(t *testing.T) {
	if testing.Short() {
		t.Skip("folds all 1.1 million code points")
	}
	bad := 0
	for r := rune(0); r <= 0x10FFFF; r++ {
		s := "a" + string(r) + "b"
		once := Fold(s)
		if twice := Fold(once); twice != once {
			if bad++; bad <= 10 {
				t.Errorf("U+%04X: Fold = %q, Fold(Fold) = %q", r, once, twice)
			}
		}
	}
	if bad > 10 {
		t.Errorf("%d code points in all", bad)
	}
}
