{{- define "<CHARTNAME>.lib" }}x{{ end }}
