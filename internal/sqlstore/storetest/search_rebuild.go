package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/search"
)

func init() {
	register(
		contract{"SearchBulkRebuildHits", func(t *testing.T, s ponte.Store) { testSearchHits(t, bulkLoaded{s}) }},
		contract{"SearchBulkRebuildFacets", func(t *testing.T, s ponte.Store) { testSearchFacets(t, bulkLoaded{s}) }},
		contract{"SearchBulkRebuildPartialRollback", testSearchBulkPartial},
	)
}

// searchRebuilder is the store's bulk rebuild of the index (see
// sqlstore.Store.BeginSearchRebuild), which the service uses when the
// store has it.
type searchRebuilder interface {
	BeginSearchRebuild(ctx context.Context, kinds []string) (reader ponte.Store,
		write ponte.SearchWriter, finish func(context.Context) error, err error)
}

// bulkRebuild replaces the documents of kinds by docs with a bulk rebuild,
// written in two batches, both prepared before either is sent, as a
// rebuild's stages may; fail, if not nil, ends the transaction with an
// error after the writes.
func bulkRebuild(ctx context.Context, s ponte.Store, kinds []string, docs []*ponte.SearchDoc, fail error) error {
	return s.Tx(ctx, func(tx ponte.Store) error {
		b, ok := tx.(searchRebuilder)
		if !ok {
			return fmt.Errorf("%T has no bulk rebuild", tx)
		}
		reader, write, finish, err := b.BeginSearchRebuild(ctx, kinds)
		if err != nil {
			return err
		}
		if err := reader.Ping(ctx); err != nil {
			return err
		}
		half := len(docs) / 2
		first, second := write(docs[:half]), write(docs[half:])
		if err := first(ctx); err != nil {
			return err
		}
		if err := second(ctx); err != nil {
			return err
		}
		if fail != nil {
			return fail
		}
		return finish(ctx)
	})
}

// bulkLoaded is a store whose UpsertSearchDocs is a bulk rebuild of the
// whole index: the search contract must hold for an index loaded so.
type bulkLoaded struct{ ponte.Store }

func (b bulkLoaded) UpsertSearchDocs(ctx context.Context, docs []*ponte.SearchDoc) error {
	return bulkRebuild(ctx, b.Store, ponte.SearchKinds, docs, nil)
}

// testSearchBulkPartial rebuilds the proposals only (the other documents
// stay), then checks that the index is kept up to date document by
// document again, and that a rebuild that fails changes nothing.
func testSearchBulkPartial(t *testing.T, s ponte.Store) {
	ctx := context.Background()
	indexCorpus(t, s)
	var proposals []*ponte.SearchDoc
	for _, d := range searchCorpus() {
		if d.Kind == ponte.SearchProposal {
			body := d.Body + " Bicycles."
			tk := search.Index(d.Lang, d.Title, body)
			d.Body, d.Raw, d.Stems = body, tk.Raw, tk.Stems
			proposals = append(proposals, d)
		}
	}
	if err := bulkRebuild(ctx, s, []string{ponte.SearchProposal}, proposals[1:], nil); err != nil {
		t.Fatal(err)
	}
	want := func(q string, keys ...string) {
		t.Helper()
		if keys == nil {
			keys = []string{}
		}
		if got := hitKeys(t, s, ponte.SearchQuery{Terms: searchTerms(q, "en")}); !reflect.DeepEqual(got, keys) {
			t.Errorf("%q: hits %v; want %v", q, got, keys)
		}
	}
	want("ponte", "organisation:1", "person:1", "person:2", "proposal:2", "proposal:3")
	want("bicycles", "proposal:2", "proposal:3")
	want("zagreb") // proposal 1 was not in the rebuild: gone
	// Document by document again (the triggers are back).
	if err := s.UpsertSearchDocs(ctx, proposals[:1]); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSearchDoc(ctx, ponte.SearchProposal, 3); err != nil {
		t.Fatal(err)
	}
	want("bicycles", "proposal:1", "proposal:2")
	want("zagreb", "proposal:1")
	// A rebuild that fails leaves everything as it was.
	if err := bulkRebuild(ctx, s, ponte.SearchKinds, proposals[2:], errors.New("stop")); err == nil {
		t.Fatal("the failing rebuild reported no error")
	}
	want("ponte", "organisation:1", "person:1", "person:2", "proposal:1", "proposal:2")
	if err := s.DeleteSearchDoc(ctx, ponte.SearchPerson, 2); err != nil {
		t.Fatal(err)
	}
	want("ponte", "organisation:1", "person:1", "proposal:1", "proposal:2")
}
