package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
)

// editSections are the sections edited on /profile/edit, each its own form.
var editSections = []string{ponte.SectionAbout, ponte.SectionLocation, ponte.SectionLanguages,
	ponte.SectionAffiliations, ponte.SectionOfferSeek, ponte.SectionContact}

func (s *Server) profileEdit(w http.ResponseWriter, r *http.Request) error {
	return s.renderProfileEdit(w, r, http.StatusOK, "", nil)
}

// profileSection saves one section's form; on invalid input the page is
// drawn again with what was typed and the errors, and nothing is saved.
func (s *Server) profileSection(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	sec := r.PathValue("section")
	if !contains(editSections, sec) {
		return ponte.Errorf(ponte.ENotFound, "error.not_found")
	}
	f, err := parseForm(r)
	if err != nil {
		return err
	}
	_, err = s.svc.UpdateProfile(r.Context(), u, profileInput(f, sec), sec)
	if f.failed(err) {
		return s.renderProfileEdit(w, r, http.StatusUnprocessableEntity, sec, f)
	}
	if err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/profile/edit#sec-"+sec, "flash.people.profile_saved")
}

// profileInput reads a section's form into the service's input.
func profileInput(f *form, sec string) service.ProfileInput {
	in := service.ProfileInput{DisplayName: f.Get("display_name"), Headline: f.Get("headline"),
		Bio: f.Get("bio"), Country: f.Get("country"), Region: f.Get("region"),
		Affiliations: trimLines(f.Get("affiliations")), Themes: f.All("themes"), S3Areas: f.All("s3_areas"),
		Offer: f.Get("offer"), Seek: f.Get("seek"), ShowEmail: f.Get("show_email"),
		AllowContact: f.Checked("allow_contact")}
	for i := 0; i < ponte.MaxLanguages; i++ {
		p := "languages." + strconv.Itoa(i) + "."
		if _, ok := f.Values[p+"code"]; !ok {
			break
		}
		in.Languages = append(in.Languages, ponte.SpokenLanguage{Code: f.Get(p + "code"), Level: f.Get(p + "level")})
	}
	if v := f.Get("vis_" + sec); v != "" {
		in.Visibility = map[string]ponte.Visibility{sec: ponte.Visibility(v)}
	}
	return in
}

func (s *Server) profileVisibility(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	f, err := parseForm(r)
	if err != nil {
		return err
	}
	sec := f.Get("section")
	if err := s.svc.SetVisibility(r.Context(), u, sec, ponte.Visibility(f.Get("vis_"+sec))); err != nil {
		return err
	}
	back := "/profile/skills"
	if sec == ponte.SectionAssessment {
		back = "/profile/assessment"
	}
	return s.redirectFlash(w, r, back, "flash.people.visibility_saved")
}

func (s *Server) profilePhoto(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	f, err := parseForm(r)
	if err != nil {
		return err
	}
	file, _, err := r.FormFile("photo")
	if err != nil {
		f.Errors["photo"] = "error.profile.photo_missing"
		return s.renderProfileEdit(w, r, http.StatusUnprocessableEntity, "photo", f)
	}
	defer file.Close()
	err = s.svc.SetPhoto(r.Context(), u, file)
	if f.failed(err) {
		return s.renderProfileEdit(w, r, http.StatusUnprocessableEntity, "photo", f)
	}
	if err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/profile/edit#sec-photo", "flash.people.photo_saved")
}

func (s *Server) profilePhotoDelete(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	if err := s.svc.RemovePhoto(r.Context(), u); err != nil {
		return err
	}
	return s.redirectFlash(w, r, "/profile/edit#sec-photo", "flash.people.photo_removed")
}

// profileForm fills a section's form from the saved profile.
func profileForm(p *ponte.Profile) *form {
	f := emptyForm()
	v := f.Values
	v.Set("display_name", p.DisplayName)
	v.Set("headline", p.Headline)
	v.Set("bio", p.Bio)
	v.Set("country", p.Country)
	v.Set("region", p.Region)
	for i, l := range p.Languages {
		v.Set("languages."+strconv.Itoa(i)+".code", l.Code)
		v.Set("languages."+strconv.Itoa(i)+".level", l.Level)
	}
	v.Set("affiliations", strings.Join(p.Affiliations, "\n"))
	v["themes"], v["s3_areas"] = p.Themes, p.S3Areas
	v.Set("offer", p.Offer)
	v.Set("seek", p.Seek)
	v.Set("show_email", p.ShowEmail)
	if p.AllowContact {
		v.Set("allow_contact", "yes")
	}
	return f
}
