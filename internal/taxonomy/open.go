package taxonomy

import (
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
)

// Open opens the file name in fsys for reading. If name is absent but
// name+".gz" exists, or name itself ends in ".gz", it is gunzipped on the
// fly, so callers read the compressed embedded copy and a plain file from a
// downloaded release alike. A file absent in both forms gives an error
// that matches fs.ErrNotExist.
func Open(fsys fs.FS, name string) (io.ReadCloser, error) {
	src, err := openSource(fsys, name)
	if err != nil {
		return nil, err
	}
	return src, nil
}

// source is an opened taxonomy file. It counts the bytes read from the
// stored file, compressed or not, so progress can be reported against
// the size on disk.
type source struct {
	io.Reader
	file  fs.File
	gz    *gzip.Reader
	count *countingReader
	size  int64
}

// openSource implements Open.
func openSource(fsys fs.FS, name string) (*source, error) {
	f, err := fsys.Open(name)
	gzipped := strings.HasSuffix(name, ".gz")
	if errors.Is(err, fs.ErrNotExist) && !gzipped {
		f, err = fsys.Open(name + ".gz")
		gzipped = true
	}
	if err != nil {
		return nil, fmt.Errorf("taxonomy: open %s: %w", name, err)
	}
	src := &source{file: f, count: &countingReader{r: f}}
	if st, err := f.Stat(); err == nil {
		src.size = st.Size()
	}
	src.Reader = src.count
	if gzipped {
		if src.gz, err = gzip.NewReader(src.count); err != nil {
			f.Close()
			return nil, fmt.Errorf("taxonomy: open %s: %w", name, err)
		}
		src.Reader = src.gz
	}
	return src, nil
}

// exists reports whether name or name+".gz" is in fsys.
func exists(fsys fs.FS, name string) bool {
	for _, n := range []string{name, name + ".gz"} {
		if _, err := fs.Stat(fsys, n); err == nil {
			return true
		}
	}
	return false
}

// Close closes the gzip stream, which checks nothing more, and the file.
func (s *source) Close() error {
	if s.gz != nil {
		s.gz.Close()
	}
	return s.file.Close()
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

// Read implements io.Reader.
func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
