package api

// registerOrgs declares organisation operations.
func (a *API) registerOrgs() {}
