package orgimport

import (
	"bytes"
	"io"
)

// lineCounter passes bytes through and remembers where lines end, so that a
// byte offset reported by encoding/json can be turned into a line number.
// Offsets must be asked in increasing order; passed newlines are forgotten.
type lineCounter struct {
	r      io.Reader
	pos    int64   // bytes read so far
	nl     []int64 // offsets of the newlines not yet passed
	passed int     // newlines before nl[0]
}

// Read passes through, noting the offsets of newlines.
func (c *lineCounter) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	for i := 0; i < n; {
		j := bytes.IndexByte(b[i:n], '\n')
		if j < 0 {
			break
		}
		c.nl = append(c.nl, c.pos+int64(i+j))
		i += j + 1
	}
	c.pos += int64(n)
	return n, err
}

// lineAt returns the 1-based line of the byte at offset off.
func (c *lineCounter) lineAt(off int64) int {
	i := 0
	for i < len(c.nl) && c.nl[i] < off {
		i++
	}
	c.passed += i
	c.nl = c.nl[i:]
	return c.passed + 1
}
