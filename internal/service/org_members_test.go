package service_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
)

// cast is an organisation with one person in every position the
// permission rules tell apart.
type cast struct {
	org                                           *ponte.Organisation
	owner, manager, member, outsider, otherMember *ponte.User
	admin, visitor                                *ponte.User
}

func (e *env) cast(t *testing.T) *cast {
	t.Helper()
	ctx := context.Background()
	c := &cast{owner: e.member(t, "owner@example.org"), manager: e.member(t, "manager@example.org"),
		member: e.member(t, "member@example.org"), outsider: e.member(t, "outsider@example.org"),
		otherMember: e.member(t, "other@example.org"), admin: e.admin(t, "admin@example.org")}
	c.org = e.org(t, c.owner, "Sveučilište u Splitu", "HR035")
	other := e.org(t, c.otherMember, "Grad Split", "HR035")
	_ = other
	for u, role := range map[*ponte.User]string{c.manager: ponte.OrgRoleManager, c.member: ponte.OrgRoleMember} {
		if err := e.store.SetOrgMember(ctx, &ponte.OrgMember{OrgID: c.org.ID, UserID: u.ID, Role: role, CreatedAt: e.now}); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

func TestOrgPermissionMatrix(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		c := e.cast(t)
		actors := []struct {
			name   string
			u      *ponte.User
			manage bool // edit, projects, invitations
			see    bool // the member management page
		}{
			{"visitor", c.visitor, false, false},
			{"member of another organisation", c.otherMember, false, false},
			{"outsider", c.outsider, false, false},
			{"member", c.member, false, true},
			{"manager", c.manager, true, true},
			{"owner", c.owner, true, true},
			{"platform admin", c.admin, true, true},
		}
		for _, a := range actors {
			denied := ponte.EForbidden
			if a.u == nil {
				denied = ponte.EUnauthorized
			}
			check := func(what string, err error, allowed bool) {
				t.Helper()
				if allowed && err != nil {
					t.Errorf("%s: %s refused: %v", a.name, what, err)
				}
				if !allowed && ponte.ErrorCode(err) != denied {
					t.Errorf("%s: %s = %v, want %s", a.name, what, err, denied)
				}
			}
			in := validOrg()
			in.Name, in.Country, in.Region, in.RegistryID = "Sveučilište u Splitu", "HR", "HR035", ""
			_, err := e.svc.UpdateOrganisation(ctx, a.u, c.org.ID, service.OrgAll, in)
			check("update", err, a.manage)
			_, err = e.svc.CreateOrgProject(ctx, a.u, c.org.ID, service.ProjectInput{Title: "P " + a.name}, "en")
			check("add project", err, a.manage)
			_, err = e.svc.InviteToOrg(ctx, a.u, c.org.ID, strings.ReplaceAll(a.name, " ", "")+"@new.example", ponte.OrgRoleMember)
			check("invite", err, a.manage)
			_, err = e.svc.OrgMembers(ctx, a.u, c.org.ID, nil)
			check("member page", err, a.see)
			err = e.svc.DeclareCompetence(ctx, a.u, c.org.ID, service.SkillRef{Field: "skill", URI: "urn:none"}, "", "en")
			if a.manage {
				wantCode(t, err, ponte.EInvalid) // allowed, then the unknown URI is the problem
			} else {
				check("declare", err, false)
			}
		}
		// Managers may not touch owners nor make one; owners may.
		wantCode(t, e.svc.SetOrgRole(ctx, c.manager, c.org.ID, c.member.ID, ponte.OrgRoleOwner), ponte.EForbidden)
		wantCode(t, e.svc.RemoveOrgMember(ctx, c.manager, c.org.ID, c.owner.ID), ponte.EForbidden)
		wantCode(t, e.svc.SetOrgRole(ctx, c.member, c.org.ID, c.manager.ID, ponte.OrgRoleMember), ponte.EForbidden)
		if err := e.svc.SetOrgRole(ctx, c.manager, c.org.ID, c.member.ID, ponte.OrgRoleManager); err != nil {
			t.Fatalf("manager promoting a member: %v", err)
		}
		if err := e.svc.SetOrgRole(ctx, c.admin, c.org.ID, c.member.ID, ponte.OrgRoleOwner); err != nil {
			t.Fatalf("admin making an owner: %v", err)
		}
	})
}

func TestOrgNeverWithoutOwner(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		c := e.cast(t)
		wantCode(t, e.svc.LeaveOrg(ctx, c.owner, c.org.ID), ponte.EForbidden)
		wantCode(t, e.svc.SetOrgRole(ctx, c.owner, c.org.ID, c.owner.ID, ponte.OrgRoleMember), ponte.EForbidden)
		wantCode(t, e.svc.RemoveOrgMember(ctx, c.admin, c.org.ID, c.owner.ID), ponte.EForbidden)
		// Hand over: the manager becomes owner, the owner a manager.
		if err := e.svc.TransferOrgOwnership(ctx, c.owner, c.org.ID, c.manager.ID); err != nil {
			t.Fatal(err)
		}
		if m, _ := e.store.OrgMembership(ctx, c.org.ID, c.owner.ID); m.Role != ponte.OrgRoleManager {
			t.Fatalf("former owner is %s", m.Role)
		}
		// Two owners leaving at the same moment: exactly one may go.
		if err := e.svc.SetOrgRole(ctx, c.manager, c.org.ID, c.owner.ID, ponte.OrgRoleOwner); err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i, u := range []*ponte.User{c.owner, c.manager} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs[i] = e.svc.LeaveOrg(ctx, u, c.org.ID)
			}()
		}
		wg.Wait()
		if (errs[0] == nil) == (errs[1] == nil) {
			t.Fatalf("concurrent leaves: %v / %v; want exactly one refused", errs[0], errs[1])
		}
		if _, owners, _ := e.store.CountOrgMembers(ctx, c.org.ID); owners != 1 {
			t.Fatalf("%d owners left, want 1", owners)
		}
	})
}

func TestOrgJoinRequestFlow(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		c := e.cast(t)
		wantCode(t, e.svc.RequestToJoin(ctx, c.member, c.org.ID, ""), ponte.EConflict)
		wantField(t, e.svc.RequestToJoin(ctx, c.outsider, c.org.ID, strings.Repeat("x", 501)), "message", "error.too_long")
		if err := e.svc.RequestToJoin(ctx, c.outsider, c.org.ID, "Radim u laboratoriju"); err != nil {
			t.Fatal(err)
		}
		wantCode(t, e.svc.RequestToJoin(ctx, c.outsider, c.org.ID, ""), ponte.EConflict)
		if ok, _ := e.svc.HasPendingRequest(ctx, c.outsider, c.org.ID); !ok {
			t.Fatal("pending request not found")
		}
		v, err := e.svc.OrgMembers(ctx, c.manager, c.org.ID, nil)
		if err != nil || len(v.Requests) != 1 || v.Requests[0].Message != "Radim u laboratoriju" {
			t.Fatalf("requests = %+v, %v", v, err)
		}
		wantCode(t, e.svc.AnswerRequest(ctx, c.member, c.org.ID, c.outsider.ID, true, ponte.OrgRoleMember), ponte.EForbidden)
		wantCode(t, e.svc.AnswerRequest(ctx, c.manager, c.org.ID, c.outsider.ID, true, ponte.OrgRoleOwner), ponte.EForbidden)
		if err := e.svc.AnswerRequest(ctx, c.manager, c.org.ID, c.outsider.ID, true, ponte.OrgRoleMember); err != nil {
			t.Fatal(err)
		}
		if m, err := e.store.OrgMembership(ctx, c.org.ID, c.outsider.ID); err != nil || m.Role != ponte.OrgRoleMember {
			t.Fatalf("accepted = %+v, %v", m, err)
		}
		mail, _ := e.store.ListMail(ctx, ponte.MailFilter{})
		if mail[0].To != c.outsider.Email || !strings.Contains(mail[0].Text, "Sveučilište u Splitu") {
			t.Fatalf("acceptance mail = %+v", mail[0])
		}
		// A declined request leaves no membership.
		e.svc.RequestToJoin(ctx, c.otherMember, c.org.ID, "")
		if err := e.svc.AnswerRequest(ctx, c.owner, c.org.ID, c.otherMember.ID, false, ""); err != nil {
			t.Fatal(err)
		}
		_, err = e.store.OrgMembership(ctx, c.org.ID, c.otherMember.ID)
		wantCode(t, err, ponte.ENotFound)
	})
}

func TestOrgInvitationFlow(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		c := e.cast(t)
		_, err := e.svc.InviteToOrg(ctx, c.manager, c.org.ID, "member@example.org", ponte.OrgRoleMember)
		wantField(t, err, "email", "org.error.already_member")
		_, err = e.svc.InviteToOrg(ctx, c.manager, c.org.ID, "not an address", ponte.OrgRoleMember)
		wantField(t, err, "email", "error.email_invalid")
		if _, err := e.svc.InviteToOrg(ctx, c.manager, c.org.ID, "Nova@Example.org", ponte.OrgRoleManager); err != nil {
			t.Fatal(err)
		}
		mail, _ := e.store.ListMail(ctx, ponte.MailFilter{})
		if mail[0].To != "nova@example.org" || !strings.Contains(mail[0].Text, "/organisations/invitation?token=") ||
			!strings.Contains(mail[0].Subject, "Sveučilište u Splitu") {
			t.Fatalf("invitation mail = %+v", mail[0])
		}
		token := e.lastToken(t, "nova@example.org")
		if _, o, err := e.svc.Invitation(ctx, token); err != nil || o.ID != c.org.ID {
			t.Fatalf("Invitation = %v", err)
		}
		// Someone else, signed in with another address, cannot use the link.
		_, err = e.svc.AcceptInvitation(ctx, c.outsider, token)
		wantCode(t, err, ponte.EForbidden)
		nova := e.member(t, "nova@example.org")
		if _, err := e.svc.AcceptInvitation(ctx, nova, token); err != nil {
			t.Fatal(err)
		}
		if m, err := e.store.OrgMembership(ctx, c.org.ID, nova.ID); err != nil || m.Role != ponte.OrgRoleManager {
			t.Fatalf("after accepting = %+v, %v", m, err)
		}
		_, err = e.svc.AcceptInvitation(ctx, nova, token)
		wantCode(t, err, ponte.EInvalid) // single use
		// An invitation past its time is refused.
		e.svc.InviteToOrg(ctx, c.owner, c.org.ID, "late@example.org", ponte.OrgRoleMember)
		late := e.lastToken(t, "late@example.org")
		e.now = e.now.Add(service.InviteTTL + time.Minute)
		_, _, err = e.svc.Invitation(ctx, late)
		wantCode(t, err, ponte.EInvalid)
	})
}

func TestClaimingAnOrganisationWithoutOwner(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		imported := &ponte.Organisation{Name: "Općina Klana", Type: ponte.OrgPublicAdmin, Country: "HR", Region: "HR031",
			Source: "hr-esif-2007-2020", SourceKey: "name:HR:opcina klana", CreatedAt: e.now, UpdatedAt: e.now}
		if err := e.store.CreateOrganisation(ctx, imported); err != nil {
			t.Fatal(err)
		}
		clerk, admin := e.member(t, "clerk@klana.hr"), e.admin(t, "root@example.org")
		if err := e.svc.RequestToJoin(ctx, clerk, imported.ID, "Radim u općini"); err != nil {
			t.Fatal(err)
		}
		_, err := e.svc.OrgClaims(ctx, clerk)
		wantCode(t, err, ponte.EForbidden)
		claims, err := e.svc.OrgClaims(ctx, admin)
		if err != nil || len(claims) != 1 || claims[0].OrgName != "Općina Klana" || claims[0].UserID != clerk.ID {
			t.Fatalf("claims = %+v, %v", claims, err)
		}
		if err := e.svc.AnswerRequest(ctx, admin, imported.ID, clerk.ID, true, ponte.OrgRoleOwner); err != nil {
			t.Fatal(err)
		}
		if claims, _ := e.svc.OrgClaims(ctx, admin); len(claims) != 0 {
			t.Fatalf("an answered claim is still listed: %+v", claims)
		}
		in := validOrg()
		in.Name, in.RegistryID = "Općina Klana", ""
		in.Region = "HR031"
		if _, err := e.svc.UpdateOrganisation(ctx, clerk, imported.ID, service.OrgAll, in); err != nil {
			t.Fatalf("the new owner cannot edit: %v", err)
		}
	})
}
