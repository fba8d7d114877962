package service

import (
	"context"
	"strconv"
	"time"

	"github.com/ponte-platform/ponte"
)

// ProfileExport is the profile part of a DataExport: the whole profile as
// its person sees it, endorsements given and received, and every
// self-assessment with its scores.
type ProfileExport struct {
	Exists       bool                        `json:"exists"`
	Headline     string                      `json:"headline"`
	Bio          string                      `json:"bio"`
	PhotoURL     string                      `json:"photo_url,omitempty"`
	Country      string                      `json:"country"`
	Region       string                      `json:"region"`
	Languages    []ponte.SpokenLanguage      `json:"languages"`
	Affiliations []string                    `json:"affiliations"`
	Themes       []string                    `json:"themes"`
	S3Areas      []string                    `json:"s3_areas"`
	Offer        string                      `json:"offer"`
	Seek         string                      `json:"seek"`
	ShowEmail    string                      `json:"show_email"`
	AllowContact bool                        `json:"allow_contact"`
	Visibility   map[string]ponte.Visibility `json:"visibility"`
	Skills       []SkillExport               `json:"skills"`
	Given        []EndorsementExport         `json:"endorsements_given"`
	Received     []EndorsementExport         `json:"endorsements_received"`
	Assessments  []AssessmentExport          `json:"assessments"`
	UpdatedAt    time.Time                   `json:"updated_at"`
}

// SkillExport is one skill of a ProfileExport.
type SkillExport struct {
	URI          string `json:"uri"`
	Label        string `json:"label"`
	Level        int    `json:"level"`
	EvidenceKind string `json:"evidence_kind,omitempty"`
	EvidenceText string `json:"evidence_text,omitempty"`
	EvidenceURL  string `json:"evidence_url,omitempty"`
	Endorsements int    `json:"endorsements"`
}

// EndorsementExport is one endorsement: which skill, and the other person.
type EndorsementExport struct {
	SkillURI  string    `json:"skill_uri"`
	Skill     string    `json:"skill"`
	Person    string    `json:"person"`
	CreatedAt time.Time `json:"created_at"`
}

// AssessmentExport is one self-assessment: the ratings and the scores.
type AssessmentExport struct {
	TakenAt time.Time      `json:"taken_at"`
	Version int            `json:"version"`
	Answers []int          `json:"answers"`
	Scores  map[string]int `json:"scores"`
}

// exportProfile fills x.Profile from the person's own view of their
// profile (viewProfile with themself as the audience), so the export holds
// exactly what their profile page shows them.
func (s *Service) exportProfile(ctx context.Context, u *ponte.User, x *DataExport) error {
	p, err := loadProfile(ctx, s.store, u)
	if err != nil {
		return err
	}
	v := viewProfile(ponte.AudienceOf(u), p)
	if err := s.fillPerson(ctx, u, v, u.Lang); err != nil {
		return err
	}
	pe := &ProfileExport{Exists: p.Exists, Headline: v.Headline, Bio: v.Bio, Country: v.Country,
		Region: v.Region, Languages: v.Languages, Affiliations: v.Affiliations, Themes: v.Themes,
		S3Areas: v.S3Areas, Offer: v.Offer, Seek: v.Seek, ShowEmail: p.ShowEmail,
		AllowContact: v.AllowContact, Visibility: p.Visibility, UpdatedAt: p.UpdatedAt}
	if v.PhotoID != nil {
		pe.PhotoURL = s.cfg.BaseURL + "/people/" + strconv.FormatInt(u.ID, 10) + "/photo"
	}
	for _, sk := range v.Skills {
		pe.Skills = append(pe.Skills, SkillExport{sk.ConceptURI, sk.Label, sk.Level, sk.EvidenceKind,
			sk.EvidenceText, sk.EvidenceURL, sk.Endorsements})
	}
	if pe.Given, err = s.exportEndorsements(ctx, u, true); err != nil {
		return err
	}
	if pe.Received, err = s.exportEndorsements(ctx, u, false); err != nil {
		return err
	}
	x.Profile = pe
	return s.exportAssessments(ctx, u, pe)
}

func (s *Service) exportEndorsements(ctx context.Context, u *ponte.User, given bool) ([]EndorsementExport, error) {
	es, err := s.store.Endorsements(ctx, u.ID, given, u.Lang)
	out := make([]EndorsementExport, 0, len(es))
	for _, e := range es {
		out = append(out, EndorsementExport{e.ConceptURI, e.Label, e.OtherName, e.CreatedAt})
	}
	return out, err
}

func (s *Service) exportAssessments(ctx context.Context, u *ponte.User, pe *ProfileExport) error {
	var before int64
	for {
		page, err := s.store.Assessments(ctx, u.ID, before, 100)
		if err != nil || len(page) == 0 {
			return err
		}
		for _, a := range page {
			scores := map[string]int{}
			for _, sc := range a.Scores() {
				scores[sc.Area] = sc.Score
			}
			pe.Assessments = append(pe.Assessments, AssessmentExport{a.TakenAt, a.Version, a.Answers, scores})
		}
		before = page[len(page)-1].ID
	}
}

// eraseProfile deletes what account deletion would otherwise leave: the
// profile photo (images outlive their uploader, for organisation logos).
// The profile, skills, endorsements given and received, and assessments
// go with the account row (ON DELETE CASCADE).
func eraseProfile(ctx context.Context, tx ponte.Store, u *ponte.User) error {
	p, err := loadProfile(ctx, tx, u)
	if err != nil {
		return err
	}
	return deleteImage(ctx, tx, p.PhotoID)
}
