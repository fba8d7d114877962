package nuts

// GeoJSONGzip returns the NUTS 2024 boundaries of levels 0–2 (Eurostat GISCO,
// 1:20M, WGS84, 453 features) as gzip-compressed GeoJSON, exactly as
// embedded: an HTTP handler can send it with "Content-Encoding: gzip"
// without decompressing. The slice is shared: do not modify it.
func GeoJSONGzip() []byte {
	raw, err := files.ReadFile(geoJSONPath)
	if err != nil { // embedded at build time: cannot happen in a built binary
		return nil
	}
	return raw
}

// GeoJSON returns the NUTS 2024 boundaries of levels 0–2 as GeoJSON text
// (about 1.2 MB), decompressed on each call: prefer GeoJSONGzip when the
// bytes are only passed on.
func GeoJSON() ([]byte, error) {
	return gunzipFile(geoJSONPath)
}
