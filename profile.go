package ponte

import (
	"context"
	"time"
)

// Visibility says who may see one section of a profile.
type Visibility string

// The visibilities, from widest to narrowest.
const (
	VisPublic  Visibility = "public"  // anyone, signed in or not
	VisMembers Visibility = "members" // signed-in members
	VisPrivate Visibility = "private" // only the person
)

// Visibilities lists the visibilities in display order.
var Visibilities = []Visibility{VisPublic, VisMembers, VisPrivate}

// Valid reports whether v is a known visibility.
func (v Visibility) Valid() bool { return v == VisPublic || v == VisMembers || v == VisPrivate }

// Profile sections: each has its own visibility.
const (
	SectionAbout        = "about"        // headline, bio, photo
	SectionSkills       = "skills"       // skills with level, evidence, endorsements
	SectionLanguages    = "languages"    // languages spoken
	SectionLocation     = "location"     // country and NUTS region
	SectionAffiliations = "affiliations" // affiliations, organisations and interests
	SectionOfferSeek    = "offer_seek"   // what I offer, what I seek
	SectionContact      = "contact"      // e-mail and contact requests
	SectionAssessment   = "assessment"   // innovation-skills self-assessment
)

// ProfileSections lists every section in display order.
var ProfileSections = []string{SectionAbout, SectionSkills, SectionLanguages, SectionLocation,
	SectionAffiliations, SectionOfferSeek, SectionContact, SectionAssessment}

// DefaultVisibility is a new profile's setting: what a person presents
// (about, skills, languages, location) is public, what is more personal is
// for members, and contact details and the self-assessment stay private
// until the person opens them.
var DefaultVisibility = map[string]Visibility{
	SectionAbout: VisPublic, SectionSkills: VisPublic, SectionLanguages: VisPublic,
	SectionLocation: VisPublic, SectionAffiliations: VisMembers, SectionOfferSeek: VisMembers,
	SectionContact: VisPrivate, SectionAssessment: VisPrivate,
}

// ValidSection reports whether s is one of ProfileSections.
func ValidSection(s string) bool {
	_, ok := DefaultVisibility[s]
	return ok
}

// Contact e-mail preferences.
const (
	ShowEmailMembers = "members" // members who may see the contact section see the address
	ShowEmailNobody  = "nobody"
)

// SpokenLanguage is a language a person speaks: an ISO 639-1 code and a
// CEFR level (A1–C2) or "native".
type SpokenLanguage struct {
	Code  string
	Level string
}

// Profile is a person's public face, one per user, created the first time
// they edit it. DisplayName and Email are the account's. Affiliations are
// free-text lines; memberships of organisations live in org_members.
type Profile struct {
	UserID       int64
	DisplayName  string
	Email        string
	Headline     string
	Bio          string // Markdown
	PhotoID      *int64
	Country      string // ISO 3166-1 alpha-2
	Region       string // NUTS 2024 code, any level
	Languages    []SpokenLanguage
	Affiliations []string
	Themes       []string
	S3Areas      []string
	Offer        string
	Seek         string
	ShowEmail    string
	AllowContact bool
	Visibility   map[string]Visibility
	Exists       bool // false for a profile not saved yet (defaults)
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// NewProfile returns the default, unsaved profile of u.
func NewProfile(u *User) *Profile {
	vis := make(map[string]Visibility, len(DefaultVisibility))
	for k, v := range DefaultVisibility {
		vis[k] = v
	}
	return &Profile{UserID: u.ID, DisplayName: u.DisplayName, Email: u.Email,
		ShowEmail: ShowEmailNobody, Visibility: vis}
}

// Vis returns the visibility of a section, the default when unset.
func (p *Profile) Vis(section string) Visibility {
	if v, ok := p.Visibility[section]; ok && v.Valid() {
		return v
	}
	return DefaultVisibility[section]
}

// Audience is who looks at profiles: the visibilities they may see on
// anyone's profile, and their own id (people always see all of their own).
type Audience struct {
	ViewerID int64        // 0 for a visitor
	Levels   []Visibility // VisPublic, plus VisMembers for members
}

// AudienceOf returns the audience of a viewer (nil for a visitor).
// Deactivated accounts see what visitors see.
func AudienceOf(viewer *User) Audience {
	if !viewer.Active() {
		return Audience{Levels: []Visibility{VisPublic}}
	}
	return Audience{ViewerID: viewer.ID, Levels: []Visibility{VisPublic, VisMembers}}
}

// IsMember reports whether the audience is a signed-in member.
func (a Audience) IsMember() bool { return a.ViewerID != 0 }

// CanSee reports whether the audience may see a section of owner's profile
// that has visibility v.
func (a Audience) CanSee(owner int64, v Visibility) bool {
	if a.ViewerID != 0 && a.ViewerID == owner {
		return true
	}
	for _, l := range a.Levels {
		if l == v {
			return true
		}
	}
	return false
}

// CanEditProfile reports whether actor may change the profile of owner:
// only its person.
func CanEditProfile(actor *User, owner int64) bool { return actor.Active() && actor.ID == owner }

// CanEndorse reports whether actor may endorse a skill of owner: any
// active member but the person themself.
func CanEndorse(actor *User, owner int64) bool { return actor.Active() && actor.ID != owner }

// ProfileStore keeps people's profiles, skills, endorsements and
// self-assessments, and finds people for the directory.
type ProfileStore interface {
	// ProfilesByUsers returns the saved profiles of the given users (with
	// languages, interests and the account's name and e-mail), by user id;
	// users without a profile, or deactivated, are absent.
	ProfilesByUsers(ctx context.Context, ids []int64) (map[int64]*Profile, error)
	// SaveProfile inserts or replaces a profile, its languages and interests.
	SaveProfile(ctx context.Context, p *Profile) error
	// UserOrganisations returns the organisations each user is a member of.
	UserOrganisations(ctx context.Context, ids []int64) (map[int64][]OrgAffiliation, error)

	ProfileSkillStore
	AssessmentStore
	// FindPeople returns a page of the directory: user ids in order, with
	// their relevance score, honouring f.Audience for every filter.
	FindPeople(ctx context.Context, f PeopleFilter) ([]PersonHit, error)
}

// OrgAffiliation is a person's membership of an organisation, as their
// profile shows it.
type OrgAffiliation struct {
	OrgID int64
	Name  string
	Type  string
	Role  string
}
