{{- /* A Helm-style Deployment and Service. As in Helm, numbers in the data are float64. */ -}}
{{- define "app.fullname" -}}
{{ printf "%s-%s" .release .name | printf "%.30s" }}
{{- end -}}
{{- define "app.labels" }}
    app.kubernetes.io/name: {{ .name }}
    app.kubernetes.io/instance: {{ .release }}
{{- end -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ template "app.fullname" . }}
  labels:{{ template "app.labels" . }}
spec:
  replicas: {{ .replicaCount }}
  template:
    spec:
      containers:
        - name: {{ .name }}
          image: "{{ .image.repository }}:{{ .image.tag }}"
          {{- with .image.pullPolicy }}
          imagePullPolicy: {{ . }}
          {{- end }}
          env:
          {{- range $key, $value := .env }}
            - name: {{ $key }}
              value: {{ printf "%v" $value | printf "%q" }}
          {{- end }}
          {{- if .resources }}
          resources:
            {{- range $kind, $amounts := .resources }}
            {{ $kind }}:
              {{- range $name, $amount := $amounts }}
              {{ $name }}: {{ $amount }}
              {{- end }}
            {{- end }}
          {{- end }}
      tolerations:
      {{- range .tolerations }}
        - {{ . }}
      {{- else }} []
      {{- end }}
{{- if and .service (gt .service.port 0.0) }}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ template "app.fullname" . }}
spec:
  ports:
    - port: {{ .service.port }}
      targetPort: {{ with index .service "targetPort" }}{{ . }}{{ else }}{{ .service.port }}{{ end }}
{{- end }}
{{- if .ingress.enabled }}
# ingress: enabled
{{- else }}
# ingress: disabled ({{ len .env }} env vars, max body {{ .env.MAX_BODY }} bytes)
{{- end }}
