package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
)

// profileEditData is the profile editor: one form per section.
type profileEditData struct {
	View      *service.PersonView
	PhotoURL  string
	Forms     map[string]*form // by section, plus "photo"
	Vis       map[string]visView
	Countries []choice
	Regions   []choice
	LangRows  []langRow
	Themes    []choice
	S3Areas   []choice
	ShowEmail []choice
	Levels    []int
	Text      map[string]textareaView
	Checks    map[string]checksView
}

// textareaView is a labelled textarea with its hint and error.
type textareaView struct {
	Name, Label, Hint, Value, Error string
	Rows, MaxLength                 int
}

// checksView is a fieldset of checkboxes sharing a name.
type checksView struct {
	Name, Legend, Error string
	Choices             []choice
}

// langRow is one language line of the languages form.
type langRow struct {
	Index, N   int
	Codes      []choice
	Levels     []choice
	CodeError  string
	LevelError string
}

// renderProfileEdit draws the editor; failed is the section whose form f
// came back with errors (its typed values are kept), the others are filled
// from the saved profile.
func (s *Server) renderProfileEdit(w http.ResponseWriter, r *http.Request, status int, failed string, f *form) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	p, err := s.svc.MyProfile(r.Context(), u)
	if err != nil {
		return err
	}
	v, err := s.svc.Person(r.Context(), u, u.ID, lang(r))
	if err != nil {
		return err
	}
	d := &profileEditData{View: v, PhotoURL: photoURL(v), Forms: map[string]*form{}, Vis: map[string]visView{},
		Levels: ponte.SkillLevels}
	for _, sec := range append(editSections, "photo") {
		d.Forms[sec] = profileForm(p)
		if sec == failed {
			d.Forms[sec] = f
		}
		d.Vis[sec] = newVisView(d.Forms[sec], sec, p.Vis(sec))
	}
	d.fillChoices(lang(r))
	return s.render(w, r, status, "profile_edit", s.newPage(r, "people.edit_title", d))
}

// fillChoices builds the option lists, marked from each section's form.
func (d *profileEditData) fillChoices(l string) {
	loc := d.Forms[ponte.SectionLocation]
	d.Countries = countryOptions(l, loc.Get("country"))
	d.Regions = regionOptions(loc.Get("country"))
	aff := d.Forms[ponte.SectionAffiliations]
	d.Themes = choices(ponte.Themes, func(c string) string { return "people.theme." + c }, aff.All("themes")...)
	d.S3Areas = choices(ponte.S3Areas, func(c string) string { return "people.s3." + c }, aff.All("s3_areas")...)
	d.ShowEmail = choices([]string{ponte.ShowEmailMembers, ponte.ShowEmailNobody},
		func(c string) string { return "people.show_email." + c }, d.Forms[ponte.SectionContact].Get("show_email"))
	d.LangRows = langRows(l, d.Forms[ponte.SectionLanguages])
	d.Checks = map[string]checksView{
		"themes":   {Name: "themes", Legend: "people.themes", Error: aff.Errors["themes"], Choices: d.Themes},
		"s3_areas": {Name: "s3_areas", Legend: "people.s3_areas", Error: aff.Errors["s3_areas"], Choices: d.S3Areas},
	}
	d.Text = map[string]textareaView{}
	for _, t := range []struct {
		sec, name, hint string
		rows, max       int
	}{
		{ponte.SectionAbout, "bio", "people.bio_hint", 8, ponte.MaxBioLen},
		{ponte.SectionAffiliations, "affiliations", "people.affiliations_hint", 4, ponte.MaxAffiliations * (ponte.MaxAffiliationLen + 1)},
		{ponte.SectionOfferSeek, "offer", "people.offer_hint", 4, ponte.MaxOfferSeekLen},
		{ponte.SectionOfferSeek, "seek", "people.seek_hint", 4, ponte.MaxOfferSeekLen},
	} {
		f := d.Forms[t.sec]
		d.Text[t.name] = textareaView{Name: t.name, Label: "people." + t.name, Hint: t.hint, Value: f.Get(t.name),
			Error: f.Errors[t.name], Rows: t.rows, MaxLength: t.max}
	}
}

// langRows offers the saved or typed languages plus two empty lines (at
// least three lines, at most the limit), so languages are added without
// JavaScript.
func langRows(l string, f *form) []langRow {
	n := 0
	for ; n < ponte.MaxLanguages; n++ {
		if _, ok := f.Values["languages."+strconv.Itoa(n)+".code"]; !ok {
			break
		}
	}
	rows := min(max(n+2, 3), ponte.MaxLanguages)
	out := make([]langRow, rows)
	for i := range out {
		p := "languages." + strconv.Itoa(i) + "."
		out[i] = langRow{Index: i, N: i + 1, Codes: languageOptions(l, f.Get(p+"code")),
			Levels:    choices(ponte.CEFRLevels, cefrKey, f.Get(p+"level")),
			CodeError: f.Errors[p+"code"], LevelError: f.Errors[p+"level"]}
	}
	return out
}

// cefrKey is the message key of a CEFR level ("B2", "native").
func cefrKey(level string) string { return "people.cefr." + strings.ToLower(level) }
