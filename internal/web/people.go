package web

// peopleRoutes are profiles and the people directory.
func (s *Server) peopleRoutes() []Route { return nil }
