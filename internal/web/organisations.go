package web

// orgRoutes are organisation pages and the organisation directory.
func (s *Server) orgRoutes() []Route { return nil }
