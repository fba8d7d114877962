package api

// registerInterests adds the operations on expressions of interest.
func (a *API) registerInterests() {}
