package api

// registerPeople declares profile and people operations.
func (a *API) registerPeople() {}
