package suggest

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ponte-platform/ponte/internal/taxonomy"
)

// proposal is the example proposal.
const proposal = "We seek a partner able to design and evaluate social-inclusion programmes " +
	"for young migrants, with data analysis and project management experience."

// TestSuggestProposal checks the example: the skills it names
// ("data analysis" is an alternative label of statistics) are found by
// label, and the social-work skills by occupation.
func TestSuggestProposal(t *testing.T) {
	m := multilingual(t)
	got := m.Suggest(proposal, "en", 20)
	if len(got) != 20 {
		t.Fatalf("got %d suggestions, want 20", len(got))
	}
	for _, uri := range []string{uriStatistics, uriProjectMgmt} {
		if _, ok := find(got, uri); !ok {
			t.Errorf("%s not suggested", uri)
		}
	}
	var byOcc, byLabel bool
	for i, s := range got {
		byOcc = byOcc || strings.HasPrefix(s.Why, "via occupation '")
		byLabel = byLabel || strings.HasPrefix(s.Why, "label '")
		if i > 0 && s.Score > got[i-1].Score {
			t.Errorf("suggestion %d scores %v, above the one before (%v)", i, s.Score, got[i-1].Score)
		}
	}
	if !byOcc || !byLabel {
		t.Errorf("want reasons by label and by occupation, got %v", got)
	}
}

// TestSuggestOddInput checks that odd input gives no suggestion, quickly,
// and never panics.
func TestSuggestOddInput(t *testing.T) {
	m := multilingual(t)
	for name, text := range map[string]string{
		"empty":        "",
		"spaces":       " \n\t  ",
		"stop-words":   "the and of, to!!! ... - it is",
		"punctuation":  "?!.,;:()[]{}--//",
		"numbers":      "2024 42 3.14",
		"unknown":      "xyzzy qwrtz plugh",
		"Chinese":      "数据分析和项目管理",
		"invalid UTF8": "\xff\xfe\xfd",
		"NUL bytes":    "\x00\x00",
	} {
		if got := m.Suggest(text, "en", 10); len(got) != 0 {
			t.Errorf("%s: got %v, want none", name, got)
		}
	}
	var nilModel *Model
	if got := nilModel.Suggest(proposal, "en", 10); got != nil {
		t.Errorf("nil model: got %v", got)
	}
}

// TestSuggestLimit checks the limit's defaults and bounds.
func TestSuggestLimit(t *testing.T) {
	m := multilingual(t)
	for _, c := range []struct{ limit, want int }{{1, 1}, {0, DefaultLimit}, {-3, DefaultLimit}, {1 << 30, maxLimit}} {
		if got := m.Suggest(proposal, "en", c.limit); len(got) != c.want {
			t.Errorf("limit %d: got %d suggestions, want %d", c.limit, len(got), c.want)
		}
	}
}

// TestSuggestLongText checks that a huge text is cut, not read whole.
func TestSuggestLongText(t *testing.T) {
	m := multilingual(t)
	long := strings.Repeat(proposal+" ", 20_000) // 400,000 words
	start := time.Now()
	got := m.Suggest(long, "en", 10)
	if d := time.Since(start); d > time.Second {
		t.Errorf("a 400,000-word text took %v", d)
	}
	if len(got) != 10 {
		t.Errorf("got %d suggestions, want 10", len(got))
	}
	// Everything past the cap is ignored, so appending noise changes nothing.
	noisy := strings.Repeat(proposal+" ", 20_000) + strings.Repeat("welding ", 1000)
	if again := m.Suggest(noisy, "en", 10); !reflect.DeepEqual(got, again) {
		t.Errorf("words past the cap changed the answer")
	}
}

// TestSuggestConcurrent checks that concurrent calls give the answers of
// sequential ones (run with -race to check the scratch pooling too).
func TestSuggestConcurrent(t *testing.T) {
	m := multilingual(t)
	texts := []string{proposal, italianProposalTxt, "welding and metal fabrication", "teach mathematics to pupils", ""}
	langs := []string{"en", "it", "en", "en", "en"}
	want := make([][]Suggestion, len(texts))
	for i := range texts {
		want[i] = m.Suggest(texts[i], langs[i], 15)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for r := range 20 {
				i := (g + r) % len(texts)
				if got := m.Suggest(texts[i], langs[i], 15); !reflect.DeepEqual(got, want[i]) {
					t.Errorf("goroutine %d: text %d differs from the sequential answer", g, i)
					return
				}
			}
		})
	}
	wg.Wait()
}

// TestBuildExcludes checks that held-out occupations leave no trace: not
// as occupations, not through their skill links.
func TestBuildExcludes(t *testing.T) {
	d := loadData(t)
	test := splitOccs(d, bucketTest)
	m, err := Build(context.Background(), FromEmbedded(), Options{Exclude: heldOut(bucketTest)})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range m.occs {
		if bucket(o.uri) == bucketTest {
			t.Fatalf("held-out occupation %s is in the model", o.uri)
		}
	}
	_, n := m.Len()
	if n+len(test) > len(d.occs) || n < len(d.occs)*8/10 {
		t.Errorf("model has %d occupations; %d held out of %d", n, len(test), len(d.occs))
	}
	// The test split is the one the evaluation reports: about a tenth.
	if len(test) < len(d.occs)/14 || len(test) > len(d.occs)/7 {
		t.Errorf("test split has %d of %d occupations", len(test), len(d.occs))
	}
}

// TestBuildErrors checks that Build reports a failing or empty source.
func TestBuildErrors(t *testing.T) {
	boom := errors.New("boom")
	failing := func(context.Context, taxonomy.Handler) error { return boom }
	if _, err := Build(context.Background(), failing, Options{}); !errors.Is(err, boom) {
		t.Errorf("failing source: err = %v, want boom", err)
	}
	if _, err := Build(context.Background(), FromConcepts(nil), Options{}); err == nil {
		t.Error("empty source: no error")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Build(ctx, FromEmbedded(), Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err = %v, want context.Canceled", err)
	}
}
