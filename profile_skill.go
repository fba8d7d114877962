package ponte

import (
	"context"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// Skill proficiency levels, 1 to 4.
const (
	LevelBasic        = 1
	LevelIntermediate = 2
	LevelAdvanced     = 3
	LevelExpert       = 4
)

// SkillLevels lists the levels in order, for forms.
var SkillLevels = []int{LevelBasic, LevelIntermediate, LevelAdvanced, LevelExpert}

// SkillLevelName is each level's stable name (and the end of its message key).
var SkillLevelName = map[int]string{LevelBasic: "basic", LevelIntermediate: "intermediate",
	LevelAdvanced: "advanced", LevelExpert: "expert"}

// Evidence kinds: what backs a claimed skill.
const (
	EvidenceProject = "project"
	EvidenceResult  = "result"
	EvidenceLink    = "link"
	EvidenceCourse  = "course"
)

// EvidenceKinds lists the kinds in display order.
var EvidenceKinds = []string{EvidenceProject, EvidenceResult, EvidenceLink, EvidenceCourse}

// Limits on profile texts, shared by validation and the forms' maxlength.
const (
	MaxHeadlineLen     = 160
	MaxBioLen          = 5000
	MaxOfferSeekLen    = 1000
	MaxAffiliationLen  = 200
	MaxAffiliations    = 10
	MaxLanguages       = 12
	MaxEvidenceTextLen = 500
	MaxURLLen          = 500
	MaxProfileSkills   = 100
)

// ProfileSkill is a skill a person claims: a taxonomy concept, a level,
// and optional evidence. Label is in the language asked for.
type ProfileSkill struct {
	UserID       int64
	ConceptID    int64
	ConceptURI   string
	Label        string
	Level        int
	EvidenceKind string
	EvidenceText string
	EvidenceURL  string
	Endorsements int
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// Validate adds field errors (prefixed by prefix) for a bad level or
// evidence. Evidence is optional, but a text or URL needs a kind.
func (sk *ProfileSkill) Validate(fe FieldErrors, prefix string) {
	if sk.Level < LevelBasic || sk.Level > LevelExpert {
		fe.Add(prefix+"level", "error.choose_option")
	}
	sk.EvidenceText = strings.TrimSpace(sk.EvidenceText)
	sk.EvidenceURL = strings.TrimSpace(sk.EvidenceURL)
	switch {
	case sk.EvidenceKind == "" && (sk.EvidenceText != "" || sk.EvidenceURL != ""):
		fe.Add(prefix+"evidence_kind", "error.profile.evidence_kind")
	case sk.EvidenceKind != "" && !oneOf(sk.EvidenceKind, EvidenceKinds):
		fe.Add(prefix+"evidence_kind", "error.choose_option")
	}
	if utf8.RuneCountInString(sk.EvidenceText) > MaxEvidenceTextLen {
		fe.Add(prefix+"evidence_text", "error.too_long")
	}
	if sk.EvidenceURL != "" && !ValidWebURL(sk.EvidenceURL) {
		fe.Add(prefix+"evidence_url", "error.profile.url_invalid")
	}
}

// ValidWebURL reports whether s is an absolute http or https URL with a
// host, short enough to store: other schemes (javascript:, data:) could run
// code when the link is followed.
func ValidWebURL(s string) bool {
	if len(s) > MaxURLLen {
		return false
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && u.User == nil
}

func oneOf(s string, list []string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Endorsement is one member vouching for a skill of another.
type Endorsement struct {
	UserID     int64 // whose skill
	ConceptID  int64
	EndorserID int64
	CreatedAt  time.Time
	// Filled by reads: the skill's URI and label, and the other person's name.
	ConceptURI string
	Label      string
	OtherName  string
}

// ProfileSkillStore keeps skills and endorsements.
type ProfileSkillStore interface {
	// ProfileSkills returns the skills of the given users with labels in
	// lang (English fallback) and endorsement counts, best level first.
	ProfileSkills(ctx context.Context, userIDs []int64, lang string) (map[int64][]*ProfileSkill, error)
	// UpsertProfileSkill adds a skill or changes its level and evidence.
	UpsertProfileSkill(ctx context.Context, sk *ProfileSkill) error
	// DeleteProfileSkill removes a skill and its endorsements; ENotFound if
	// the person does not have it.
	DeleteProfileSkill(ctx context.Context, userID, conceptID int64) error
	// ReplaceProfileSkills makes skills the person's whole set: others are
	// removed, endorsements of kept skills stay. Call it inside Tx.
	ReplaceProfileSkills(ctx context.Context, userID int64, skills []*ProfileSkill) error
	// Endorse records an endorsement; endorsing twice is not an error. An
	// endorsement of a skill the person does not have is EInvalid.
	Endorse(ctx context.Context, e *Endorsement) error
	// Unendorse withdraws an endorsement; ENotFound if there is none.
	Unendorse(ctx context.Context, userID, conceptID, endorserID int64) error
	// EndorsedBy returns the concept ids of userID's skills that endorserID endorsed.
	EndorsedBy(ctx context.Context, endorserID, userID int64) (map[int64]bool, error)
	// Endorsements lists the endorsements given by (given) or received by
	// userID, with labels in lang and the other person's name.
	Endorsements(ctx context.Context, userID int64, given bool, lang string) ([]*Endorsement, error)
}
