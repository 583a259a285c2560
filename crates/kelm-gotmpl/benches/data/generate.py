#!/usr/bin/env python3
"""Writes the benchmark workload: a large Helm-like template and its data.

The template is deliberately shaped like real chart templates (text with interleaved
actions, `define`d helpers reached through `include`, ranges over long lists, nested
conditionals, printf) and uses only Go's builtins plus `include`, so the Go and Rust
benchmark drivers run exactly the same thing. Run it again to regenerate; the output is
deterministic.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

HELPERS = r'''{{- define "bench.name" -}}
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
'''

BLOCK = r'''---
# Section {n}: services of group {g}
apiVersion: v1
kind: List
metadata:
  name: {{{{ include "bench.fullname" $ }}}}-group-{g}
  labels:
    {{{{- include "bench.labels" $ | nindent 4 }}}}
items:
{{{{- range $i, $svc := $.Values.services }}}}
{{{{- if and $svc.enabled (eq (printf "%v" $svc.group) "{g}") }}}}
- apiVersion: v1
  kind: Service
  metadata:
    name: {{{{ printf "%s-%s" (include "bench.fullname" $) $svc.name | printf "%.60s" }}}}
    namespace: {{{{ $.Release.Namespace }}}}
    labels:
      {{{{- range $k, $v := $svc.labels }}}}
      {{{{ $k }}}}: {{{{ $v | printf "%q" }}}}
      {{{{- end }}}}
    {{{{- with $svc.annotations }}}}
    annotations:
      {{{{- range $k, $v := . }}}}
      {{{{ $k }}}}: {{{{ printf "%q" $v }}}}
      {{{{- end }}}}
    {{{{- end }}}}
  spec:
    type: {{{{ if $svc.nodePort }}}}NodePort{{{{ else }}}}ClusterIP{{{{ end }}}}
    ports:
      {{{{- range $svc.ports }}}}
      {{{{- include "bench.port" . | nindent 6 }}}}
      {{{{- end }}}}
    selector:
      {{{{- include "bench.selectorLabels" $ | nindent 6 }}}}
      index: {{{{ $i | printf "%05d" | printf "%q" }}}}
    {{{{- if gt (len $svc.ports) 2 }}}}
    # many ports: {{{{ len $svc.ports }}}}
    {{{{- else if eq (len $svc.ports) 0 }}}}
    # no ports
    {{{{- end }}}}
{{{{- end }}}}
{{{{- end }}}}
'''

CONFIG = r'''---
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{{{ include "bench.fullname" . }}}}-config-{n}
data:
  {{{{- range $key, $value := .Values.config }}}}
  {{{{ $key }}}}: {{{{ printf "%v" $value | printf "%q" }}}}
  {{{{- end }}}}
  replicas: {{{{ .Values.replicaCount }}}}
  ratio: {{{{ .Values.ratio }}}}
  big: {{{{ .Values.big }}}}
  {{{{- if .Values.debug }}}}
  debug: "true"
  {{{{- else if not .Values.quiet }}}}
  verbose: "true"
  {{{{- end }}}}
'''


def main():
    # `nindent` is Sprig's, not Go's; the drivers register an identical one.
    parts = []
    n = 0
    for g in range(40):
        parts.append(BLOCK.format(n=n, g=g))
        n += 1
        parts.append(CONFIG.format(n=n))
        n += 1
    main_tpl = "".join(parts)
    with open(os.path.join(HERE, "bench_helpers.tpl"), "w") as f:
        f.write(HELPERS)
    with open(os.path.join(HERE, "bench_main.yaml"), "w") as f:
        f.write(main_tpl)

    services = []
    for i in range(1000):
        nports = i % 4
        services.append({
            "name": "svc-%d" % i,
            "group": i % 40,
            "enabled": i % 7 != 0,
            "nodePort": i % 5 == 0,
            "labels": {"app": "app-%d" % (i % 13), "tier": ["web", "api", "db"][i % 3],
                       "zone": "z%d" % (i % 4)},
            "annotations": {"note": "service number %d" % i} if i % 2 else {},
            "ports": [{"name": "p%d" % p, "port": 8000 + p + i, "targetPort": 9000 + p if p % 2 else None,
                       "protocol": "UDP" if p == 2 else "TCP"} for p in range(nports)],
        })
    values = {
        "Values": {
            "nameOverride": "",
            "fullnameOverride": None,
            "services": services,
            "config": {"key%03d" % k: (k * 1.5 if k % 3 else "value-%d" % k) for k in range(200)},
            "replicaCount": 3,
            "ratio": 0.00001,
            "big": 12345678,
            "debug": False,
            "quiet": False,
        },
        "Release": {"Name": "bench", "Namespace": "default", "Service": "Helm"},
        "Chart": {"Name": "benchchart", "Version": "1.2.3", "AppVersion": "4.5.6"},
    }
    with open(os.path.join(HERE, "bench_values.json"), "w") as f:
        json.dump(values, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
