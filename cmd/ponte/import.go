package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/ponte-platform/ponte/internal/orgimport"
	"github.com/ponte-platform/ponte/internal/service"
)

const orgImportUsage = `usage: ponte import organisations --map MAPPING FILE [--dry-run] [--source NAME]

MAPPING is a built-in mapping (%s) or the path of a JSON mapping.
FILE may be gzip-compressed. --source names the list in the database
(default: the mapping's name); reruns with the same source change nothing.
The import runs in one transaction: an interruption (Ctrl-C) writes nothing.`

// orgImportArgs are the parsed arguments of ponte import organisations.
type orgImportArgs struct {
	cfg     *config
	mapping string
	source  string
	dryRun  bool
	file    string
}

// cmdImport loads organisations from transparency lists:
// ponte import organisations --map MAPPING FILE [--dry-run] [--source NAME].
func cmdImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	usage := fmt.Errorf(orgImportUsage, strings.Join(orgimport.BuiltinNames(), ", "))
	if len(args) == 0 || args[0] != "organisations" {
		return usage
	}
	a, err := parseOrgImportArgs(args[1:])
	if err != nil {
		return errors.Join(err, usage)
	}
	res, m, err := parseOrgList(ctx, a, stdout)
	if err != nil {
		return err
	}
	if a.source == "" {
		a.source = m.Name
	}
	return applyOrgList(ctx, a, res, stdout, stderr)
}

// parseOrgImportArgs accepts flags before and after FILE, as the usage line
// shows them.
func parseOrgImportArgs(args []string) (*orgImportArgs, error) {
	fs := flag.NewFlagSet("import organisations", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	a := &orgImportArgs{cfg: loadConfig(fs)}
	fs.StringVar(&a.mapping, "map", "", "built-in mapping name or JSON mapping file (required)")
	fs.StringVar(&a.source, "source", "", "source name (default: the mapping's name)")
	fs.BoolVar(&a.dryRun, "dry-run", false, "show what would change, write nothing")
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			break
		}
		files, args = append(files, fs.Arg(0)), fs.Args()[1:]
	}
	if a.mapping == "" || len(files) != 1 {
		return nil, errors.New("import: give --map and exactly one FILE")
	}
	a.file = files[0]
	return a, nil
}

// parseOrgList reads the file with its mapping and prints every rejected row
// and warning with its line.
func parseOrgList(ctx context.Context, a *orgImportArgs, out io.Writer) (*orgimport.Result, orgimport.Mapping, error) {
	m, err := orgimport.ResolveMapping(a.mapping)
	if err != nil {
		return nil, m, err
	}
	r, closeFile, err := openOrgListFile(a.file)
	if err != nil {
		return nil, m, err
	}
	defer closeFile()
	start := time.Now()
	res, err := orgimport.ParseContext(ctx, m, r)
	if err != nil {
		return nil, m, err
	}
	st := res.Stats
	fmt.Fprintf(out, "read %s with %s in %s: %d rows, %d organisations, %d projects, %d rejected, %d warnings\n",
		a.file, m.Name, time.Since(start).Round(time.Millisecond), res.Rows, st.Organisations, st.Projects, st.Rejected, st.Warnings)
	w := bufio.NewWriter(out)
	for _, rj := range res.Rejected {
		fmt.Fprintf(w, "rejected line %d: %s\n", rj.Line, rj.Reason)
	}
	for _, wa := range res.Warnings {
		fmt.Fprintf(w, "warning line %d: %s\n", wa.Line, wa.Reason)
	}
	return res, m, w.Flush()
}

// openOrgListFile opens a file, decompressing it when it starts with the
// gzip magic bytes.
func openOrgListFile(path string) (io.Reader, func(), error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("import: %w", err)
	}
	br := bufio.NewReader(f)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			f.Close()
			return nil, nil, fmt.Errorf("import: %s: %w", path, err)
		}
		return zr, func() { zr.Close(); f.Close() }, nil
	}
	return br, func() { f.Close() }, nil
}

// applyOrgList writes (or, in a dry run, plans) the import and prints the
// report, with progress on stderr.
func applyOrgList(ctx context.Context, a *orgImportArgs, res *orgimport.Result, out, errOut io.Writer) error {
	app, err := open(ctx, a.cfg, a.cfg.logger(errOut))
	if err != nil {
		return err
	}
	defer app.close()
	start := time.Now()
	rep, err := app.svc.ImportOrganisations(ctx, res, service.ImportOptions{Source: a.source, DryRun: a.dryRun,
		Progress: func(stage string, done, total int) { fmt.Fprintf(errOut, "%s: %d/%d\n", stage, done, total) }})
	if err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("import interrupted: nothing was written (one transaction); run it again: %w", err)
		}
		return err
	}
	printImportReport(out, rep, time.Since(start))
	return nil
}

func printImportReport(out io.Writer, rep *service.ImportReport, took time.Duration) {
	verb := "import"
	if rep.DryRun {
		verb = "dry run (nothing written)"
	}
	fmt.Fprintf(out, "%s of source %q in %s:\n", verb, rep.Source, took.Round(time.Millisecond))
	for _, c := range []struct {
		what string
		n    service.ImportCounts
	}{{"organisations", rep.Organisations}, {"projects", rep.Projects}} {
		fmt.Fprintf(out, "  %s: %d created, %d updated, %d unchanged\n", c.what, c.n.Created, c.n.Updated, c.n.Unchanged)
	}
	for _, ch := range rep.Sample {
		fmt.Fprintf(out, "  %s %s (line %d): %s\n", ch.Action, ch.Kind, ch.Line, ch.Name)
	}
}
