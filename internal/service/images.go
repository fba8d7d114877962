package service

import (
	"errors"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/imaging"
)

// imageErrorKeys are the message keys for each way an upload can fail.
// They are spelled out (not built from a prefix) so the catalogue tests
// can find every key in the source.
type imageErrorKeys struct {
	TooLarge, Format, Corrupt, Dimensions string
}

// imageFieldError turns an imaging failure into a field error on field;
// other errors pass through.
func imageFieldError(err error, field string, keys imageErrorKeys) error {
	var key string
	switch {
	case errors.Is(err, imaging.ErrTooLarge):
		key = keys.TooLarge
	case errors.Is(err, imaging.ErrUnsupported):
		key = keys.Format
	case errors.Is(err, imaging.ErrCorrupt):
		key = keys.Corrupt
	case errors.Is(err, imaging.ErrDimensions):
		key = keys.Dimensions
	default:
		return err
	}
	return &ponte.Error{Code: ponte.EInvalid, Key: "error.invalid",
		Fields: map[string]string{field: key}, Err: err}
}
