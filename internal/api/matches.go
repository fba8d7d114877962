package api

// registerMatches adds the operations on partner matches.
func (a *API) registerMatches() {}
