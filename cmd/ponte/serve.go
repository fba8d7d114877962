package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/ponte-platform/ponte/internal/api"
	"github.com/ponte-platform/ponte/internal/web"
)

func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	c := loadConfig(fs)
	fs.StringVar(&c.Addr, "addr", c.Addr, "address to listen on")
	if err := fs.Parse(args); err != nil {
		return err
	}
	log := c.logger(stderr)
	a, err := open(ctx, c, log)
	if err != nil {
		return err
	}
	defer a.close()
	apiHandler := api.New(a.svc, a.cat, log, version)
	cacheMiB, err := strconv.Atoi(env("PONTE_PAGE_CACHE_MB", "32"))
	if err != nil || cacheMiB < 0 {
		return fmt.Errorf("PONTE_PAGE_CACHE_MB: want a number of MiB (0 turns the cache off), got %q", os.Getenv("PONTE_PAGE_CACHE_MB"))
	}
	srv, err := web.New(web.Config{BaseURL: c.baseURL(), TrustProxy: c.TrustProxy, Version: version,
		PageCacheBytes: int64(cacheMiB) << 20},
		a.svc, a.cat, apiHandler, log)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", c.Addr)
	if err != nil {
		return err
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		// A soft limit: the collector works harder as the heap nears it
		// instead of letting it double past the live data. GOMEMLIMIT
		// overrides it (docs/configuration.md).
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
	bg, cancelBG := context.WithCancel(context.Background())
	defer cancelBG()
	go a.svc.RunMailer(bg, 5*time.Second)
	go a.svc.RunJanitor(bg, time.Hour)
	go func() { // the first autocomplete should not pay for building the index
		if err := a.svc.WarmSkillIndex(bg); err != nil && bg.Err() == nil {
			log.Warn("skill index not built at start", "err", err)
		}
		if err := a.svc.WarmSuggest(bg); err != nil && bg.Err() == nil {
			log.Warn("skill suggestions not ready at start", "err", err)
		}
		// Building them read the whole taxonomy: hand that garbage back to
		// the system now rather than whenever the scavenger gets to it.
		debug.FreeOSMemory()
	}()
	startDebug(bg, env("PONTE_DEBUG_ADDR", ""), log)
	announce(ctx, stdout, a, c)
	return serveUntilDone(ctx, ln, srv.Handler(), log)
}

// defaultMemoryLimit is the server's soft memory limit when GOMEMLIMIT is
// not set. SQLite's page caches and sorts come on top of it: at scale 100
// with every page rendered (page cache off) the server peaked at 288 MiB
// with 200 MiB here and at 259 MiB with 180, at the same throughput
// (docs/benchmarks.md, "Memory of the server").
const defaultMemoryLimit = 180 << 20

// announce tells the person who started Ponte where it is and what to do next.
func announce(ctx context.Context, w io.Writer, a *app, c *config) {
	fmt.Fprintf(w, "Ponte %s is running on %s with %s.\n", version, c.baseURL(), describe(a.db, c.DatabaseURL))
	if c.SMTPURL == "" {
		fmt.Fprintln(w, "No PONTE_SMTP_URL: e-mails are kept in the outbox (/admin/outbox) and written to the log.")
	}
	if needs, err := a.svc.NeedsSetup(ctx); err == nil && needs {
		fmt.Fprintf(w, "No administrator yet: open %s/setup to create one (or run `ponte user create --admin`).\n", c.baseURL())
	}
}

// serveUntilDone serves until ctx ends (SIGINT, SIGTERM), then stops
// accepting connections and lets in-flight requests finish for up to 25 s.
func serveUntilDone(ctx context.Context, ln net.Listener, h http.Handler, log interface {
	Info(string, ...any)
}) error {
	hs := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 60 * time.Second,
		WriteTimeout: 120 * time.Second, IdleTimeout: 120 * time.Second, MaxHeaderBytes: 64 << 10}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing in-flight requests")
	sctx, cancel := context.WithTimeout(context.Background(), 25*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	log.Info("stopped")
	return nil
}
