package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"runtime"
	rpprof "runtime/pprof"
	"strconv"
	"time"
)

// startDebug serves net/http/pprof and a goroutine count on addr when
// PONTE_DEBUG_ADDR is set (off by default). The soak test reads
// /debug/goroutines to see that no goroutine leaks. Only loopback addresses
// are accepted: profiles reveal internals and must never be public.
func startDebug(ctx context.Context, addr string, log *slog.Logger) {
	if addr == "" {
		return
	}
	host, _, err := net.SplitHostPort(addr)
	if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
		log.Warn("PONTE_DEBUG_ADDR ignored: give a loopback address such as 127.0.0.1:6060", "addr", addr)
		return
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	mux.HandleFunc("/debug/goroutines", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte(strconv.Itoa(runtime.NumGoroutine()) + "\n"))
	})
	hs := &http.Server{Addr: addr, Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		hs.Close()
	}()
	go func() {
		log.Info("debug listener (pprof) started", "addr", addr)
		if err := hs.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Warn("debug listener stopped", "err", err)
		}
	}()
}

// endProfile stops the CPU profile PONTE_CPUPROFILE started, if any.
var endProfile = func() {}

// startCPUProfile writes a CPU profile of the whole command to path
// (PONTE_CPUPROFILE), for profiling one-shot commands such as seed and
// search reindex, which the debug server cannot reach.
func startCPUProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("PONTE_CPUPROFILE: %w", err)
	}
	if err := rpprof.StartCPUProfile(f); err != nil {
		f.Close()
		return fmt.Errorf("PONTE_CPUPROFILE: %w", err)
	}
	endProfile = func() {
		rpprof.StopCPUProfile()
		f.Close()
	}
	return nil
}
