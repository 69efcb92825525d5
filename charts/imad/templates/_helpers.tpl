{{/*
Names. Kubernetes names and label values are at most 63 characters, so every name is cut
there and a trailing "-" (left by the cut) removed.
*/}}
{{- define "imad.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "imad.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Name of one component's objects: (dict "context" $ "component" "auth") */}}
{{- define "imad.componentName" -}}
{{- $full := include "imad.fullname" .context | trunc (int (sub 62 (len .component))) | trimSuffix "-" -}}
{{- printf "%s-%s" $full .component | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "imad.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels on every object. */}}
{{- define "imad.labels" -}}
helm.sh/chart: {{ include "imad.chart" . }}
app.kubernetes.io/name: {{ include "imad.name" . }}
app.kubernetes.io/instance: {{ .Release.Name | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/version: {{ .Chart.AppVersion | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: imad
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Labels of one component: (dict "context" $ "component" "auth") */}}
{{- define "imad.componentLabels" -}}
{{ include "imad.labels" .context }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* Selector labels of one component (never change between releases). */}}
{{- define "imad.selectorLabels" -}}
app.kubernetes.io/name: {{ include "imad.name" .context }}
app.kubernetes.io/instance: {{ .context.Release.Name | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* Image reference: (dict "registry" .. "repository" .. "tag" .. ) */}}
{{- define "imad.image" -}}
{{- if .registry -}}
{{- printf "%s/%s:%s" .registry .repository .tag -}}
{{- else -}}
{{- printf "%s:%s" .repository .tag -}}
{{- end -}}
{{- end -}}

{{/* A platform service image: (dict "context" $ "values" .Values.auth) */}}
{{- define "imad.serviceImage" -}}
{{- $tag := .values.image.tag | default .context.Values.global.image.tag | default .context.Chart.AppVersion -}}
{{- include "imad.image" (dict "registry" .context.Values.global.image.registry "repository" .values.image.repository "tag" $tag) -}}
{{- end -}}

{{/* Domains and URLs derived from global.domain. */}}
{{- define "imad.ideHost" -}}
{{- .Values.ingress.ide.host | default .Values.global.domain -}}
{{- end -}}

{{- define "imad.appsDomain" -}}
{{- printf "apps.%s" .Values.global.domain -}}
{{- end -}}

{{- define "imad.ideTls" -}}
{{- if or .Values.ingress.ide.tlsSecretName .Values.ingress.certManager.clusterIssuer .Values.gatewayApi.enabled -}}true{{- end -}}
{{- end -}}

{{- define "imad.publicUrl" -}}
{{- if .Values.config.publicUrl -}}
{{- .Values.config.publicUrl -}}
{{- else -}}
{{- printf "%s://%s" (ternary "https" "http" (eq (include "imad.ideTls" .) "true")) (include "imad.ideHost" .) -}}
{{- end -}}
{{- end -}}

{{- define "imad.appsUrlTemplate" -}}
{{- if .Values.config.appsUrlTemplate -}}
{{- .Values.config.appsUrlTemplate -}}
{{- else -}}
{{- $tls := or .Values.ingress.apps.tlsSecretName .Values.ingress.certManager.clusterIssuer .Values.gatewayApi.enabled -}}
{{- printf "%s://{app}.%s/" (ternary "https" "http" (not (not $tls))) (include "imad.appsDomain" .) -}}
{{- end -}}
{{- end -}}

{{/* In-cluster address of a component's Service. */}}
{{- define "imad.serviceHost" -}}
{{- printf "%s.%s.svc.%s" (include "imad.componentName" .) .context.Release.Namespace .context.Values.global.clusterDomain -}}
{{- end -}}

{{- define "imad.gitHttpUrl" -}}
{{- .Values.repo.gitHttpUrl | default (printf "http://%s:%d/git" (include "imad.serviceHost" (dict "context" . "component" "repo")) (int .Values.repo.port)) -}}
{{- end -}}

{{/* App namespaces, in shard order: a list of names. */}}
{{- define "imad.appNamespaces" -}}
{{- $names := list -}}
{{- range $i := until (int .Values.apps.namespaces.count) -}}
{{- $names = append $names (printf "%s%d" $.Values.apps.namespaces.prefix $i) -}}
{{- end -}}
{{- join "," $names -}}
{{- end -}}

{{/*
Secrets. The chart's own Secret is "<fullname>-platform"; an existingSecret replaces it
per value. (dict "name" .. "key" ..) pairs for each variable.
*/}}
{{- define "imad.platformSecretName" -}}
{{- printf "%s-platform" (include "imad.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "imad.amqpUrlRef" -}}
{{- if and (not .Values.rabbitmq.enabled) .Values.rabbitmq.external.existingSecret -}}
name: {{ .Values.rabbitmq.external.existingSecret }}
key: {{ .Values.rabbitmq.external.existingSecretKey }}
{{- else -}}
name: {{ include "imad.platformSecretName" . }}
key: AMQP_URL
{{- end -}}
{{- end -}}

{{- define "imad.redisUrlRef" -}}
{{- if and (not .Values.redis.enabled) .Values.redis.external.existingSecret -}}
name: {{ .Values.redis.external.existingSecret }}
key: {{ .Values.redis.external.existingSecretKey }}
{{- else -}}
name: {{ include "imad.platformSecretName" . }}
key: REDIS_URL
{{- end -}}
{{- end -}}

{{- define "imad.keysSecretName" -}}
{{- .Values.config.existingSecret | default (include "imad.platformSecretName" .) -}}
{{- end -}}

{{- define "imad.githubSecretName" -}}
{{- .Values.config.github.existingSecret | default (include "imad.platformSecretName" .) -}}
{{- end -}}

{{- define "imad.usesGithub" -}}
{{- if or (eq .Values.config.authProvider "github") (eq .Values.config.gitHost "github") -}}true{{- end -}}
{{- end -}}

{{/* Environment every platform service reads (docs/WORKSPACE.md, "Platform configuration"). */}}
{{- define "imad.commonEnv" -}}
- name: AMQP_URL
  valueFrom:
    secretKeyRef:
      {{- include "imad.amqpUrlRef" . | nindent 6 }}
- name: REDIS_URL
  valueFrom:
    secretKeyRef:
      {{- include "imad.redisUrlRef" . | nindent 6 }}
{{- end -}}

{{- define "imad.secretEnv" -}}
- name: {{ .var }}
  valueFrom:
    secretKeyRef:
      name: {{ .secret }}
      key: {{ .var }}
{{- end -}}

{{/* Pod annotations: config checksums (config data only, so a chart bump alone does not roll pods) and scrape hints. */}}
{{- define "imad.podAnnotations" -}}
checksum/config: {{ include (print .context.Template.BasePath "/config/configmap.yaml") .context | fromYaml | dig "data" dict | toJson | sha256sum }}
checksum/secret-values: {{ include "imad.secretInputs" .context | sha256sum }}
{{- if and .context.Values.metrics.scrapeAnnotations .port }}
prometheus.io/scrape: "true"
prometheus.io/port: {{ .port | quote }}
prometheus.io/path: /metrics
{{- end }}
{{- with .context.Values.global.podAnnotations }}
{{ toYaml . }}
{{- end }}
{{- with .values.podAnnotations }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/*
The operator-given inputs of the secrets (not generated values, which must not roll pods
on every render): a changed URL or password restarts the services that read it.
*/}}
{{- define "imad.secretInputs" -}}
{{- list .Values.rabbitmq.external .Values.redis.external .Values.rabbitmq.password .Values.redis.password .Values.config.tokenEncryptionKeys .Values.config.gitReadSecret .Values.config.existingSecret .Values.config.github | toJson -}}
{{- end -}}

{{/* Topology spread with the component's selector added: (dict "context" $ "component" "auth") */}}
{{- define "imad.topologySpread" -}}
{{- $selector := include "imad.selectorLabels" . | fromYaml -}}
{{- range .context.Values.global.topologySpreadConstraints }}
- {{ toYaml (merge (dict "labelSelector" (dict "matchLabels" $selector)) .) | nindent 2 | trim }}
{{- end }}
{{- end -}}

{{/* Render a value that may be a string (through tpl) or an object. */}}
{{- define "imad.render" -}}
{{- if typeIs "string" .value -}}
{{- tpl .value .context -}}
{{- else -}}
{{- tpl (toYaml .value) .context -}}
{{- end -}}
{{- end -}}

{{/* Checks JSON schema cannot express (relations between values); fails with the values' names. */}}
{{- define "imad.validate" -}}
{{- $d := .Values.deployer.autoscaling -}}
{{- if gt (int $d.minReplicas) (int $d.maxReplicas) -}}
{{- fail (printf "deployer.autoscaling.minReplicas (%d) must not exceed deployer.autoscaling.maxReplicas (%d)" (int $d.minReplicas) (int $d.maxReplicas)) -}}
{{- end -}}
{{- $g := .Values.editorGateway.autoscaling -}}
{{- if gt (int $g.minReplicas) (int $g.maxReplicas) -}}
{{- fail (printf "editorGateway.autoscaling.minReplicas (%d) must not exceed editorGateway.autoscaling.maxReplicas (%d)" (int $g.minReplicas) (int $g.maxReplicas)) -}}
{{- end -}}
{{- if and .Values.ingress.enabled .Values.gatewayApi.enabled -}}
{{- fail "ingress.enabled and gatewayApi.enabled are both true: choose one (set ingress.enabled=false to use Gateway API routes)" -}}
{{- end -}}
{{- $last := printf "%s%d" .Values.apps.namespaces.prefix (sub (int .Values.apps.namespaces.count) 1) -}}
{{- if gt (len $last) 63 -}}
{{- fail (printf "apps.namespaces.prefix + index makes %q, longer than 63 characters" $last) -}}
{{- end -}}
{{- end -}}
