package api

import (
	"context"
	"strconv"
	"strings"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
)

// ProfileInputDTO is the body of PUT /me/profile: the whole profile but the
// skills. Fields left out are emptied; visibility keeps the sections it
// does not name.
type ProfileInputDTO struct {
	DisplayName  string            `json:"display_name" maxLength:"100"`
	Headline     string            `json:"headline,omitempty" maxLength:"160"`
	Bio          string            `json:"bio,omitempty" maxLength:"5000" doc:"Markdown"`
	Country      string            `json:"country,omitempty" doc:"ISO 3166-1 alpha-2; set from the region when empty"`
	Region       string            `json:"region,omitempty" doc:"NUTS 2024 code of any level"`
	Languages    []LanguageDTO     `json:"languages,omitempty" maxItems:"12"`
	Affiliations []string          `json:"affiliations,omitempty" maxItems:"10"`
	Themes       []string          `json:"themes,omitempty"`
	S3Areas      []string          `json:"s3_areas,omitempty"`
	Offer        string            `json:"offer,omitempty" maxLength:"1000"`
	Seek         string            `json:"seek,omitempty" maxLength:"1000"`
	ShowEmail    string            `json:"show_email,omitempty" enum:"members,nobody" doc:"nobody by default"`
	AllowContact bool              `json:"allow_contact,omitempty"`
	Visibility   map[string]string `json:"visibility,omitempty" doc:"Section (about, skills, languages, location, affiliations, offer_seek, contact, assessment) to public, members or private"`
}

// PutProfileInput is PUT /me/profile.
type PutProfileInput struct {
	LangInput
	Body ProfileInputDTO
}

func (a *API) putMyProfile(ctx context.Context, in *PutProfileInput) (*PersonOutput, error) {
	lang := langOf(in.AcceptLanguage, a.cat)
	u, err := user(ctx)
	if err != nil {
		return nil, a.fail(lang, err)
	}
	b := in.Body
	pi := service.ProfileInput{DisplayName: b.DisplayName, Headline: b.Headline, Bio: b.Bio,
		Country: b.Country, Region: b.Region, Affiliations: b.Affiliations, Themes: b.Themes,
		S3Areas: b.S3Areas, Offer: b.Offer, Seek: b.Seek, ShowEmail: b.ShowEmail,
		AllowContact: b.AllowContact, Visibility: map[string]ponte.Visibility{}}
	if pi.ShowEmail == "" {
		pi.ShowEmail = ponte.ShowEmailNobody
	}
	for _, l := range b.Languages {
		pi.Languages = append(pi.Languages, ponte.SpokenLanguage{Code: l.Code, Level: l.Level})
	}
	for sec, v := range b.Visibility {
		if !ponte.ValidSection(sec) {
			return nil, a.fail(lang, &ponte.Error{Code: ponte.EInvalid, Key: "error.invalid",
				Fields: map[string]string{"visibility." + sec: "error.choose_option"}})
		}
		pi.Visibility[sec] = ponte.Visibility(v)
	}
	if _, err := a.svc.UpdateProfile(ctx, u, pi, ponte.ProfileSections...); err != nil {
		return nil, a.fail(lang, renameVisFields(err))
	}
	return a.getMyProfile(ctx, &in.LangInput)
}

// renameVisFields gives the service's vis_<section> field errors the
// API's names, visibility.<section>.
func renameVisFields(err error) error {
	e := ponte.AsError(err)
	if e == nil || len(e.Fields) == 0 {
		return err
	}
	fields := map[string]string{}
	for k, v := range e.Fields {
		if sec, ok := strings.CutPrefix(k, "vis_"); ok {
			k = "visibility." + sec
		}
		fields[k] = v
	}
	return &ponte.Error{Code: e.Code, Key: e.Key, Fields: fields, Err: e.Err}
}

// SkillInputDTO is one skill of PUT /me/skills.
type SkillInputDTO struct {
	URI      string       `json:"uri" doc:"Concept URI, e.g. http://data.europa.eu/esco/skill/…"`
	Level    int          `json:"level" minimum:"1" maximum:"4"`
	Evidence *EvidenceDTO `json:"evidence,omitempty"`
}

// PutSkillsInput is PUT /me/skills.
type PutSkillsInput struct {
	LangInput
	Body []SkillInputDTO `maxItems:"100"`
}

// SkillsOutput is a list of skills.
type SkillsOutput struct {
	Body []SkillDTO
}

func (a *API) getMySkills(ctx context.Context, in *LangInput) (*SkillsOutput, error) {
	lang := langOf(in.AcceptLanguage, a.cat)
	u, err := user(ctx)
	if err != nil {
		return nil, a.fail(lang, err)
	}
	sk, err := a.svc.MySkills(ctx, u, lang)
	if err != nil {
		return nil, a.fail(lang, err)
	}
	out := &SkillsOutput{Body: make([]SkillDTO, 0, len(sk))}
	for _, s := range sk {
		out.Body = append(out.Body, skillDTO(s))
	}
	return out, nil
}

func (a *API) putMySkills(ctx context.Context, in *PutSkillsInput) (*SkillsOutput, error) {
	lang := langOf(in.AcceptLanguage, a.cat)
	u, err := user(ctx)
	if err != nil {
		return nil, a.fail(lang, err)
	}
	set := make([]service.SkillInput, len(in.Body))
	for i, s := range in.Body {
		set[i] = service.SkillInput{URI: s.URI, Level: s.Level}
		if s.Evidence != nil {
			set[i].EvidenceKind, set[i].EvidenceText, set[i].EvidenceURL = s.Evidence.Kind, s.Evidence.Text, s.Evidence.URL
		}
	}
	if err := a.svc.ReplaceSkills(ctx, u, set); err != nil {
		return nil, a.skillsError(lang, err, in.Body)
	}
	return a.getMySkills(ctx, &in.LangInput)
}

// skillsError translates a failed replacement and names each rejected URI
// in its field's message, so a program can tell which one to fix.
func (a *API) skillsError(lang string, err error, body []SkillInputDTO) error {
	out := a.fail(lang, err)
	eb, ok := out.(*ErrorBody)
	if !ok {
		return out
	}
	for field, msg := range eb.Err.Fields {
		rest, ok := strings.CutPrefix(field, "skills.")
		idx, _, _ := strings.Cut(rest, ".")
		i, err := strconv.Atoi(idx)
		if ok && err == nil && i < len(body) && strings.HasSuffix(field, ".uri") {
			eb.Err.Fields[field] = msg + " (" + body[i].URI + ")"
		}
	}
	return eb
}
