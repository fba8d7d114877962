package main

import (
	"archive/zip"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"

	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/taxonomy"
)

const taxonomyUsage = `usage:
  ponte taxonomy import --lang XX DIR   import an ESCO CSV release (a folder or its .zip) in language XX
  ponte taxonomy load                   reload the embedded ESCO v1.1.1 (English), EntreComp, DigComp
  ponte taxonomy status                 show what is loaded`

// cmdTaxonomy manages the skills taxonomies: ponte taxonomy import --lang
// XX DIR adds a language from an official ESCO release; load reloads the
// embedded taxonomies; status shows taxonomy_meta.
func cmdTaxonomy(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return errors.New(taxonomyUsage)
	}
	switch args[0] {
	case "import":
		return taxonomyImport(ctx, args[1:], stdout, stderr)
	case "load":
		return taxonomyLoad(ctx, args[1:], stdout, stderr)
	case "status":
		return taxonomyStatus(ctx, args[1:], stdout)
	}
	return fmt.Errorf("unknown taxonomy command %q\n%s", args[0], taxonomyUsage)
}

// taxonomyImport imports one language of an ESCO CSV release. It prints a
// line per file and every malformed row with its file and line; Ctrl-C
// stops it, and its transaction leaves the database as it was.
func taxonomyImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("taxonomy import", flag.ContinueOnError)
	c := loadConfig(fset)
	lang := fset.String("lang", "", "language of the release, e.g. it (required)")
	if err := fset.Parse(args); err != nil {
		return err
	}
	if *lang == "" || fset.NArg() != 1 {
		return errors.New(taxonomyUsage)
	}
	release, closeRelease, err := openRelease(fset.Arg(0), *lang)
	if err != nil {
		return err
	}
	defer closeRelease()
	a, err := open(ctx, c, c.logger(stderr))
	if err != nil {
		return err
	}
	defer a.close()
	fmt.Fprintf(stdout, "Importing ESCO (%s) from %s\n", *lang, fset.Arg(0))
	rep, err := a.svc.ImportESCO(ctx, release, *lang, cliTaxonomyOptions(stdout, stderr))
	if errors.Is(err, context.Canceled) {
		return errors.New("interrupted: nothing was imported")
	}
	if err != nil {
		return err
	}
	printReport(stdout, rep)
	return nil
}

// taxonomyLoad reloads the embedded taxonomies over what is there.
func taxonomyLoad(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("taxonomy load", flag.ContinueOnError)
	c := loadConfig(fset)
	if err := fset.Parse(args); err != nil {
		return err
	}
	a, err := open(ctx, c, c.logger(stderr))
	if err != nil {
		return err
	}
	defer a.close()
	rep, err := a.svc.LoadEmbeddedTaxonomy(ctx, cliTaxonomyOptions(stdout, stderr))
	if errors.Is(err, context.Canceled) {
		return errors.New("interrupted: nothing was loaded")
	}
	if err != nil {
		return err
	}
	printReport(stdout, rep)
	return nil
}

// taxonomyStatus prints taxonomy_meta, one key a line.
func taxonomyStatus(ctx context.Context, args []string, stdout io.Writer) error {
	fset := flag.NewFlagSet("taxonomy status", flag.ContinueOnError)
	c := loadConfig(fset)
	if err := fset.Parse(args); err != nil {
		return err
	}
	a, err := open(ctx, c, c.logger(os.Stderr))
	if err != nil {
		return err
	}
	defer a.close()
	meta, err := a.svc.TaxonomyInfo(ctx)
	if err != nil {
		return err
	}
	keys := make([]string, 0, len(meta))
	for k := range meta {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(stdout, "%-22s %s\n", k, meta[k])
	}
	return nil
}

// cliTaxonomyOptions prints a line per file to stdout and each malformed
// row, with its file and line, to stderr.
func cliTaxonomyOptions(stdout, stderr io.Writer) service.TaxonomyOptions {
	return service.TaxonomyOptions{
		Progress: func(p taxonomy.Progress) {
			switch {
			case p.Missing:
				fmt.Fprintf(stdout, "[%d/%d] %s: not in this release, skipped\n", p.Step, p.Steps, p.File)
			case p.Done:
				fmt.Fprintf(stdout, "[%d/%d] %s: %d rows\n", p.Step, p.Steps, p.File, p.Rows)
			}
		},
		BadRow: func(e *taxonomy.RowError) {
			fmt.Fprintf(stderr, "skipped: %s line %d: %v\n", e.File, e.Line, e.Err)
		},
	}
}

// printReport sums up a load or import.
func printReport(w io.Writer, r *service.TaxonomyReport) {
	fmt.Fprintf(w, "Done in %.1f s: %d concepts, %d labels, %d links, %d collection entries; "+
		"%d links naming unknown concepts and %d malformed rows skipped. Taxonomy version %d.\n",
		r.Elapsed.Seconds(), r.Concepts, r.Labels, r.Links, r.Memberships, r.Skipped, r.BadRows, r.Version)
}

// openRelease opens a release folder, or a downloaded .zip (whose files
// may sit in a subfolder), as a file system with the files at its root.
func openRelease(name, lang string) (fs.FS, func(), error) {
	if !strings.HasSuffix(strings.ToLower(name), ".zip") {
		if st, err := os.Stat(name); err != nil || !st.IsDir() {
			return nil, nil, fmt.Errorf("%s: not a folder or a .zip of an ESCO release", name)
		}
		return os.DirFS(name), func() {}, nil
	}
	z, err := zip.OpenReader(name)
	if err != nil {
		return nil, nil, fmt.Errorf("open %s: %w", name, err)
	}
	dir := "."
	for _, f := range z.File {
		if b := path.Base(f.Name); b == "skills_"+lang+".csv" || b == "skills_"+lang+".csv.gz" {
			dir = path.Dir(f.Name)
			break
		}
	}
	sub, err := fs.Sub(z, dir)
	if err != nil {
		z.Close()
		return nil, nil, fmt.Errorf("open %s: %w", name, err)
	}
	return sub, func() { z.Close() }, nil
}
