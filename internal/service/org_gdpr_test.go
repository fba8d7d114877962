package service_test

import (
	"context"
	"testing"

	"github.com/ponte-platform/ponte"
)

// TestAccountDataCoversOrganisations: the export lists memberships and
// join requests; the sole owner of an organisation cannot delete their
// account until someone else owns it; invitations to a deleted address go.
func TestAccountDataCoversOrganisations(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		owner, other := e.member(t, "owner@example.org"), e.member(t, "other@example.org")
		o := e.org(t, owner, "Udruga Most", "HR050")
		o2 := e.org(t, other, "Društvo Most", "SI041")
		if err := e.svc.RequestToJoin(ctx, owner, o2.ID, "Rado bi sodelovali."); err != nil {
			t.Fatal(err)
		}
		x, err := e.svc.ExportMyData(ctx, owner)
		if err != nil || len(x.Organisations) != 1 || x.Organisations[0].Role != ponte.OrgRoleOwner ||
			len(x.JoinRequests) != 1 || x.JoinRequests[0].OrgID != o2.ID {
			t.Fatalf("export = %+v %+v, %v", x.Organisations, x.JoinRequests, err)
		}
		err = e.svc.DeleteMyAccount(ctx, owner, "correct horse battery")
		if ponte.AsError(err) == nil || ponte.AsError(err).Key != "error.last_org_owner" {
			t.Fatalf("sole owner deleting their account: %v", err)
		}
		if _, err := e.svc.InviteToOrg(ctx, owner, o.ID, "leaving@example.org", ponte.OrgRoleOwner); err != nil {
			t.Fatal(err)
		}
		leaving := e.member(t, "leaving@example.org")
		if err := e.svc.DeleteMyAccount(ctx, leaving, "correct horse battery"); err != nil {
			t.Fatal(err)
		}
		invites, err := e.store.ListOrgInvites(ctx, o.ID, e.now, 10)
		if err != nil || len(invites) != 0 {
			t.Fatalf("invitations to a deleted account's address: %d, %v", len(invites), err)
		}
	})
}
