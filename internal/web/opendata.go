package web

import (
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
)

// openDataRoutes are the open-data page and the dataset downloads.
func (s *Server) openDataRoutes() []Route {
	return []Route{
		{"GET", "/open-data", s.openDataPage, "public", 0},
		{"GET", "/open-data/{file}", s.openDataFile, "public", 0},
	}
}

// openDataset is one dataset on the open-data page.
type openDataset struct {
	Name, TitleKey, DescKey string
	Columns                 []string
	Formats                 []string
}

func (s *Server) openDataPage(w http.ResponseWriter, r *http.Request) error {
	var ds []openDataset
	for _, d := range ponte.Datasets {
		ds = append(ds, openDataset{Name: d, TitleKey: "opendata." + d + ".title", DescKey: "opendata." + d + ".desc",
			Columns: service.OpenDataColumns(d), Formats: service.OpenDataFormats})
	}
	return s.render(w, r, http.StatusOK, "open_data", s.newPage(r, "opendata.title", ds))
}

// openDataFile streams one dataset ("people.csv", "proposals.jsonl"…).
// Rows go out as the store reads them, so memory stays flat; a failure
// half-way can only be logged, since the status line has gone.
func (s *Server) openDataFile(w http.ResponseWriter, r *http.Request) error {
	dataset, format, ok := strings.Cut(r.PathValue("file"), ".")
	if !ok || !ponte.ValidDataset(dataset) || !slices.Contains(service.OpenDataFormats, format) {
		return ponte.Errorf(ponte.ENotFound, "error.not_found")
	}
	ctype := "text/csv; charset=utf-8"
	if format == service.FormatJSONL {
		ctype = "application/jsonl; charset=utf-8"
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Disposition", `attachment; filename="ponte-`+dataset+"-"+time.Now().UTC().Format("2006-01-02")+"."+format+`"`)
	h.Set("Cache-Control", "public, max-age=300")
	// A large dataset takes longer than the server's write timeout.
	_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(time.Hour))
	n, err := s.svc.ExportOpenData(r.Context(), dataset, format, w)
	if err != nil {
		s.log.Error("open data: export stopped", "dataset", dataset, "format", format, "rows", n, "err", err,
			"request_id", RequestID(r))
	}
	return nil
}
