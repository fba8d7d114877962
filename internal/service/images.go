package service

import (
	"errors"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/imaging"
)

// imageFieldError turns an imaging failure into a field error on field,
// with the message key keyPrefix + too_large, format, corrupt or
// dimensions; other errors pass through.
func imageFieldError(err error, field, keyPrefix string) error {
	var suffix string
	switch {
	case errors.Is(err, imaging.ErrTooLarge):
		suffix = "too_large"
	case errors.Is(err, imaging.ErrUnsupported):
		suffix = "format"
	case errors.Is(err, imaging.ErrCorrupt):
		suffix = "corrupt"
	case errors.Is(err, imaging.ErrDimensions):
		suffix = "dimensions"
	default:
		return err
	}
	return &ponte.Error{Code: ponte.EInvalid, Key: "error.invalid",
		Fields: map[string]string{field: keyPrefix + suffix}, Err: err}
}
