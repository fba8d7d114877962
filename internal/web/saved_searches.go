package web

// savedSearchRoutes are saved searches and their alerts.
func (s *Server) savedSearchRoutes() []Route { return nil }
