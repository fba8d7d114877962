package service

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/nuts"
)

// ProposalInput is a proposal as typed. Skills is the whole set: what is
// not in it is removed. OrgID 0 means the proposal is the person's own.
type ProposalInput struct {
	Type, Title, Summary, Description string
	Lang                              string // language of the text; "" for the caller's
	Skills                            []ProposalSkillInput
	PartnerTypes, Countries, Regions  []string
	S3Areas, Themes                   []string
	Deadline                          string // YYYY-MM-DD, as a date input sends it
	CallRef, CallURL                  string
	OrgID                             int64
}

// ProposalSkillInput is one required skill as sent: a skill field, whether
// it is essential (else nice to have) and the least proficiency, 1–4.
type ProposalSkillInput struct {
	SkillRef
	Essential bool
	MinLevel  int
}

// CreateProposal saves a new draft by actor. Drafts may be incomplete, but
// what is given must be right: nothing is saved if any field is wrong.
func (s *Service) CreateProposal(ctx context.Context, actor *ponte.User, in ProposalInput, lang string) (*ponte.Proposal, error) {
	if !actor.Active() {
		return nil, unauthorized()
	}
	now := s.now()
	p := &ponte.Proposal{Status: ponte.ProposalDraft, ProposerID: actor.ID, CreatedAt: now, UpdatedAt: now}
	if err := s.applyProposalInput(ctx, actor, p, in, lang); err != nil {
		return nil, err
	}
	if err := s.store.CreateProposal(ctx, p); err != nil {
		return nil, err
	}
	return s.store.ProposalByID(ctx, p.ID, lang)
}

// UpdateProposal saves a draft or a published proposal (a published one
// must stay complete). Closed and archived proposals are a record and do
// not change.
func (s *Service) UpdateProposal(ctx context.Context, actor *ponte.User, id int64, in ProposalInput, lang string) (*ponte.Proposal, error) {
	err := s.store.Tx(ctx, func(tx ponte.Store) error {
		p, m, err := proposalAccess(ctx, tx, actor, id, lang)
		if err != nil {
			return err
		}
		if !ponte.CanSeeProposal(actor, p, m) {
			return ponte.Errorf(ponte.ENotFound, "error.not_found")
		}
		if !ponte.CanEditProposal(actor, p, m) {
			return forbiddenOrUnauthorized(actor)
		}
		if p.Status != ponte.ProposalDraft && p.Status != ponte.ProposalPublished {
			return ponte.Errorf(ponte.EConflict, "proposal.error.not_editable")
		}
		if err := s.applyProposalInput(ctx, actor, p, in, lang); err != nil {
			return err
		}
		p.UpdatedAt = s.now()
		if err := tx.UpdateProposal(ctx, p); err != nil {
			return err
		}
		return reindex(ctx, tx, ponte.SearchProposal, p.ID)
	})
	if err != nil {
		return nil, err
	}
	return s.store.ProposalByID(ctx, id, lang)
}

// Proposal returns a proposal the actor may see and whether they may edit
// it. Drafts and archived proposals of others are ENotFound, as if absent.
func (s *Service) Proposal(ctx context.Context, actor *ponte.User, id int64, lang string) (*ponte.Proposal, bool, error) {
	p, m, err := s.proposalAccess(ctx, actor, id, lang)
	if err != nil {
		return nil, false, err
	}
	if !ponte.CanSeeProposal(actor, p, m) {
		return nil, false, ponte.Errorf(ponte.ENotFound, "error.not_found")
	}
	return p, ponte.CanEditProposal(actor, p, m), nil
}

// ProposalHistory returns the state changes of a proposal the actor may
// see, oldest first.
func (s *Service) ProposalHistory(ctx context.Context, actor *ponte.User, id int64) ([]*ponte.ProposalEvent, error) {
	if _, _, err := s.Proposal(ctx, actor, id, "en"); err != nil {
		return nil, err
	}
	return s.store.ProposalEvents(ctx, id)
}

// proposalAccess loads a proposal and the actor's membership of its
// organisation (nil when none).
func (s *Service) proposalAccess(ctx context.Context, actor *ponte.User, id int64, lang string) (*ponte.Proposal, *ponte.OrgMember, error) {
	return proposalAccess(ctx, s.store, actor, id, lang)
}

// proposalAccess is Service.proposalAccess on a given store (a
// transaction).
func proposalAccess(ctx context.Context, st ponte.Store, actor *ponte.User, id int64, lang string) (*ponte.Proposal, *ponte.OrgMember, error) {
	p, err := st.ProposalByID(ctx, id, lang)
	if err != nil {
		return nil, nil, err
	}
	m, err := proposalMembership(ctx, st, actor, p)
	return p, m, err
}

// proposalMembership is the actor's membership of p's organisation (nil
// when none).
func proposalMembership(ctx context.Context, st ponte.Store, actor *ponte.User, p *ponte.Proposal) (*ponte.OrgMember, error) {
	if p.OrgID == nil || !actor.Active() {
		return nil, nil
	}
	m, err := st.OrgMembership(ctx, *p.OrgID, actor.ID)
	if ponte.ErrorCode(err) == ponte.ENotFound {
		return nil, nil
	}
	return m, err
}

// applyProposalInput validates in into p, reporting every field at once;
// a published proposal must also stay complete. Skills that need a choice
// come back as *SkillChoices.
func (s *Service) applyProposalInput(ctx context.Context, actor *ponte.User, p *ponte.Proposal, in ProposalInput, lang string) error {
	fe := ponte.FieldErrors{}
	p.Type, p.Title, p.Summary, p.Description = in.Type, in.Title, in.Summary, in.Description
	p.Lang = orgFieldOr(strings.TrimSpace(in.Lang), lang)
	p.PartnerTypes, p.Countries, p.Regions = in.PartnerTypes, in.Countries, in.Regions
	p.S3Areas, p.Themes, p.CallRef, p.CallURL = in.S3Areas, in.Themes, in.CallRef, in.CallURL
	p.Deadline = s.proposalDeadline(fe, in.Deadline)
	if err := s.proposalOrg(ctx, fe, actor, p, in.OrgID); err != nil {
		return err
	}
	skills, err := s.proposalSkills(ctx, fe, in.Skills, lang)
	var sc *SkillChoices
	if err != nil && !errors.As(err, &sc) {
		return err
	}
	p.Skills = skills
	p.Validate(fe)
	checkProposalPlaces(fe, p)
	if p.Status == ponte.ProposalPublished {
		p.ValidatePublish(fe)
	}
	return skillChoicesOr(fe, err)
}

// proposalDeadline reads the deadline: a date, today or later.
func (s *Service) proposalDeadline(fe ponte.FieldErrors, text string) time.Time {
	d := parseOrgDate(fe, "deadline", text)
	if !d.IsZero() && d.Before(today(s.now())) {
		fe.Add("deadline", "proposal.error.deadline_past")
	}
	return d
}

func today(now time.Time) time.Time {
	y, m, d := now.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// proposalOrg sets the organisation a proposal is made for: one the actor
// manages (owner or manager), or none. An organisation already set stays
// when a moderator edits.
func (s *Service) proposalOrg(ctx context.Context, fe ponte.FieldErrors, actor *ponte.User, p *ponte.Proposal, orgID int64) error {
	if orgID == 0 {
		p.OrgID = nil
		return nil
	}
	if p.OrgID != nil && *p.OrgID == orgID {
		return nil
	}
	_, m, err := s.orgAccess(ctx, s.store, actor, orgID)
	switch {
	case ponte.ErrorCode(err) == ponte.ENotFound:
		fe.Add("org_id", "proposal.error.org")
	case err != nil:
		return err
	case !ponte.CanManageOrg(actor, m):
		fe.Add("org_id", "proposal.error.org")
	default:
		p.OrgID = &orgID
	}
	return nil
}

// checkProposalPlaces checks that target regions are NUTS codes and that
// countries are NUTS countries.
func checkProposalPlaces(fe ponte.FieldErrors, p *ponte.Proposal) {
	for _, r := range p.Regions {
		if !nuts.Valid(r) {
			fe.Add("regions", "org.error.region_unknown")
		}
	}
	for _, c := range p.Countries {
		checkNUTSCountry(fe, c)
		if fe["country"] != "" {
			delete(fe, "country")
			fe.Add("countries", "error.choose_option")
		}
	}
}
