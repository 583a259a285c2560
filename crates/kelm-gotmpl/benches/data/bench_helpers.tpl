{{- define "bench.name" -}}
{{- if .Values.nameOverride }}{{ .Values.nameOverride }}{{ else }}{{ .Chart.Name }}{{ end -}}
{{- end }}

{{- define "bench.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{ .Values.fullnameOverride }}
{{- else -}}
{{ printf "%s-%s" .Release.Name (include "bench.name" .) }}
{{- end -}}
{{- end }}

{{- define "bench.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{ include "bench.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | printf "%q" }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "bench.selectorLabels" -}}
app.kubernetes.io/name: {{ include "bench.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "bench.port" -}}
- name: {{ .name }}
  port: {{ .port }}
  targetPort: {{ if .targetPort }}{{ .targetPort }}{{ else }}{{ .port }}{{ end }}
  protocol: {{ if eq .protocol "UDP" }}UDP{{ else }}TCP{{ end }}
{{- end }}
