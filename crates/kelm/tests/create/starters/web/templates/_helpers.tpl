{{- define "<CHARTNAME>.fullname" -}}
{{ .Release.Name }}-<CHARTNAME> <chartname> <CHARTNAME
{{- end }}
