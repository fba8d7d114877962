package suggest

import (
	"context"
	"io/fs"

	"github.com/ponte-platform/ponte/internal/taxonomy"
)

// Source streams a taxonomy to a Handler. Build reads the records it
// needs (skills and knowledge with their labels in any language, broader
// links, skill relations, occupations, occupation-skill links) and keeps
// nothing else, so a Source may as well be a database query as a file.
type Source func(ctx context.Context, h taxonomy.Handler) error

// FromEmbedded returns the English ESCO v1.1.1 release built into the
// binary.
func FromEmbedded() Source {
	return FromESCO(taxonomy.EmbeddedESCO(), "en")
}

// FromESCO returns an official ESCO CSV release in language lang, read
// with taxonomy.ReadESCO: os.DirFS of an unpacked download, or its zip.
// The concept URIs are the same in every language, so joining releases
// (see Join) adds labels to the same skills.
func FromESCO(fsys fs.FS, lang string) Source {
	return func(ctx context.Context, h taxonomy.Handler) error {
		return taxonomy.ReadESCO(ctx, fsys, lang, h)
	}
}

// Join returns a Source that streams each of srcs in turn, e.g. the
// embedded English release and then a downloaded Italian one.
func Join(srcs ...Source) Source {
	return func(ctx context.Context, h taxonomy.Handler) error {
		for _, s := range srcs {
			if err := s(ctx, h); err != nil {
				return err
			}
		}
		return nil
	}
}

// FromConcepts returns a Source of the given concepts, e.g. labels in
// another language that the platform keeps in its database, or labels
// written by hand. Each must carry its URI, Kind (taxonomy.KindSkill,
// KindKnowledge or KindCompetence), Lang and PreferredLabel.
func FromConcepts(concepts []taxonomy.Concept) Source {
	return func(ctx context.Context, h taxonomy.Handler) error {
		if h.Concept == nil {
			return nil
		}
		for _, c := range concepts {
			if err := h.Concept(c); err != nil {
				return err
			}
		}
		return ctx.Err()
	}
}
