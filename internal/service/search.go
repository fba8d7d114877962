package service

import (
	"context"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/nuts"
	"github.com/ponte-platform/ponte/internal/search"
)

// Search bounds.
const (
	SearchPageSize    = 20
	SearchMaxPageSize = 100
	// SearchFacetHits is how many of the newest hits facets count; above it
	// the page says the counts are of the first SearchFacetHits.
	SearchFacetHits = 1000
	// searchFacetValues caps each facet's list of values shown.
	searchFacetValues = 12
)

// SearchInput is a search as typed: the text and the facet filters.
type SearchInput struct {
	Q      string
	Type   string // a kind (ponte.SearchKinds) or ""
	Region string // a NUTS code or ""
	Skill  string // a concept id or URI, or ""
	S3     string // an S3 area code or ""
	Cursor string // the Next of the previous page
	Limit  int
}

// SearchHit is one result, with its snippet.
type SearchHit struct {
	Kind    string
	ID      int64
	Title   string
	Lang    string
	Snippet []search.Segment
}

// FacetOption is one value of a facet with its count. Label is set for
// regions (NUTS names) and skills (in the page's language); types and S3
// areas are labelled by the page from its catalogue.
type FacetOption struct {
	Value    string
	Label    string
	Count    int
	Selected bool
}

// SearchResult is one page of results.
type SearchResult struct {
	// Empty says nothing searchable was typed (nothing, or only
	// stop-words and punctuation): a page shows a friendly hint, not an error.
	Empty   bool
	Hits    []SearchHit
	Next    string // cursor of the next page; "" on the last
	Total   int    // hits counted for the facets (a lower bound when Capped)
	Capped  bool
	Types   []FacetOption
	Regions []FacetOption
	Skills  []FacetOption
	S3      []FacetOption
}

// Search finds people, organisations and proposals for anyone, signed in
// or not: the index holds only what visitors may see. lang stems the
// query and labels the skills. Bad filters are field errors (EInvalid);
// a query with nothing to search is an Empty result.
func (s *Service) Search(ctx context.Context, in SearchInput, lang string) (*SearchResult, error) {
	q, err := s.searchQuery(ctx, in, lang)
	if err != nil {
		return nil, err
	}
	if len(q.Terms) == 0 {
		return &SearchResult{Empty: true}, nil
	}
	hits, err := s.store.Search(ctx, q)
	if err != nil {
		return nil, err
	}
	fc, err := s.store.SearchFacetCounts(ctx, q)
	if err != nil {
		return nil, err
	}
	res := &SearchResult{Total: fc.Total, Capped: fc.Capped}
	parsed := search.Parse(in.Q, lang)
	for _, h := range hits {
		res.Hits = append(res.Hits, SearchHit{Kind: h.Kind, ID: h.ID, Title: h.Title, Lang: h.Lang,
			Snippet: search.Snippet(h.Body, parsed, h.Lang)})
	}
	if len(hits) == q.Limit {
		res.Next = strconv.FormatInt(hits[len(hits)-1].Pos, 10)
	}
	return res, s.searchFacets(ctx, res, fc, in, q, lang)
}

// searchQuery validates in and turns it into the store's query.
func (s *Service) searchQuery(ctx context.Context, in SearchInput, lang string) (ponte.SearchQuery, error) {
	fe := ponte.FieldErrors{}
	q := ponte.SearchQuery{Limit: in.Limit, FacetLimit: SearchFacetHits}
	if q.Limit <= 0 || q.Limit > SearchMaxPageSize {
		q.Limit = SearchPageSize
	}
	if in.Type = strings.TrimSpace(in.Type); in.Type != "" {
		if !ponte.ValidSearchKind(in.Type) {
			fe.Add("type", "error.choose_option")
		}
		q.Kinds = []string{in.Type}
	}
	if q.Region = strings.ToUpper(strings.TrimSpace(in.Region)); q.Region != "" && !nuts.Valid(q.Region) {
		fe.Add("region", "search.error.region")
	}
	if q.S3Area = strings.TrimSpace(in.S3); q.S3Area != "" && !ponte.ValidS3Area(q.S3Area) {
		fe.Add("s3", "error.choose_option")
	}
	if c := strings.TrimSpace(in.Cursor); c != "" {
		n, err := strconv.ParseInt(c, 10, 64)
		if err != nil || n <= 0 {
			fe.Add("cursor", "search.error.cursor")
		}
		q.After = n
	}
	id, err := s.searchSkill(ctx, in.Skill)
	if err != nil {
		return q, err
	}
	if q.SkillID = id; id < 0 {
		fe.Add("skill", "error.skill_unknown")
	}
	if err := fe.Err(); err != nil {
		return q, err
	}
	for _, t := range search.Parse(in.Q, lang).Terms {
		q.Terms = append(q.Terms, ponte.SearchTerm{Words: t.Words, Prefix: t.Prefix, Stem: t.Stem})
	}
	return q, nil
}

// searchSkill resolves a skill filter given as a concept id or URI: 0 for
// none, -1 for an unknown one.
func (s *Service) searchSkill(ctx context.Context, ref string) (int64, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return 0, nil
	}
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil {
		cs, err := s.store.ConceptsByID(ctx, []int64{id}, "en")
		if err != nil || len(cs) == 0 {
			return -1, err
		}
		return id, nil
	}
	ids, err := s.store.ConceptIDs(ctx, []string{ref})
	if err != nil || ids[ref] == 0 {
		return -1, err
	}
	return ids[ref], nil
}

// searchFacets fills the facet lists of res from the counts, most
// frequent first, with region and skill labels.
func (s *Service) searchFacets(ctx context.Context, res *SearchResult, fc *ponte.SearchFacets, in SearchInput, q ponte.SearchQuery, lang string) error {
	by := map[string][]FacetOption{}
	for _, c := range fc.Counts {
		by[c.Facet] = append(by[c.Facet], FacetOption{Value: c.Value, Count: c.Count})
	}
	res.Types = topFacets(by[ponte.FacetType], in.Type)
	res.S3 = topFacets(by[ponte.FacetS3], q.S3Area)
	res.Regions = topFacets(by[ponte.FacetRegion], q.Region)
	for i := range res.Regions {
		if r, ok := nuts.Lookup(res.Regions[i].Value); ok {
			res.Regions[i].Label = r.Name
		}
	}
	res.Skills = topFacets(by[ponte.FacetSkill], strconv.FormatInt(q.SkillID, 10))
	ids := make([]int64, 0, len(res.Skills))
	for _, o := range res.Skills {
		id, _ := strconv.ParseInt(o.Value, 10, 64)
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		return nil
	}
	cs, err := s.store.ConceptsByID(ctx, ids, lang)
	if err != nil {
		return err
	}
	label := map[string]string{}
	for _, c := range cs {
		label[strconv.FormatInt(c.ID, 10)] = c.Label
	}
	for i := range res.Skills {
		res.Skills[i].Label = label[res.Skills[i].Value]
	}
	return nil
}

// topFacets orders options by count (then value, for a stable page),
// keeps the first few and marks the selected one.
func topFacets(opts []FacetOption, selected string) []FacetOption {
	sort.Slice(opts, func(i, j int) bool {
		if opts[i].Count != opts[j].Count {
			return opts[i].Count > opts[j].Count
		}
		return opts[i].Value < opts[j].Value
	})
	if len(opts) > searchFacetValues {
		opts = opts[:searchFacetValues]
	}
	for i := range opts {
		opts[i].Selected = opts[i].Value == selected
	}
	return opts
}

// RebuildProgress is told how many documents of a kind were indexed so far.
type RebuildProgress func(kind string, done int)

// searchRebuilder is a store that loads a rebuild of the index faster than
// document by document (sqlstore.Store.BeginSearchRebuild): called on the
// rebuild's transaction, it removes the documents of kinds and returns
// where to read content from (another connection, when it can), how to
// write the new documents and the step that completes the index before
// the commit. It is optional: any ponte.Store can be rebuilt with
// UpsertSearchDocs.
type searchRebuilder interface {
	BeginSearchRebuild(ctx context.Context, kinds []string) (reader ponte.Store,
		write ponte.SearchWriter, finish func(context.Context) error, err error)
}

// upsertWriter writes documents with st.UpsertSearchDocs.
func upsertWriter(st ponte.Store) ponte.SearchWriter {
	return func(docs []*ponte.SearchDoc) func(context.Context) error {
		return func(ctx context.Context) error { return st.UpsertSearchDocs(ctx, docs) }
	}
}

// RebuildSearchIndex rebuilds the index from the content (of the given
// kinds, or all) in one transaction: readers keep the old index until it
// commits, and an interruption leaves it as it was. Ids stream by keyset;
// a pipeline loads the next batches and tokenises them while the current
// one is written (see rebuildPipeline).
// The seed and the organisation import, which write rows directly, call
// it at their end; so does `ponte search reindex`.
func (s *Service) RebuildSearchIndex(ctx context.Context, progress RebuildProgress, kinds ...string) (int, error) {
	return s.rebuildSearchIndex(ctx, s.store, false, progress, kinds...)
}

// RebuildSearchIndexIn is RebuildSearchIndex in the transaction tx, whose
// own writes (not committed, so read through tx alone) are indexed too:
// the PostgreSQL seed rebuilds the index in its transaction, so that rows
// and index commit together.
func (s *Service) RebuildSearchIndexIn(ctx context.Context, tx ponte.Store, progress RebuildProgress, kinds ...string) (int, error) {
	return s.rebuildSearchIndex(ctx, tx, true, progress, kinds...)
}

// rebuildSearchIndex rebuilds the index in a transaction on st; joined
// says st is a transaction already, to read through.
func (s *Service) rebuildSearchIndex(ctx context.Context, st ponte.Store, joined bool, progress RebuildProgress, kinds ...string) (int, error) {
	if len(kinds) == 0 {
		kinds = ponte.SearchKinds
	}
	for _, kind := range kinds {
		if _, ok := docBuilders[kind]; !ok {
			return 0, ponte.Errorf(ponte.EInvalid, "error.choose_option")
		}
	}
	total := 0
	err := st.Tx(ctx, func(tx ponte.Store) error {
		reader, write, finish := tx, upsertWriter(tx), func(context.Context) error { return nil }
		if b, ok := tx.(searchRebuilder); ok {
			var err error
			if reader, write, finish, err = b.BeginSearchRebuild(ctx, kinds); err != nil {
				return err
			}
		}
		if joined {
			reader = tx
		}
		labels := newLabelCache()
		for _, kind := range kinds {
			n, err := rebuildPipeline(ctx, reader, tx, write, kind, labels, progress)
			total += n
			if err != nil {
				return err
			}
		}
		return finish(ctx)
	})
	if err != nil {
		return 0, err
	}
	return total, nil
}

// rebuildBatch is how many items one round of a rebuild loads.
const rebuildBatch = 500

// rebuildKind rebuilds the documents of one kind in a transaction on st
// (joining st's own, if st is one), reading and writing through it: the
// organisation import calls it on its transaction, whose rows are not
// committed yet.
func rebuildKind(ctx context.Context, st ponte.Store, kind string, progress RebuildProgress) (int, error) {
	done := 0
	err := st.Tx(ctx, func(tx ponte.Store) error {
		var err error
		done, err = rebuildPipeline(ctx, tx, tx, upsertWriter(tx), kind, newLabelCache(), progress)
		return err
	})
	return done, err
}

// rebuildStep is one batch of documents on its way through a rebuild;
// once tokenised, send writes them.
type rebuildStep struct {
	docs []*indexDoc
	send func(context.Context) error
	err  error
}

// rebuildPipeline replaces the documents of kind on w with documents built
// from the content read on r, in three stages that overlap: loading (r's
// queries and the visitor views), tokenising and preparing the writes (Go
// only: folding, stemming, write's rows) and writing (on w). On two cores
// the tokenising runs while the database works, and the loading too when
// r is another connection. Batches keep their id order, which is the
// hits' order. labels is only touched by the loading stage.
func rebuildPipeline(ctx context.Context, r, w ponte.Store, write ponte.SearchWriter,
	kind string, labels *labelCache, progress RebuildProgress) (int, error) {
	if err := w.ClearSearchIndex(ctx, kind); err != nil {
		return 0, err
	}
	ctx, cancel := context.WithCancel(ctx)
	var stages sync.WaitGroup
	defer stages.Wait() // no stage outlives the transaction it reads
	defer cancel()
	// One connection (a transaction read and written by both ends) serves
	// one statement at a time: PostgreSQL refuses a query while another's
	// rows are being read.
	var conn sync.Locker = noLock{}
	load := func(out chan<- rebuildStep) { loadParallel(ctx, r, kind, labels, rebuildLoaders, out) }
	if r == w {
		conn = &sync.Mutex{}
		load = func(out chan<- rebuildStep) { loadDocs(ctx, r, conn, kind, labels, out) }
	}
	loaded, tokenized := make(chan rebuildStep, 2), make(chan rebuildStep, 2)
	stages.Go(func() { load(loaded) })
	stages.Go(func() { tokenizeDocs(ctx, write, loaded, tokenized) })
	done := 0
	for step := range tokenized {
		if step.err != nil {
			return done, step.err
		}
		conn.Lock()
		err := step.send(ctx)
		conn.Unlock()
		if err != nil {
			return done, err
		}
		done += len(step.docs)
		if progress != nil {
			progress(kind, done)
		}
	}
	return done, ctx.Err()
}

// loadDocs is the first stage of a rebuild: it sends kind's documents,
// untokenised, batch by batch in id order, then closes out. An error is
// the last step sent.
func loadDocs(ctx context.Context, st ponte.Store, conn sync.Locker, kind string, labels *labelCache, out chan<- rebuildStep) {
	defer close(out)
	var after int64
	for {
		if err := ctx.Err(); err != nil {
			return
		}
		conn.Lock()
		ids, err := st.SearchSourceIDs(ctx, ponte.SearchSource{Kind: kind, After: after, Limit: rebuildBatch})
		var docs map[int64]*indexDoc
		if err == nil && len(ids) > 0 {
			docs, err = docBuilders[kind](ctx, st, ids, labels)
		}
		conn.Unlock()
		if err != nil || len(ids) == 0 {
			send(ctx, out, rebuildStep{err: err})
			return
		}
		step := rebuildStep{docs: make([]*indexDoc, 0, len(docs))}
		for _, id := range ids {
			if d, ok := docs[id]; ok {
				step.docs = append(step.docs, d)
			}
		}
		if !send(ctx, out, step) {
			return
		}
		after = ids[len(ids)-1]
	}
}

// rebuildLoaders is how many batches a rebuild loads at once when it
// reads on connections of its own: loading (queries and visitor views) is
// the slowest stage, and two loaders keep both cores busy.
const rebuildLoaders = 2

// loadJob is one batch of ids for a loader, and where its step goes.
type loadJob struct {
	ids []int64
	res chan rebuildStep
}

// loadParallel is loadDocs with n loaders, for a store that serves
// concurrent queries (a pool): one goroutine lists the ids batch by
// batch, the loaders build the batches' documents, and the steps are
// sent in id order. The loaders share labels.
func loadParallel(ctx context.Context, st ponte.Store, kind string, labels *labelCache, n int, out chan<- rebuildStep) {
	defer close(out)
	jobs, order := make(chan loadJob), make(chan chan rebuildStep, n)
	var loaders sync.WaitGroup
	defer loaders.Wait()
	for range n {
		loaders.Go(func() {
			for j := range jobs {
				j.res <- buildBatch(ctx, st, kind, j.ids, labels)
			}
		})
	}
	loaders.Go(func() { listBatches(ctx, st, kind, jobs, order) })
	for res := range order {
		var step rebuildStep
		select {
		case step = <-res:
		case <-ctx.Done():
			return
		}
		if !send(ctx, out, step) || step.err != nil {
			return
		}
	}
}

// listBatches lists kind's ids batch by batch in id order, handing each
// batch to a loader (jobs) and its result channel to order, in the same
// order; an error is the last result. It closes both when done.
func listBatches(ctx context.Context, st ponte.Store, kind string, jobs chan<- loadJob, order chan<- chan rebuildStep) {
	defer close(order)
	defer close(jobs)
	var after int64
	for {
		ids, err := st.SearchSourceIDs(ctx, ponte.SearchSource{Kind: kind, After: after, Limit: rebuildBatch})
		if err == nil && len(ids) == 0 {
			return
		}
		res := make(chan rebuildStep, 1)
		if err != nil {
			res <- rebuildStep{err: err}
		}
		select {
		case order <- res:
		case <-ctx.Done():
			return
		}
		if err != nil {
			return
		}
		select {
		case jobs <- loadJob{ids: ids, res: res}:
		case <-ctx.Done():
			return
		}
		after = ids[len(ids)-1]
	}
}

// buildBatch builds the documents of ids, in id order (those with
// nothing to show left out).
func buildBatch(ctx context.Context, st ponte.Store, kind string, ids []int64, labels *labelCache) rebuildStep {
	docs, err := docBuilders[kind](ctx, st, ids, labels)
	if err != nil {
		return rebuildStep{err: err}
	}
	step := rebuildStep{docs: make([]*indexDoc, 0, len(docs))}
	for _, id := range ids {
		if d, ok := docs[id]; ok {
			step.docs = append(step.docs, d)
		}
	}
	return step
}

// tokenizeDocs is the second stage of a rebuild: it tokenises each batch
// from in, prepares its write and passes it on, in order.
func tokenizeDocs(ctx context.Context, write ponte.SearchWriter, in <-chan rebuildStep, out chan<- rebuildStep) {
	defer close(out)
	x := search.NewIndexer()
	for step := range in {
		if step.err == nil {
			batch := make([]*ponte.SearchDoc, len(step.docs))
			for i, d := range step.docs {
				batch[i] = d.tokenize(x)
			}
			step.send = write(batch)
		}
		if !send(ctx, out, step) {
			return
		}
	}
}

// send passes a step on unless the rebuild was abandoned; an empty step
// (the end, with no error) is not sent.
func send(ctx context.Context, out chan<- rebuildStep, step rebuildStep) bool {
	if step.err == nil && step.docs == nil {
		return true
	}
	select {
	case out <- step:
		return true
	case <-ctx.Done():
		return false
	}
}

// noLock is the sync.Locker of a rebuild that reads and writes on
// different connections.
type noLock struct{}

func (noLock) Lock()   {}
func (noLock) Unlock() {}
