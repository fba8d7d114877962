package web

// moderationRoutes are the moderators' queue of proposals.
func (s *Server) moderationRoutes() []Route { return nil }
