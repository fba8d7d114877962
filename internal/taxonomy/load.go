package taxonomy

import (
	"context"
	"fmt"
	"io"
	"path"
)

// LoadEmbedded streams every embedded taxonomy to h: the ESCO v1.1.1
// English release, EntreComp, DigComp 3.0 and the innovation areas, in
// that order, so that the concepts an innovation area lists exist before
// the memberships that name them. It is what a new deployment loads on its
// first run; ReadESCO adds other languages afterwards.
func LoadEmbedded(ctx context.Context, h Handler) error {
	plan, err := planESCO(EmbeddedESCO(), "en", h)
	if err != nil {
		return err
	}
	st := stepper{steps: len(plan) + 3}
	if err := runPlan(ctx, EmbeddedESCO(), plan, h, st); err != nil {
		return err
	}
	st.step = len(plan)
	for _, load := range []func() (*Framework, error){EntreComp, DigComp} {
		f, err := load()
		if err != nil {
			return err
		}
		if err := f.Emit(ctx, h); err != nil {
			return err
		}
		st.step++
		reportDone(h, f.Scheme, len(f.Concepts), st)
	}
	st.step++
	return loadInnovation(ctx, h, st)
}

// loadInnovation emits the innovation areas and their memberships.
func loadInnovation(ctx context.Context, h Handler, st stepper) error {
	areas, err := InnovationAreas()
	if err != nil {
		return err
	}
	for _, a := range areas {
		if err := emitArea(h, a); err != nil {
			return fmt.Errorf("taxonomy: innovation area %s: %w", a.Slug, err)
		}
	}
	reportDone(h, InnovationFile, len(areas), st)
	return ctx.Err()
}

// emitArea sends one innovation area's concepts and memberships to h.
func emitArea(h Handler, a InnovationArea) error {
	if h.Concept != nil {
		for _, c := range a.Concepts() {
			if err := h.Concept(c); err != nil {
				return err
			}
		}
	}
	if h.Membership != nil {
		for _, m := range a.Memberships() {
			if err := h.Membership(m); err != nil {
				return err
			}
		}
	}
	return nil
}

// reportDone reports a file read whole.
func reportDone(h Handler, file string, rows int, st stepper) {
	if h.Progress != nil {
		h.Progress(Progress{File: file, Step: st.step, Steps: st.steps, Rows: rows, Done: true})
	}
}

// EntreComp returns the embedded EntreComp framework.
func EntreComp() (*Framework, error) {
	var f *Framework
	err := withFile(path.Join("frameworks", "entrecomp.json"), func(r io.Reader) (err error) {
		f, err = ParseEntreComp(r)
		return err
	})
	return f, err
}

// DigComp returns the embedded DigComp 3.0 framework, with the
// descriptions and levels of the JRC data supplement.
func DigComp() (*Framework, error) {
	var f *Framework
	err := withFile(path.Join("frameworks", DigCompItemsFile), func(items io.Reader) error {
		return withFile(path.Join("frameworks", DigCompSupplementFile), func(sup io.Reader) (err error) {
			f, err = ParseDigComp(items, sup)
			return err
		})
	})
	return f, err
}

// InnovationAreas returns the embedded innovation areas.
func InnovationAreas() ([]InnovationArea, error) {
	var areas []InnovationArea
	err := withFile(InnovationFile, func(r io.Reader) (err error) {
		areas, err = ParseInnovationAreas(r)
		return err
	})
	return areas, err
}

// withFile opens an embedded file, gunzipping it if stored compressed,
// and passes it to fn.
func withFile(name string, fn func(io.Reader) error) error {
	r, err := Open(Embedded(), name)
	if err != nil {
		return err
	}
	defer r.Close()
	return fn(r)
}
