package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
)

// openBatch is how many rows each open-data query reads: big enough that
// the per-query cost vanishes, small enough that memory stays flat.
const openBatch = 2000

// openWalk is how a dataset is read, batch by batch: head appends the rows
// after an id to buf (returning the last id read and whether more may
// follow), and each fill adds related rows (skills, languages…) to a
// batch.
type openWalk[T any] struct {
	head  func(ctx context.Context, after int64, buf []T) (rows []T, last int64, more bool, err error)
	fills []func(ctx context.Context, rows []T) error
}

// openBuf returns a batch's buffer: one that an earlier batch used, when
// free has one, else a new one. Reusing them halved what an export of
// proposals allocates, and with it the collector's work.
func openBuf[T any](free <-chan []T) []T {
	select {
	case buf := <-free:
		return buf[:0]
	default:
		return make([]T, 0, openBatch)
	}
}

// openBatchOf is one batch on its way from the database to fn.
type openBatchOf[T any] struct {
	rows []T
	err  error
}

// each walks the dataset as a pipeline: while fn writes out one batch,
// each fill completes one of the batches after it and head reads the next,
// each on its own goroutine and connection, so the database's work spreads
// over the cores and overlaps the encoding: whichever stage is slowest
// sets the pace, not the sum of the fills. At most 3+2×fills batches exist
// at once, and two spare buffers, so memory stays flat whatever the
// table's size. fn's error (or
// the context's) stops the walk and comes back as is; every reader has
// stopped by the time each returns.
func (w openWalk[T]) each(ctx context.Context, fn func(*T) error) error {
	ctx, cancel := context.WithCancel(ctx)
	full := make(chan openBatchOf[T], 1)
	free := make(chan []T, 2)
	go w.readHeads(ctx, full, free)
	for _, f := range w.fills {
		in := full
		full = make(chan openBatchOf[T], 1)
		go fillBatches(ctx, f, in, full)
	}
	stop := func(err error) error {
		cancel()
		for range full { // wait for the readers to let go of their connections
		}
		return err
	}
	for b := range full {
		if b.err != nil {
			if err := ctx.Err(); err != nil {
				return stop(err) // the caller gave up: say so rather than how a query failed
			}
			return stop(b.err)
		}
		for i := range b.rows {
			if i%256 == 0 { // a caller that gave up stops the rows already read too
				if err := ctx.Err(); err != nil {
					return stop(err)
				}
			}
			if err := fn(&b.rows[i]); err != nil {
				return stop(err)
			}
		}
		select { // fn does not keep the rows: the buffer can take the next batch
		case free <- b.rows:
		default:
		}
	}
	return stop(ctx.Err())
}

// readHeads sends batches of rows until the table or the context ends,
// each in a buffer from free if there is one.
func (w openWalk[T]) readHeads(ctx context.Context, out chan<- openBatchOf[T], free <-chan []T) {
	defer close(out)
	var after int64
	for more := true; more; {
		var b openBatchOf[T]
		b.rows, after, more, b.err = w.head(ctx, after, openBuf(free))
		select {
		case out <- b:
		case <-ctx.Done():
			return
		}
		if b.err != nil {
			return
		}
	}
}

// fillBatches runs fill on each batch from in and passes it on; a batch
// that failed before passes as it is.
func fillBatches[T any](ctx context.Context, fill func(context.Context, []T) error, in <-chan openBatchOf[T], out chan<- openBatchOf[T]) {
	defer close(out)
	defer func() {
		for range in { // let the stages before finish before out closes
		}
	}()
	for b := range in {
		if b.err == nil && len(b.rows) > 0 {
			b.err = fill(ctx, b.rows)
		}
		select {
		case out <- b:
		case <-ctx.Done():
			return
		}
		if b.err != nil {
			return
		}
	}
}

// related holds a batch's related rows (skills, languages, codes…) as a
// query ordered by owner id returns them: owner ids and values side by
// side. The values of one owner are handed out as a sub-slice of vals, so
// a batch costs a few allocations however many lists it has.
type related struct {
	ids  []int64
	vals []string
	ids1 []int64 // scratch for addIDList
}

// load runs q (which selects an owner id and a value, and optionally a
// flag) over the owners lo..hi.
func (r *related) load(ctx context.Context, s *Store, op, q string, lo, hi int64, n int, value func(*sql.Rows, *related) error) error {
	r.ids, r.vals = make([]int64, 0, n), make([]string, 0, n)
	return s.queryEach(ctx, s.r, op, q, []any{lo, hi}, func(rows *sql.Rows) error { return value(rows, r) })
}

// each calls set for every owner (in the ascending ids given by idOf) with
// the range of its related rows; both sides are sorted by id.
func (r *related) each(n int, idOf func(i int) int64, set func(i, lo, hi int)) {
	k := 0
	for i := 0; i < n; i++ {
		id := idOf(i)
		for k < len(r.ids) && r.ids[k] < id {
			k++
		}
		lo := k
		for k < len(r.ids) && r.ids[k] == id {
			k++
		}
		if k > lo {
			set(i, lo, k)
		}
	}
}

// addIDList adds an owner's concepts from a comma-separated list of ids
// (as idList aggregates them), as URIs in id order.
func (r *related) addIDList(owner int64, list string, uris *conceptNames) error {
	r.ids1 = r.ids1[:0]
	for len(list) > 0 {
		n, rest, ok := parseID(list)
		if !ok {
			return fmt.Errorf("bad id list %q", list)
		}
		r.ids1, list = append(r.ids1, n), rest
	}
	slices.Sort(r.ids1)
	for _, c := range r.ids1 {
		r.ids, r.vals = append(r.ids, owner), append(r.vals, uris.uri(c))
	}
	return nil
}

// parseID reads a non-negative decimal id and the comma after it, if any.
func parseID(b string) (n int64, rest string, ok bool) {
	i := 0
	for ; i < len(b) && b[i] >= '0' && b[i] <= '9' && i < 18; i++ {
		n = n*10 + int64(b[i]-'0')
	}
	switch {
	case i == 0:
		return 0, "", false
	case i == len(b):
		return n, "", true
	case b[i] == ',':
		return n, b[i+1:], true
	}
	return 0, "", false
}

// idList aggregates a group's integer column into one comma-separated
// text: reading one row per owner instead of one per related row is what
// makes long lists cheap to read through database/sql.
func (s *Store) idList(col string) string {
	if s.db.dialect == Postgres {
		col += "::text"
	}
	return s.textList(col)
}

// textList aggregates a group's text into one comma-separated text, in
// no particular order: the caller sorts the items.
func (s *Store) textList(col string) string {
	if s.db.dialect == Postgres {
		return "string_agg(" + col + ", ',')"
	}
	return "group_concat(" + col + ", ',')"
}

// list returns the values lo..hi as a slice whose appends cannot spill
// into the next owner's values.
func (r *related) list(lo, hi int) []string { return r.vals[lo:hi:hi] }

// sortedList is list sorted, for lists ordered by URI rather than by the
// concept ids the covering indexes hold.
func (r *related) sortedList(lo, hi int) []string {
	v := r.list(lo, hi)
	slices.Sort(v)
	return v
}

// conceptNames maps concept ids to URIs for the length of one export:
// read once, so that skill lists come from covering indexes without a join
// (and a sort by URI) per row. Ids are dense, so a slice indexed by id
// serves them unless they are very sparse.
type conceptNames struct {
	dense  []string
	sparse map[int64]string
}

// uri returns the concept's URI, "" for an unknown id.
func (c *conceptNames) uri(id int64) string {
	if c.sparse != nil {
		return c.sparse[id]
	}
	if id >= 0 && id < int64(len(c.dense)) {
		return c.dense[id]
	}
	return ""
}

// withConcepts runs walk while the concept URIs are read beside its first
// head query rather than before it: uris waits for them (on PostgreSQL at
// scale 1 reading them took a tenth of an export's time). The reader has
// stopped by the time withConcepts returns.
func (s *Store) withConcepts(ctx context.Context, walk func(ctx context.Context, uris func() (*conceptNames, error)) error) error {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	var names *conceptNames
	var err error
	go func() {
		defer close(done)
		names, err = s.conceptURIs(ctx)
	}()
	werr := walk(ctx, func() (*conceptNames, error) { <-done; return names, err })
	cancel()
	<-done
	return werr
}

// conceptURIs reads every concept's id and URI: a few tens of thousands of
// rows.
func (s *Store) conceptURIs(ctx context.Context) (*conceptNames, error) {
	ids := make([]int64, 0, 32<<10)
	uris := make([]string, 0, 32<<10)
	var top int64
	err := s.queryEach(ctx, s.r, "conceptURIs", `SELECT id, uri FROM concepts`, nil, func(r *sql.Rows) error {
		var id int64
		var uri string
		if err := r.Scan(&id, &uri); err != nil {
			return err
		}
		ids, uris, top = append(ids, id), append(uris, uri), max(top, id)
		return nil
	})
	if err != nil {
		return nil, err
	}
	c := &conceptNames{}
	if top < int64(4*len(ids)+1024) && slices.Min(append(ids, 0)) >= 0 {
		c.dense = make([]string, top+1)
		for i, id := range ids {
			c.dense[id] = uris[i]
		}
		return c, nil
	}
	c.sparse = make(map[int64]string, len(ids))
	for i, id := range ids {
		c.sparse[id] = uris[i]
	}
	return c, nil
}
