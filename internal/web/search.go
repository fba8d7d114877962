package web

// searchRoutes are the one search page.
func (s *Server) searchRoutes() []Route { return nil }
