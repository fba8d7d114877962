// Package ponte holds Ponte's domain: the types every layer shares, their
// validation, the permission predicates, the error codes and the Store
// interface that the SQL adapters implement. It imports only the standard
// library, so that the rules of the domain can be read (and tested) apart from
// any database, web framework or wire format.
package ponte
