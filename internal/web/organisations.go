package web

// orgRoutes are the organisation directory, organisation pages and their
// management: profile sections, logo, competences, members, join
// requests, invitations and projects.
func (s *Server) orgRoutes() []Route {
	return []Route{
		{"GET", "/organisations", s.orgDirectory, "public", 0},
		{"GET", "/organisations/new", s.orgNewForm, "member", 0},
		{"POST", "/organisations", s.orgCreate, "member", 0},
		{"GET", "/organisations/claims", s.orgClaims, "admin", 0},
		{"GET", "/organisations/invitation", s.orgInvitation, "public", 0},
		{"POST", "/organisations/invitation", s.orgInvitationAccept, "member", 0},
		{"GET", "/organisations/{id}", s.orgPage, "public", 0},
		{"GET", "/organisations/{id}/logo", s.orgLogo, "public", 0},
		{"GET", "/organisations/{id}/edit", s.orgEditForm, "member", 0},
		{"POST", "/organisations/{id}/edit/{section}", s.orgEditSection, "member", 0},
		{"POST", "/organisations/{id}/logo", s.orgLogoUpload, "member", logoMaxBody},
		{"POST", "/organisations/{id}/logo/delete", s.orgLogoDelete, "member", 0},
		{"POST", "/organisations/{id}/competences", s.orgCompetenceAdd, "member", 0},
		{"POST", "/organisations/{id}/competences/{cid}/delete", s.orgCompetenceDelete, "member", 0},
		{"GET", "/organisations/{id}/members", s.orgMembersPage, "member", 0},
		{"POST", "/organisations/{id}/join", s.orgJoin, "member", 0},
		{"POST", "/organisations/{id}/join/withdraw", s.orgJoinWithdraw, "member", 0},
		{"POST", "/organisations/{id}/leave", s.orgLeave, "member", 0},
		{"POST", "/organisations/{id}/transfer", s.orgTransfer, "member", 0},
		{"POST", "/organisations/{id}/requests/{uid}/accept", s.orgRequestAccept, "member", 0},
		{"POST", "/organisations/{id}/requests/{uid}/decline", s.orgRequestDecline, "member", 0},
		{"POST", "/organisations/{id}/invites", s.orgInvite, "member", 0},
		{"POST", "/organisations/{id}/invites/{iid}/revoke", s.orgInviteRevoke, "member", 0},
		{"POST", "/organisations/{id}/members/{uid}/role", s.orgMemberRole, "member", 0},
		{"POST", "/organisations/{id}/members/{uid}/remove", s.orgMemberRemove, "member", 0},
		{"GET", "/organisations/{id}/projects/new", s.orgProjectNewForm, "member", 0},
		{"POST", "/organisations/{id}/projects", s.orgProjectCreate, "member", 0},
		{"GET", "/organisations/{id}/projects/{pid}", s.orgProjectPage, "public", 0},
		{"GET", "/organisations/{id}/projects/{pid}/edit", s.orgProjectEditForm, "member", 0},
		{"POST", "/organisations/{id}/projects/{pid}", s.orgProjectUpdate, "member", 0},
		{"POST", "/organisations/{id}/projects/{pid}/delete", s.orgProjectDelete, "member", 0},
	}
}
