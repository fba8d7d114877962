package service

import (
	"context"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ponte-platform/ponte"
)

// lockOrg serialises the transactions that change an organisation's
// members, so that "at least one owner" holds even when two owners leave at
// the same moment.
func lockOrg(ctx context.Context, tx ponte.Store, orgID int64) error {
	return tx.Lock(ctx, "org:"+strconv.FormatInt(orgID, 10))
}

// keepsAnOwner fails when taking target's owner role away would leave an
// organisation that has owners without one. Call it under lockOrg.
func keepsAnOwner(ctx context.Context, tx ponte.Store, target *ponte.OrgMember, newRole string) error {
	if target.Role != ponte.OrgRoleOwner || newRole == ponte.OrgRoleOwner {
		return nil
	}
	_, owners, err := tx.CountOrgMembers(ctx, target.OrgID)
	if err != nil {
		return err
	}
	if owners <= 1 {
		return ponte.Errorf(ponte.EForbidden, "org.error.last_owner")
	}
	return nil
}

// memberChange runs fn in a transaction under the organisation's lock, with
// the actor's and the target's memberships read inside it.
func (s *Service) memberChange(ctx context.Context, actor *ponte.User, orgID, userID int64,
	fn func(tx ponte.Store, m, target *ponte.OrgMember) error) error {
	if !actor.Active() {
		return unauthorized()
	}
	return s.store.Tx(ctx, func(tx ponte.Store) error {
		if err := lockOrg(ctx, tx, orgID); err != nil {
			return err
		}
		_, m, err := s.orgAccess(ctx, tx, actor, orgID)
		if err != nil {
			return err
		}
		target, err := tx.OrgMembership(ctx, orgID, userID)
		if err != nil {
			return err
		}
		return fn(tx, m, target)
	})
}

// SetOrgRole changes a member's role (see ponte.CanSetOrgRole).
func (s *Service) SetOrgRole(ctx context.Context, actor *ponte.User, orgID, userID int64, role string) error {
	if !ponte.ValidOrgRole(role) {
		return &ponte.Error{Code: ponte.EInvalid, Key: "error.invalid", Fields: map[string]string{"role": "error.choose_option"}}
	}
	return s.memberChange(ctx, actor, orgID, userID, func(tx ponte.Store, m, target *ponte.OrgMember) error {
		if !ponte.CanSetOrgRole(actor, m, target.Role, role) {
			return forbidden()
		}
		if err := keepsAnOwner(ctx, tx, target, role); err != nil {
			return err
		}
		target.Role = role
		return tx.SetOrgMember(ctx, target)
	})
}

// RemoveOrgMember ends someone else's membership.
func (s *Service) RemoveOrgMember(ctx context.Context, actor *ponte.User, orgID, userID int64) error {
	return s.memberChange(ctx, actor, orgID, userID, func(tx ponte.Store, m, target *ponte.OrgMember) error {
		if !ponte.CanSetOrgRole(actor, m, target.Role, "") {
			return forbidden()
		}
		if err := keepsAnOwner(ctx, tx, target, ""); err != nil {
			return err
		}
		return tx.RemoveOrgMember(ctx, orgID, userID)
	})
}

// LeaveOrg ends the actor's own membership; the last owner must hand over
// ownership first.
func (s *Service) LeaveOrg(ctx context.Context, actor *ponte.User, orgID int64) error {
	if !actor.Active() {
		return unauthorized()
	}
	return s.memberChange(ctx, actor, orgID, actor.ID, func(tx ponte.Store, _, me *ponte.OrgMember) error {
		if err := keepsAnOwner(ctx, tx, me, ""); err != nil {
			return err
		}
		return tx.RemoveOrgMember(ctx, orgID, actor.ID)
	})
}

// TransferOrgOwnership makes another member an owner and the actor, if an
// owner, a manager: one transaction, so the organisation always has one.
func (s *Service) TransferOrgOwnership(ctx context.Context, actor *ponte.User, orgID, toUserID int64) error {
	return s.memberChange(ctx, actor, orgID, toUserID, func(tx ponte.Store, m, target *ponte.OrgMember) error {
		if !actor.IsAdmin() && (m == nil || m.Role != ponte.OrgRoleOwner) {
			return forbidden()
		}
		if toUserID == actor.ID { // checked after the rights: a stranger learns nothing
			return ponte.Errorf(ponte.EInvalid, "org.error.transfer_self")
		}
		target.Role = ponte.OrgRoleOwner
		if err := tx.SetOrgMember(ctx, target); err != nil {
			return err
		}
		if m == nil || m.Role != ponte.OrgRoleOwner {
			return nil // an administrator hands over without being a member
		}
		m.Role = ponte.OrgRoleManager
		return tx.SetOrgMember(ctx, m)
	})
}

// RequestToJoin asks to become a member. An organisation without owners
// (an imported one) is claimed the same way: administrators answer.
func (s *Service) RequestToJoin(ctx context.Context, actor *ponte.User, orgID int64, message string) error {
	if !actor.Active() {
		return unauthorized()
	}
	message = strings.TrimSpace(message)
	if utf8.RuneCountInString(message) > ponte.MaxOrgRequestLen {
		return &ponte.Error{Code: ponte.EInvalid, Key: "error.invalid", Fields: map[string]string{"message": "error.too_long"}}
	}
	_, m, err := s.orgAccess(ctx, s.store, actor, orgID)
	if err != nil {
		return err
	}
	if m != nil {
		return ponte.Errorf(ponte.EConflict, "org.error.already_member")
	}
	err = s.store.CreateOrgRequest(ctx, &ponte.OrgRequest{OrgID: orgID, UserID: actor.ID, Message: message, CreatedAt: s.now()})
	if ponte.ErrorCode(err) == ponte.EConflict {
		return ponte.Errorf(ponte.EConflict, "org.error.request_pending")
	}
	return err
}

// WithdrawRequest cancels the actor's own pending request.
func (s *Service) WithdrawRequest(ctx context.Context, actor *ponte.User, orgID int64) error {
	if !actor.Active() {
		return unauthorized()
	}
	return s.store.DeleteOrgRequest(ctx, orgID, actor.ID)
}

// AnswerRequest accepts (with role, usually member) or declines a join
// request, and tells the person by e-mail when accepted.
func (s *Service) AnswerRequest(ctx context.Context, actor *ponte.User, orgID, userID int64, accept bool, role string) error {
	if accept && !ponte.ValidOrgRole(role) {
		return &ponte.Error{Code: ponte.EInvalid, Key: "error.invalid", Fields: map[string]string{"role": "error.choose_option"}}
	}
	if !actor.Active() {
		return unauthorized()
	}
	err := s.store.Tx(ctx, func(tx ponte.Store) error {
		o, m, err := s.orgAccess(ctx, tx, actor, orgID)
		if err != nil {
			return err
		}
		if !ponte.CanManageOrg(actor, m) || (accept && !ponte.CanSetOrgRole(actor, m, "", role)) {
			return forbidden()
		}
		if err := tx.DeleteOrgRequest(ctx, orgID, userID); err != nil || !accept {
			return err
		}
		if err := tx.SetOrgMember(ctx, &ponte.OrgMember{OrgID: orgID, UserID: userID, Role: role, CreatedAt: s.now()}); err != nil {
			return err
		}
		u, err := tx.UserByID(ctx, userID)
		if err != nil {
			return err
		}
		return s.queueMail(ctx, tx, u, "mail.org_accepted", map[string]any{"Name": u.DisplayName,
			"Org": o.Name, "Link": s.cfg.BaseURL + "/organisations/" + strconv.FormatInt(orgID, 10)})
	})
	if err == nil && accept {
		s.pokeMailer()
	}
	return err
}

// HasPendingRequest reports whether the actor has asked to join and awaits
// an answer.
func (s *Service) HasPendingRequest(ctx context.Context, actor *ponte.User, orgID int64) (bool, error) {
	if !actor.Active() {
		return false, nil
	}
	_, err := s.store.OrgRequestOf(ctx, orgID, actor.ID)
	if ponte.ErrorCode(err) == ponte.ENotFound {
		return false, nil
	}
	return err == nil, err
}

// OrgClaims lists, for administrators, the pending requests to join
// organisations without an owner: claims of imported profiles. An
// administrator accepts one as owner on the organisation's member page.
func (s *Service) OrgClaims(ctx context.Context, actor *ponte.User) ([]*ponte.OrgClaim, error) {
	if !actor.IsAdmin() {
		return nil, forbiddenOrUnauthorized(actor)
	}
	return s.store.ListOrgClaims(ctx, 100)
}
