// Command staticserver is the yardstick of `make bench`: the fastest thing
// this machine can do over HTTP with net/http. It answers GET /{size} with
// size bytes of HTML held in memory, so a Ponte page of n bytes is compared
// with the same transfer that costs no work at all.
//
//	go run ./internal/benchtools/staticserver -addr 127.0.0.1:8099
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"strconv"
	"sync"
	"time"
)

// maxSize bounds one page, so a stray request cannot fill the memory.
const maxSize = 16 << 20

func main() {
	addr := flag.String("addr", "127.0.0.1:8099", "address to listen on")
	flag.Parse()
	pages := &pageCache{m: map[int][]byte{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{size}", func(w http.ResponseWriter, r *http.Request) {
		n, err := strconv.Atoi(r.PathValue("size"))
		if err != nil || n < 0 || n > maxSize {
			http.Error(w, "size: 0 to 16 MiB", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(pages.get(n))
	})
	hs := &http.Server{Addr: *addr, Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(os.Stdout, "static server on http://%s/{size}\n", *addr)
	log.Fatal(hs.ListenAndServe())
}

// pageCache builds each size's page once; requests then only copy bytes.
type pageCache struct {
	mu sync.RWMutex
	m  map[int][]byte
}

func (c *pageCache) get(n int) []byte {
	c.mu.RLock()
	b, ok := c.m[n]
	c.mu.RUnlock()
	if ok {
		return b
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if b, ok = c.m[n]; !ok {
		b = page(n)
		c.m[n] = b
	}
	return b
}

// page is an HTML document of exactly n bytes (a prefix of one, if n is
// smaller than the frame).
func page(n int) []byte {
	var buf bytes.Buffer
	buf.WriteString("<!doctype html><html lang=en><title>static</title><p>")
	for buf.Len() < n {
		buf.WriteString("Ponte static yardstick. ")
	}
	return buf.Bytes()[:n]
}
