{{/*
Named templates shared by this chart's files. Names and labels are cut to 63
characters, the longest a Kubernetes label value or DNS label may be, without
a trailing "-".
*/}}

{{/* The chart's short name: nameOverride, or the chart's own name. */}}
{{- define "<CHARTNAME>.name" -}}
{{- .Values.nameOverride | default .Chart.Name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The name of the release's objects: fullnameOverride when set, otherwise
"RELEASE-NAME", shortened to "RELEASE" when the release name already contains
the chart's name.
*/}}
{{- define "<CHARTNAME>.fullname" -}}
{{- $fullname := .Values.fullnameOverride }}
{{- if not $fullname }}
  {{- $name := .Values.nameOverride | default .Chart.Name }}
  {{- $fullname = .Release.Name }}
  {{- if not (contains $name .Release.Name) }}
    {{- $fullname = printf "%s-%s" .Release.Name $name }}
  {{- end }}
{{- end }}
{{- $fullname | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* "CHART-VERSION", the value of the helm.sh/chart label ("+" is not allowed there). */}}
{{- define "<CHARTNAME>.chart" -}}
{{- list .Chart.Name .Chart.Version | join "-" | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The labels every object of the release carries. */}}
{{- define "<CHARTNAME>.labels" -}}
helm.sh/chart: {{ include "<CHARTNAME>.chart" . }}
{{ include "<CHARTNAME>.selectorLabels" . }}
{{- with .Chart.AppVersion }}
app.kubernetes.io/version: {{ . | quote }}
{{- end }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* The labels that pick this release's pods; they must never change after install. */}}
{{- define "<CHARTNAME>.selectorLabels" -}}
app.kubernetes.io/name: {{ include "<CHARTNAME>.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* The ServiceAccount the pods run as. */}}
{{- define "<CHARTNAME>.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- .Values.serviceAccount.name | default (include "<CHARTNAME>.fullname" .) }}
{{- else }}
{{- .Values.serviceAccount.name | default "default" }}
{{- end }}
{{- end }}
