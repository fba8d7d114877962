package service

import (
	"context"
	"time"

	"github.com/ponte-platform/ponte"
)

// InviteTTL is how long an invitation link works.
const InviteTTL = 14 * 24 * time.Hour

// InviteToOrg invites an address to become a member with role, and mails
// it a single-use link, in one transaction. The mail is in the invitee's
// language when they have an account, else in the inviter's.
func (s *Service) InviteToOrg(ctx context.Context, actor *ponte.User, orgID int64, email, role string) (*ponte.OrgInvite, error) {
	if !actor.Active() {
		return nil, unauthorized()
	}
	email = ponte.NormalizeEmail(email)
	fe := ponte.FieldErrors{}
	ponte.ValidateEmail(fe, "email", email)
	if !ponte.ValidOrgRole(role) {
		fe.Add("role", "error.choose_option")
	}
	if err := fe.Err(); err != nil {
		return nil, err
	}
	secret := newSecret("")
	inv := &ponte.OrgInvite{OrgID: orgID, Email: email, Role: role, TokenHash: hashSecret(secret),
		InvitedBy: &actor.ID, CreatedAt: s.now(), ExpiresAt: s.now().Add(InviteTTL)}
	err := s.store.Tx(ctx, func(tx ponte.Store) error {
		o, m, err := s.orgAccess(ctx, tx, actor, orgID)
		if err != nil {
			return err
		}
		if !ponte.CanManageOrg(actor, m) || !ponte.CanSetOrgRole(actor, m, "", role) {
			return forbidden()
		}
		lang, err := s.inviteeLang(ctx, tx, orgID, email, actor.Lang)
		if err != nil {
			return err
		}
		if err := tx.CreateOrgInvite(ctx, inv); err != nil {
			return err
		}
		return s.queueMailTo(ctx, tx, email, lang, "mail.org_invite", map[string]any{
			"Inviter": actor.DisplayName, "Org": o.Name, "Role": s.tr.Translate(lang, "org.role."+role, nil),
			"Link": s.cfg.BaseURL + "/organisations/invitation?token=" + secret})
	})
	if err != nil {
		return nil, err
	}
	s.pokeMailer()
	return inv, nil
}

// inviteeLang returns the language of the account with the address, and
// refuses to invite someone who is a member already.
func (s *Service) inviteeLang(ctx context.Context, tx ponte.Store, orgID int64, email, fallback string) (string, error) {
	u, err := tx.UserByEmail(ctx, email)
	if ponte.ErrorCode(err) == ponte.ENotFound {
		return fallback, nil
	}
	if err != nil {
		return "", err
	}
	if _, err := tx.OrgMembership(ctx, orgID, u.ID); err == nil {
		return "", &ponte.Error{Code: ponte.EInvalid, Key: "error.invalid",
			Fields: map[string]string{"email": "org.error.already_member"}}
	} else if ponte.ErrorCode(err) != ponte.ENotFound {
		return "", err
	}
	return u.Lang, nil
}

// Invitation returns an open invitation by its link's token, with its
// organisation, for the page that asks to accept it.
func (s *Service) Invitation(ctx context.Context, token string) (*ponte.OrgInvite, *ponte.Organisation, error) {
	inv, err := s.store.OrgInviteByToken(ctx, hashSecret(token))
	if err != nil {
		return nil, nil, badLink(err)
	}
	if inv.UsedAt != nil || !s.now().Before(inv.ExpiresAt) {
		return nil, nil, ponte.Errorf(ponte.EInvalid, "error.link_invalid")
	}
	o, err := s.store.OrganisationByID(ctx, inv.OrgID)
	if err != nil {
		return nil, nil, err
	}
	return inv, o, nil
}

// AcceptInvitation makes the actor a member with the invitation's role.
// The invitation names a person by address, so only the account with that
// address may accept it: a forwarded link does not let someone else in.
// A member already keeps the higher of their role and the invited one.
func (s *Service) AcceptInvitation(ctx context.Context, actor *ponte.User, token string) (*ponte.Organisation, error) {
	if !actor.Active() {
		return nil, unauthorized()
	}
	inv, o, err := s.Invitation(ctx, token)
	if err != nil {
		return nil, err
	}
	if ponte.NormalizeEmail(actor.Email) != inv.Email {
		return nil, ponte.Errorf(ponte.EForbidden, "org.error.invite_other_address")
	}
	err = s.store.Tx(ctx, func(tx ponte.Store) error {
		if err := lockOrg(ctx, tx, inv.OrgID); err != nil {
			return err
		}
		if err := tx.UseOrgInvite(ctx, inv.ID, s.now()); err != nil {
			return badLink(err)
		}
		role := inv.Role
		if m, err := tx.OrgMembership(ctx, inv.OrgID, actor.ID); err == nil {
			if ponte.OrgRoleRank(m.Role) < ponte.OrgRoleRank(role) {
				role = m.Role
			}
		} else if ponte.ErrorCode(err) != ponte.ENotFound {
			return err
		}
		if err := tx.DeleteOrgRequest(ctx, inv.OrgID, actor.ID); err != nil && ponte.ErrorCode(err) != ponte.ENotFound {
			return err
		}
		return tx.SetOrgMember(ctx, &ponte.OrgMember{OrgID: inv.OrgID, UserID: actor.ID, Role: role, CreatedAt: s.now()})
	})
	if err != nil {
		return nil, err
	}
	return o, nil
}

// RevokeInvitation withdraws an open invitation.
func (s *Service) RevokeInvitation(ctx context.Context, actor *ponte.User, orgID, id int64) error {
	_, m, err := s.orgAccess(ctx, s.store, actor, orgID)
	if err != nil {
		return err
	}
	if !ponte.CanManageOrg(actor, m) {
		return forbiddenOrUnauthorized(actor)
	}
	return s.store.DeleteOrgInvite(ctx, orgID, id)
}
