package api

// registerSkills declares the taxonomy operations (/skills).
func (a *API) registerSkills() {}
