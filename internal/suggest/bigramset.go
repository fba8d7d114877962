package suggest

// bigramSet holds a query's bigrams. Scoring asks it about every bigram
// of every label the query half-matches, tens of thousands per long text,
// and nearly all are absent: a 64-kbit filter in front of the map answers
// most of them with one bit test.
type bigramSet struct {
	filter [1 << 10]uint64
	set    map[uint64]struct{}
	bits   []uint16 // filter bits set, to clear them again
}

// slot hashes a bigram to a filter bit (Fibonacci hashing).
func slot(k uint64) uint16 { return uint16((k * 0x9E3779B97F4A7C15) >> 48) }

// add puts k in the set.
func (b *bigramSet) add(k uint64) {
	if b.set == nil {
		b.set = map[uint64]struct{}{}
	}
	i := slot(k)
	if b.filter[i>>6]&(1<<(i&63)) == 0 {
		b.filter[i>>6] |= 1 << (i & 63)
		b.bits = append(b.bits, i)
	}
	b.set[k] = struct{}{}
}

// has reports whether k is in the set.
func (b *bigramSet) has(k uint64) bool {
	i := slot(k)
	if b.filter[i>>6]&(1<<(i&63)) == 0 {
		return false
	}
	_, ok := b.set[k]
	return ok
}

// reset empties the set, touching only what add set.
func (b *bigramSet) reset() {
	for _, i := range b.bits {
		b.filter[i>>6] = 0
	}
	b.bits = b.bits[:0]
	clear(b.set)
}
