package web

import (
	"strconv"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
)

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// photoURL is where a person's photo is served; the image id in the query
// changes with each new photo, so browsers may keep one for long.
func photoURL(v *service.PersonView) string {
	if v == nil || v.PhotoID == nil {
		return ""
	}
	return "/people/" + itoa(v.UserID) + "/photo?v=" + itoa(*v.PhotoID)
}

// All returns every value of a multi-valued field (checkboxes).
func (f *form) All(name string) []string {
	if f == nil || f.Values == nil {
		return nil
	}
	return f.Values[name]
}

// visView is a section's visibility radio group.
type visView struct {
	Section string
	Error   string
	Choices []choice
}

// newVisView offers the three visibilities, the form's value (if it was
// submitted) or else the saved one chosen.
func newVisView(f *form, section string, saved ponte.Visibility) visView {
	cur := f.Get("vis_" + section)
	if cur == "" {
		cur = string(saved)
	}
	vals := make([]string, len(ponte.Visibilities))
	for i, v := range ponte.Visibilities {
		vals[i] = string(v)
	}
	return visView{Section: section, Error: f.Errors["vis_"+section],
		Choices: choices(vals, func(v string) string { return "people.vis." + v }, cur)}
}
