package web

// matchRoutes are a proposal's ranked partner matches.
func (s *Server) matchRoutes() []Route { return nil }
