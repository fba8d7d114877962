// Command ponte runs the Ponte platform and its administration tasks.
//
//	ponte serve                      run the web server (migrates first)
//	ponte migrate [up|status]        apply or list database migrations
//	ponte user create --email E --password P [--name N] [--admin]
//	ponte token create --email E [--name N]
//	ponte version
//
// Configuration comes from flags and environment variables; see
// docs/configuration.md.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if path := os.Getenv("PONTE_CPUPROFILE"); path != "" {
		if err := startCPUProfile(path); err != nil {
			fmt.Fprintln(os.Stderr, "ponte:", err)
		}
		defer endProfile()
	}
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "ponte:", err)
		}
		stop()
		endProfile()
		os.Exit(1)
	}
}

const usage = `Ponte: skills and social innovation platform.

Usage:
  ponte serve [--addr :8080]             run the web server (applies migrations first)
  ponte migrate [up|status]              apply or list database migrations
  ponte user create --email E --password P [--name N] [--admin]
  ponte token create --email E [--name N]   print a new API token (last line)
  ponte taxonomy import --lang XX DIR|FILE.zip   add an ESCO CSV release in another language
  ponte taxonomy load | status           load the embedded taxonomies / show what is loaded
  ponte import organisations --map MAPPING [--dry-run] FILE
                                         load organisations and projects from a transparency list
  ponte seed --scale N [--seed S] [--force]   fill with demonstration data (N × 20,200 people,
                                         N × 2,403 organisations; password "ponte-seed-password")
  ponte search reindex [--kind K]        rebuild the search index from the content
  ponte backup FILE                      consistent online copy of the SQLite database
  ponte restore FILE                     replace the SQLite database with a backup (server stopped)
  ponte version

Environment: PONTE_DATABASE_URL (default sqlite://ponte.db), PONTE_ADDR,
PONTE_BASE_URL, PONTE_SMTP_URL, PONTE_MAIL_FROM, PONTE_LOG_FORMAT (json|text),
PONTE_LOG_LEVEL, PONTE_TRUST_PROXY, PONTE_TAXONOMY_AUTOLOAD. See docs/configuration.md.
`

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errors.New("no command given")
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "serve":
		return cmdServe(ctx, rest, stdout, stderr)
	case "migrate":
		return cmdMigrate(ctx, rest, stdout)
	case "user":
		return cmdUser(ctx, rest, stdout)
	case "token":
		return cmdToken(ctx, rest, stdout)
	case "taxonomy":
		return cmdTaxonomy(ctx, rest, stdout, stderr)
	case "import":
		return cmdImport(ctx, rest, stdout, stderr)
	case "seed":
		return cmdSeed(ctx, rest, stdout, stderr)
	case "search":
		return cmdSearch(ctx, rest, stdout, stderr)
	case "backup":
		return cmdBackup(ctx, rest, stdout)
	case "restore":
		return cmdRestore(ctx, rest, stdout)
	case "version":
		fmt.Fprintln(stdout, "ponte", version)
		return nil
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("unknown command %q", cmd)
}
