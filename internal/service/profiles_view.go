package service

import (
	"time"

	"github.com/ponte-platform/ponte"
)

// PersonView is a profile as one viewer may see it: a section the viewer
// may not see is empty, and Can says which they may. Pages, the API, the
// directory and the data export all build it with viewProfile, the one
// place where visibility is applied to what is shown (the directory's
// filters apply the same ponte.Audience rule in SQL).
type PersonView struct {
	UserID      int64
	DisplayName string
	Self        bool // the viewer is the person
	Exists      bool // the profile was saved at least once
	Can         map[string]bool
	// Visibility of each section, shown to the person only.
	Visibility map[string]ponte.Visibility

	Headline, Bio string // about
	PhotoID       *int64 // about
	Skills        []*ponte.ProfileSkill
	Languages     []ponte.SpokenLanguage
	Country       string // location
	Region        string // location
	Affiliations  []string
	Organisations []ponte.OrgAffiliation
	Themes        []string
	S3Areas       []string
	Offer, Seek   string
	Email         string // contact, when the person shows it to members
	AllowContact  bool   // contact
	Assessment    *ponte.Assessment
	UpdatedAt     time.Time

	// Endorsed is which skills the viewer endorsed; CanEndorse whether the
	// viewer may endorse this person's skills at all.
	Endorsed   map[int64]bool
	CanEndorse bool
}

// viewProfile returns what aud may see of p. Lists loaded separately
// (skills, organisations, the assessment) are attached with attach*, which
// check Can again.
func viewProfile(aud ponte.Audience, p *ponte.Profile) *PersonView {
	v := &PersonView{UserID: p.UserID, DisplayName: p.DisplayName, Exists: p.Exists,
		Self: aud.ViewerID != 0 && aud.ViewerID == p.UserID, Can: map[string]bool{}, UpdatedAt: p.UpdatedAt}
	for _, sec := range ponte.ProfileSections {
		v.Can[sec] = aud.CanSee(p.UserID, p.Vis(sec))
	}
	if v.Self {
		v.Visibility = p.Visibility
	}
	if v.Can[ponte.SectionAbout] {
		v.Headline, v.Bio, v.PhotoID = p.Headline, p.Bio, p.PhotoID
	}
	if v.Can[ponte.SectionLanguages] {
		v.Languages = p.Languages
	}
	if v.Can[ponte.SectionLocation] {
		v.Country, v.Region = p.Country, p.Region
	}
	if v.Can[ponte.SectionAffiliations] {
		v.Affiliations, v.Themes, v.S3Areas = p.Affiliations, p.Themes, p.S3Areas
	}
	if v.Can[ponte.SectionOfferSeek] {
		v.Offer, v.Seek = p.Offer, p.Seek
	}
	if v.Can[ponte.SectionContact] {
		v.AllowContact = p.AllowContact
		// The address goes to signed-in members only, even when the
		// section is public: addresses on public pages attract spam.
		if v.Self || (aud.IsMember() && p.ShowEmail == ponte.ShowEmailMembers) {
			v.Email = p.Email
		}
	}
	v.CanEndorse = aud.IsMember() && !v.Self && v.Can[ponte.SectionSkills]
	return v
}

// attachSkills sets the skills if the viewer may see them.
func (v *PersonView) attachSkills(sk []*ponte.ProfileSkill) {
	if v.Can[ponte.SectionSkills] {
		v.Skills = sk
	}
}

// attachOrgs sets the organisations if the viewer may see affiliations.
func (v *PersonView) attachOrgs(orgs []ponte.OrgAffiliation) {
	if v.Can[ponte.SectionAffiliations] {
		v.Organisations = orgs
	}
}

// attachAssessment sets the latest self-assessment if the viewer may see it.
func (v *PersonView) attachAssessment(a *ponte.Assessment) {
	if v.Can[ponte.SectionAssessment] {
		v.Assessment = a
	}
}

// Visible reports whether the viewer may see anything of the person: a
// profile with every section hidden is, to them, not there.
func (v *PersonView) Visible() bool {
	if v.Self {
		return true
	}
	for _, ok := range v.Can {
		if ok {
			return true
		}
	}
	return false
}
