package service

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/taxonomy"
)

// TaxonomyOptions tune a taxonomy load or import. Both callbacks are
// optional: without Progress the service logs a line per file; without
// BadRow malformed rows are logged with their file and line and skipped.
type TaxonomyOptions struct {
	Progress func(taxonomy.Progress)
	BadRow   func(*taxonomy.RowError)
}

// TaxonomyReport says what a load or import wrote.
type TaxonomyReport struct {
	Lang        string
	Concepts    int // concept records written (a concept with labels in six languages counts six times)
	Labels      int
	Links       int // broader links, skill relations, occupation–skill links
	Memberships int
	Skipped     int // links and memberships naming a concept the taxonomy lacks
	BadRows     int // malformed rows, skipped
	Version     int64
	Elapsed     time.Duration
}

// lockTaxonomy serialises taxonomy writers across app nodes.
const lockTaxonomy = "taxonomy"

// EnsureTaxonomy loads the embedded taxonomies when the database has no
// concept yet: the first run of a new deployment. It reports whether it
// loaded. Two nodes starting at once load once: the check is repeated
// under a lock inside the load's transaction.
func (s *Service) EnsureTaxonomy(ctx context.Context, opts TaxonomyOptions) (bool, error) {
	n, err := s.store.CountConcepts(ctx, "")
	if err != nil || n > 0 {
		return false, err
	}
	s.log.Info("first run: loading the skills taxonomies (ESCO v1.1.1 English, EntreComp, DigComp 3.0, innovation areas)")
	_, err = s.loadTaxonomy(ctx, opts, true)
	if errors.Is(err, errLoadedMeanwhile) {
		return false, nil
	}
	return err == nil, err
}

// errLoadedMeanwhile stops a first-run load that another node has done.
var errLoadedMeanwhile = errors.New("service: the taxonomy was loaded meanwhile")

// LoadEmbeddedTaxonomy (re)loads the embedded ESCO v1.1.1 English release,
// EntreComp, DigComp 3.0 and the skills-for-innovation areas, whatever the
// database holds: concepts and labels are upserted, links added.
func (s *Service) LoadEmbeddedTaxonomy(ctx context.Context, opts TaxonomyOptions) (*TaxonomyReport, error) {
	return s.loadTaxonomy(ctx, opts, false)
}

// loadTaxonomy runs the embedded load in one transaction; onlyIfEmpty makes
// it stop with errLoadedMeanwhile when another node loaded first.
func (s *Service) loadTaxonomy(ctx context.Context, opts TaxonomyOptions, onlyIfEmpty bool) (*TaxonomyReport, error) {
	rep := &TaxonomyReport{Lang: "en"}
	start := time.Now()
	err := s.store.Tx(ctx, func(st ponte.Store) error {
		if err := st.Lock(ctx, lockTaxonomy); err != nil {
			return err
		}
		n, err := st.CountConcepts(ctx, "")
		if err != nil {
			return err
		}
		if onlyIfEmpty && n > 0 {
			return errLoadedMeanwhile
		}
		load := func() error { return s.loadEmbedded(ctx, st, opts, rep) }
		if n == 0 { // a first load: nobody else uses the taxonomy yet
			err = st.BulkLoadLinks(ctx, load)
		} else {
			err = load()
		}
		if err != nil {
			return err
		}
		if err := storeLevels(ctx, st); err != nil {
			return err
		}
		return s.recordTaxonomy(ctx, st, rep, embeddedMeta())
	})
	if err != nil {
		return nil, err
	}
	rep.Elapsed = time.Since(start)
	s.dropSkillIndex()
	s.log.Info("taxonomy loaded", "concepts", rep.Concepts, "labels", rep.Labels, "links", rep.Links,
		"memberships", rep.Memberships, "skipped", rep.Skipped, "version", rep.Version, "ms", rep.Elapsed.Milliseconds())
	return rep, nil
}

// loadEmbedded streams the embedded taxonomies into st.
func (s *Service) loadEmbedded(ctx context.Context, st ponte.Store, opts TaxonomyOptions, rep *TaxonomyReport) error {
	l := newLoader(ctx, st, rep)
	if err := taxonomy.LoadEmbedded(ctx, s.taxonomyHandler(l, opts, rep)); err != nil {
		return fmt.Errorf("service: load taxonomy: %w", err)
	}
	return l.finish()
}

// ImportESCO imports an official ESCO CSV release in language lang from
// the root of fsys (files skills_<lang>.csv and so on). Labels merge by
// concept URI, so a language is added beside those already there; a
// concept the database lacks is added. It runs in one transaction, so an
// interrupted import (ctx cancelled) leaves nothing half done.
func (s *Service) ImportESCO(ctx context.Context, fsys fs.FS, lang string, opts TaxonomyOptions) (*TaxonomyReport, error) {
	rep := &TaxonomyReport{Lang: lang}
	start := time.Now()
	err := s.store.Tx(ctx, func(st ponte.Store) error {
		if err := st.Lock(ctx, lockTaxonomy); err != nil {
			return err
		}
		l := newLoader(ctx, st, rep)
		if err := taxonomy.ReadESCO(ctx, fsys, lang, s.taxonomyHandler(l, opts, rep)); err != nil {
			return fmt.Errorf("service: import ESCO %s: %w", lang, err)
		}
		if err := l.finish(); err != nil {
			return err
		}
		return s.recordTaxonomy(ctx, st, rep, map[string]string{
			"import." + lang: fmt.Sprintf("%s: %d concepts, %d labels", s.now().Format(time.RFC3339), rep.Concepts, rep.Labels)})
	})
	if err != nil {
		return nil, err
	}
	rep.Elapsed = time.Since(start)
	s.dropSkillIndex()
	s.log.Info("taxonomy imported", "lang", lang, "concepts", rep.Concepts, "labels", rep.Labels,
		"bad_rows", rep.BadRows, "version", rep.Version, "ms", rep.Elapsed.Milliseconds())
	return rep, nil
}

// taxonomyHandler wires the loader, progress and bad-row reporting.
func (s *Service) taxonomyHandler(l *loader, opts TaxonomyOptions, rep *TaxonomyReport) taxonomy.Handler {
	h := l.handler()
	h.Progress = opts.Progress
	if h.Progress == nil {
		h.Progress = func(p taxonomy.Progress) {
			if p.Done {
				s.log.Info("taxonomy file", "step", fmt.Sprintf("%d/%d", p.Step, p.Steps), "file", p.File,
					"rows", p.Rows, "missing", p.Missing)
			}
		}
	}
	h.BadRow = func(e *taxonomy.RowError) error {
		rep.BadRows++
		if opts.BadRow != nil {
			opts.BadRow(e)
		} else {
			s.log.Warn("taxonomy: bad row skipped", "file", e.File, "line", e.Line, "err", e.Err)
		}
		return nil
	}
	return h
}

// embeddedMeta describes the embedded taxonomies for taxonomy_meta.
func embeddedMeta() map[string]string {
	return map[string]string{
		ponte.MetaESCOVersion:                taxonomy.ESCOVersion,
		ponte.MetaAttribution + ".esco":      taxonomy.AttributionESCO,
		ponte.MetaAttribution + ".entrecomp": taxonomy.AttributionEntreComp,
		ponte.MetaAttribution + ".digcomp":   taxonomy.AttributionDigComp,
		"schemes":                            strings.Join([]string{ponte.SchemeESCO, ponte.SchemeEntreComp, ponte.SchemeDigComp, ponte.SchemePonte}, ","),
	}
}

// recordTaxonomy bumps the version, adds the language and writes extra
// entries to taxonomy_meta, in the caller's transaction.
func (s *Service) recordTaxonomy(ctx context.Context, st ponte.Store, rep *TaxonomyReport, extra map[string]string) error {
	meta, err := st.TaxonomyMeta(ctx)
	if err != nil {
		return err
	}
	v, _ := strconv.ParseInt(meta[ponte.MetaVersion], 10, 64)
	rep.Version = v + 1
	langs := strings.Split(meta[ponte.MetaLanguages], ",")
	if !slices.Contains(langs, rep.Lang) {
		langs = append(langs, rep.Lang)
	}
	langs = slices.DeleteFunc(langs, func(l string) bool { return l == "" })
	slices.Sort(langs)
	kv := map[string]string{ponte.MetaVersion: strconv.FormatInt(rep.Version, 10),
		ponte.MetaLanguages: strings.Join(langs, ","), ponte.MetaLoadedAt: s.now().Format(time.RFC3339)}
	for k, v := range extra {
		kv[k] = v
	}
	return st.SetTaxonomyMeta(ctx, kv)
}

// storeLevels stores the proficiency levels of EntreComp and DigComp.
func storeLevels(ctx context.Context, st ponte.Store) error {
	var out []ponte.ProficiencyLevel
	for _, load := range []func() (*taxonomy.Framework, error){taxonomy.EntreComp, taxonomy.DigComp} {
		f, err := load()
		if err != nil {
			return fmt.Errorf("service: framework levels: %w", err)
		}
		for _, l := range f.Levels {
			out = append(out, ponte.ProficiencyLevel{Scheme: f.Scheme, Number: l.Number, Name: l.Name, Band: l.Band,
				BandDescription: l.BandDescription, Autonomy: l.Autonomy, Description: l.Description})
		}
	}
	return st.UpsertProficiencyLevels(ctx, out)
}

// TaxonomyInfo returns what taxonomy_meta records (version, languages,
// attributions), for status pages and the command line.
func (s *Service) TaxonomyInfo(ctx context.Context) (map[string]string, error) {
	return s.store.TaxonomyMeta(ctx)
}

// ProficiencyLevels returns a framework's proficiency scale (EntreComp,
// DigComp: eight levels), in English.
func (s *Service) ProficiencyLevels(ctx context.Context, scheme string) ([]ponte.ProficiencyLevel, error) {
	return s.store.ProficiencyLevels(ctx, scheme)
}
