package service

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/nuts"
)

// ProfileInput is what a profile form or the API sends. Which fields count
// depends on the sections being saved (see UpdateProfile); field errors use
// the names below, which the forms use too.
type ProfileInput struct {
	DisplayName  string                 // about: display_name
	Headline     string                 // about: headline
	Bio          string                 // about: bio
	Country      string                 // location: country
	Region       string                 // location: region
	Languages    []ponte.SpokenLanguage // languages: languages.N.code, languages.N.level
	Affiliations []string               // affiliations: affiliations
	Themes       []string               // affiliations: themes
	S3Areas      []string               // affiliations: s3_areas
	Offer        string                 // offer_seek: offer
	Seek         string                 // offer_seek: seek
	ShowEmail    string                 // contact: show_email
	AllowContact bool                   // contact: allow_contact
	// Visibility sets sections' visibility (field vis_<section>); sections
	// left out keep theirs.
	Visibility map[string]ponte.Visibility
}

// sectionRules validates and applies one section of an input to a profile.
var sectionRules = map[string]func(in *ProfileInput, p *ponte.Profile, fe ponte.FieldErrors){
	ponte.SectionAbout:        applyAbout,
	ponte.SectionLocation:     applyLocation,
	ponte.SectionLanguages:    applyLanguages,
	ponte.SectionAffiliations: applyAffiliations,
	ponte.SectionOfferSeek:    applyOfferSeek,
	ponte.SectionContact:      applyContact,
	ponte.SectionSkills:       func(*ProfileInput, *ponte.Profile, ponte.FieldErrors) {},
	ponte.SectionAssessment:   func(*ProfileInput, *ponte.Profile, ponte.FieldErrors) {},
}

func maxLen(fe ponte.FieldErrors, field, s string, n int) {
	if utf8.RuneCountInString(s) > n {
		fe.Add(field, "error.too_long")
	}
}

func applyAbout(in *ProfileInput, p *ponte.Profile, fe ponte.FieldErrors) {
	in.DisplayName, in.Headline = strings.TrimSpace(in.DisplayName), strings.TrimSpace(in.Headline)
	ponte.ValidateDisplayName(fe, "display_name", in.DisplayName)
	maxLen(fe, "headline", in.Headline, ponte.MaxHeadlineLen)
	maxLen(fe, "bio", in.Bio, ponte.MaxBioLen)
	p.DisplayName, p.Headline, p.Bio = in.DisplayName, in.Headline, strings.TrimSpace(in.Bio)
}

// applyLocation checks the country (ISO 3166) and the NUTS region, and
// that the region lies in the country; a region alone sets the country.
func applyLocation(in *ProfileInput, p *ponte.Profile, fe ponte.FieldErrors) {
	country := strings.ToUpper(strings.TrimSpace(in.Country))
	region := strings.ToUpper(strings.TrimSpace(in.Region))
	if country != "" && !ponte.ValidCountry(country) {
		fe.Add("country", "error.profile.country_unknown")
	}
	if region != "" {
		r, ok := nuts.Lookup(region)
		switch {
		case !ok:
			fe.Add("region", "error.profile.region_unknown")
		case country == "":
			country = r.Country
		case r.Country != country:
			fe.Add("region", "error.profile.region_country")
		}
	}
	p.Country, p.Region = country, region
}

func applyLanguages(in *ProfileInput, p *ponte.Profile, fe ponte.FieldErrors) {
	seen := map[string]bool{}
	var out []ponte.SpokenLanguage
	for i, l := range in.Languages {
		code, level := strings.ToLower(strings.TrimSpace(l.Code)), strings.TrimSpace(l.Level)
		if strings.EqualFold(level, "native") {
			level = "native"
		} else {
			level = strings.ToUpper(level)
		}
		f := "languages." + strconv.Itoa(i) + "."
		switch {
		case code == "" && level == "":
			continue // an empty row of the form
		case !ponte.ValidLanguageCode(code):
			fe.Add(f+"code", "error.profile.language_unknown")
		case seen[code]:
			fe.Add(f+"code", "error.profile.language_twice")
		case !ponte.ValidCEFR(level):
			fe.Add(f+"level", "error.choose_option")
		}
		seen[code] = true
		out = append(out, ponte.SpokenLanguage{Code: code, Level: level})
	}
	if len(out) > ponte.MaxLanguages {
		fe.Add("languages", "error.profile.too_many")
	}
	p.Languages = out
}

func applyAffiliations(in *ProfileInput, p *ponte.Profile, fe ponte.FieldErrors) {
	var lines []string
	for _, l := range in.Affiliations {
		if l = strings.TrimSpace(l); l != "" {
			maxLen(fe, "affiliations", l, ponte.MaxAffiliationLen)
			lines = append(lines, l)
		}
	}
	if len(lines) > ponte.MaxAffiliations {
		fe.Add("affiliations", "error.profile.too_many")
	}
	p.Affiliations = lines
	p.Themes = interestCodes(fe, "themes", ponte.InterestTheme, in.Themes)
	p.S3Areas = interestCodes(fe, "s3_areas", ponte.InterestS3, in.S3Areas)
}

// interestCodes checks codes of a kind and drops repeats.
func interestCodes(fe ponte.FieldErrors, field, kind string, codes []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, c := range codes {
		if !ponte.ValidInterest(kind, c) {
			fe.Add(field, "error.choose_option")
			continue
		}
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

func applyOfferSeek(in *ProfileInput, p *ponte.Profile, fe ponte.FieldErrors) {
	in.Offer, in.Seek = strings.TrimSpace(in.Offer), strings.TrimSpace(in.Seek)
	maxLen(fe, "offer", in.Offer, ponte.MaxOfferSeekLen)
	maxLen(fe, "seek", in.Seek, ponte.MaxOfferSeekLen)
	p.Offer, p.Seek = in.Offer, in.Seek
}

func applyContact(in *ProfileInput, p *ponte.Profile, fe ponte.FieldErrors) {
	if in.ShowEmail != ponte.ShowEmailMembers && in.ShowEmail != ponte.ShowEmailNobody {
		fe.Add("show_email", "error.choose_option")
	}
	p.ShowEmail, p.AllowContact = in.ShowEmail, in.AllowContact
}

// applyVisibility sets the visibility of the given sections that the input
// names.
func applyVisibility(in *ProfileInput, p *ponte.Profile, sections []string, fe ponte.FieldErrors) {
	for _, sec := range sections {
		v, ok := in.Visibility[sec]
		if !ok {
			continue
		}
		if !v.Valid() {
			fe.Add("vis_"+sec, "error.choose_option")
			continue
		}
		p.Visibility[sec] = v
	}
}
