package service

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/nuts"
)

// ProposalListInput is the proposal directory's query, as sent by a form
// or the API. Unknown values are refused with a field error.
type ProposalListInput struct {
	Type                          string
	Status                        string // "" or published; closed; draft or archived (one's own; all for moderators)
	SkillURI                      string // a concept; narrower concepts match too
	SkillText                     string // or its name as typed, without script
	SkillField                    string // the form field the skill came from ("skill")
	Region                        string // NUTS prefix of a target region
	S3Area                        string
	DeadlineBefore, DeadlineAfter string // YYYY-MM-DD, inclusive
	Cursor                        string
	Limit                         int
}

// ProposalPage is a page of proposals and the cursor of the next page
// ("" on the last).
type ProposalPage struct {
	Items []*ponte.Proposal
	Skill *ponte.Concept
	Next  string
}

// ProposalPageSize is the directory's default page size.
const ProposalPageSize = 20

// Proposals returns a page of the proposal directory, newest first.
// Everyone sees published and closed proposals; signed-in people list
// their own drafts and archived ones, moderators everyone's.
func (s *Service) Proposals(ctx context.Context, actor *ponte.User, in ProposalListInput, lang string) (*ProposalPage, error) {
	f, err := proposalFilter(actor, in, lang)
	if err != nil {
		return nil, err
	}
	page := &ProposalPage{}
	if in.SkillURI != "" || in.SkillText != "" {
		c, err := s.orgDirSkill(ctx, OrgDirectoryInput{SkillURI: in.SkillURI, SkillText: in.SkillText,
			SkillField: in.SkillField}, lang)
		if err != nil {
			return nil, err
		}
		page.Skill = c
		if f.ConceptIDs, err = s.store.NarrowerConcepts(ctx, []int64{c.ID}); err != nil {
			return nil, err
		}
	}
	if page.Items, err = s.store.ListProposals(ctx, f); err != nil {
		return nil, err
	}
	if n := len(page.Items); n > 0 && n == f.Limit {
		page.Next = strconv.FormatInt(page.Items[n-1].ID, 10)
	}
	return page, nil
}

// proposalFilter checks the simple filters and decides which states the
// actor may list.
func proposalFilter(actor *ponte.User, in ProposalListInput, lang string) (ponte.ProposalFilter, error) {
	f := ponte.ProposalFilter{Region: strings.ToUpper(strings.TrimSpace(in.Region)), S3Area: in.S3Area,
		Lang: lang, Limit: min(max(in.Limit, 0), 100)}
	if f.Limit == 0 {
		f.Limit = ProposalPageSize
	}
	fe := ponte.FieldErrors{}
	if in.Type != "" {
		if !ponte.ValidProposalType(in.Type) {
			fe.Add("type", "error.choose_option")
		}
		f.Types = []string{in.Type}
	}
	if f.Region != "" && !nuts.Valid(f.Region) {
		fe.Add("region", "org.error.region_unknown")
	}
	if f.S3Area != "" && !ponte.ValidS3Area(f.S3Area) {
		fe.Add("s3_area", "error.choose_option")
	}
	f.DeadlineLE = filterDate(fe, "deadline_before", in.DeadlineBefore)
	f.DeadlineGE = filterDate(fe, "deadline_after", in.DeadlineAfter)
	proposalStatuses(fe, actor, in.Status, &f)
	if err := fe.Err(); err != nil {
		return f, err
	}
	if in.Cursor != "" {
		id, err := strconv.ParseInt(in.Cursor, 10, 64)
		if err != nil || id <= 0 {
			return f, ponte.Errorf(ponte.EBadRequest, "error.bad_request")
		}
		f.BeforeID = id
	}
	return f, nil
}

// proposalStatuses sets the states listed: public ones for everyone,
// private ones only the actor's own (everyone's for moderators).
func proposalStatuses(fe ponte.FieldErrors, actor *ponte.User, status string, f *ponte.ProposalFilter) {
	switch {
	case status == "":
		f.Statuses = []string{ponte.ProposalPublished}
	case !ponte.ValidProposalStatus(status):
		fe.Add("status", "error.choose_option")
	case ponte.ProposalPublic(status):
		f.Statuses = []string{status}
	case !actor.Active():
		fe.Add("status", "proposal.error.sign_in_status")
	default:
		f.Statuses = []string{status}
		if !actor.IsModerator() {
			f.ProposerID = actor.ID
		}
	}
}

func filterDate(fe ponte.FieldErrors, field, s string) string {
	d := parseOrgDate(fe, field, s)
	if d.IsZero() {
		return ""
	}
	return d.Format(time.DateOnly)
}
