package api

// registerSearch adds the operations on the one search.
func (a *API) registerSearch() {}
