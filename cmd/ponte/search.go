package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/ponte-platform/ponte"
)

const searchUsage = `usage: ponte search reindex [--kind person|organisation|proposal]
  rebuild the search index from the content (all kinds unless --kind)`

// cmdSearch manages the search index: ponte search reindex rebuilds it,
// kind by kind, each kind in one transaction (Ctrl-C leaves that kind's
// index as it was), printing progress on stderr.
func cmdSearch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "reindex" {
		return errors.New(searchUsage)
	}
	fs := flag.NewFlagSet("search reindex", flag.ContinueOnError)
	c := loadConfig(fs)
	kind := fs.String("kind", "", "only this kind of content")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	var kinds []string
	if *kind != "" {
		kinds = strings.Split(*kind, ",")
	}
	for _, k := range kinds {
		if !ponte.ValidSearchKind(k) {
			return fmt.Errorf("unknown kind %q\n%s", k, searchUsage)
		}
	}
	a, err := open(ctx, c, c.logger(stderr))
	if err != nil {
		return err
	}
	defer a.close()
	start := time.Now()
	n, err := a.svc.RebuildSearchIndex(ctx, func(kind string, done int) {
		fmt.Fprintf(stderr, "search index: %s %d\n", kind, done)
	}, kinds...)
	if errors.Is(err, context.Canceled) {
		return errors.New("interrupted: the kind being indexed keeps its old index; run it again")
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "search index rebuilt: %d documents in %s\n", n, time.Since(start).Round(time.Millisecond))
	return nil
}
