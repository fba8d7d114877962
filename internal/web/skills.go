package web

// skillRoutes are the taxonomy's pages (/skills/{id}).
func (s *Server) skillRoutes() []Route { return nil }
