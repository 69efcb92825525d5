{{/*
The shape every platform service shares (auth, repo, editor-gateway, deployer): a hardened
Deployment running the service's image with its HTTP port, /healthz and /readyz probes, a
writable /tmp and the platform configuration. Arguments (dict):
  context       the root context ($)
  component     component name (auth, repo, editor-gateway, deployer)
  values        the component's values
  env           extra env entries (YAML list as a string)
  volumes       extra volumes (YAML list as a string)
  volumeMounts  extra mounts (YAML list as a string)
  replicas      replica count, or nil when an autoscaler owns it
  automountToken  true only for the deployer (it calls the Kubernetes API)
  strategy      Deployment strategy (YAML as a string), default RollingUpdate
*/}}
{{- define "imad.serviceDeployment" -}}
{{- $ctx := .context -}}
{{- $v := .values -}}
{{- $name := include "imad.componentName" (dict "context" $ctx "component" .component) -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $name }}
  namespace: {{ $ctx.Release.Namespace }}
  labels:
    {{- include "imad.componentLabels" (dict "context" $ctx "component" .component) | nindent 4 }}
spec:
  {{- if not (kindIs "invalid" .replicas) }}
  replicas: {{ .replicas }}
  {{- end }}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      {{- include "imad.selectorLabels" (dict "context" $ctx "component" .component) | nindent 6 }}
  {{- with .strategy }}
  strategy:
    {{- . | nindent 4 }}
  {{- end }}
  template:
    metadata:
      labels:
        {{- include "imad.componentLabels" (dict "context" $ctx "component" .component) | nindent 8 }}
        {{- with $ctx.Values.global.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      annotations:
        {{- include "imad.podAnnotations" (dict "context" $ctx "values" $v "port" $v.port) | nindent 8 }}
    spec:
      serviceAccountName: {{ $name }}
      automountServiceAccountToken: {{ .automountToken | default false }}
      # Thousands of Services in a cluster would otherwise be injected as variables.
      enableServiceLinks: false
      {{- with $ctx.Values.global.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        {{- toYaml $ctx.Values.global.podSecurityContext | nindent 8 }}
      terminationGracePeriodSeconds: {{ $v.terminationGracePeriodSeconds | default 30 }}
      containers:
        - name: {{ .component }}
          image: {{ include "imad.serviceImage" (dict "context" $ctx "values" $v) | quote }}
          imagePullPolicy: {{ $ctx.Values.global.image.pullPolicy }}
          securityContext:
            {{- toYaml $ctx.Values.global.containerSecurityContext | nindent 12 }}
          ports:
            - name: http
              containerPort: {{ $v.port }}
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ include "imad.componentName" (dict "context" $ctx "component" "config") }}
          env:
            - name: HTTP_PORT
              value: {{ $v.port | quote }}
            {{- include "imad.commonEnv" $ctx | nindent 12 }}
            {{- with .env }}
            {{- . | nindent 12 }}
            {{- end }}
            {{- with $ctx.Values.global.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
            {{- with $v.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          # Alive: the process answers. Ready: its RabbitMQ and Redis connections are up.
          startupProbe:
            httpGet: {path: /healthz, port: http}
            periodSeconds: 2
            failureThreshold: 60
          livenessProbe:
            httpGet: {path: /healthz, port: http}
            periodSeconds: 10
            timeoutSeconds: 3
            failureThreshold: 3
          readinessProbe:
            httpGet: {path: /readyz, port: http}
            periodSeconds: 5
            timeoutSeconds: 3
            failureThreshold: 2
          resources:
            {{- toYaml $v.resources | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            {{- with .volumeMounts }}
            {{- . | nindent 12 }}
            {{- end }}
      volumes:
        - name: tmp
          emptyDir: {}
        {{- with .volumes }}
        {{- . | nindent 8 }}
        {{- end }}
      {{- $spread := include "imad.topologySpread" (dict "context" $ctx "component" .component) }}
      {{- if $spread }}
      topologySpreadConstraints:
        {{- $spread | trim | nindent 8 }}
      {{- end }}
      {{- with $v.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $v.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $v.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end -}}

{{/* ClusterIP Service of a platform component: (dict "context" $ "component" .. "port" ..) */}}
{{- define "imad.serviceService" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "imad.componentName" . }}
  namespace: {{ .context.Release.Namespace }}
  labels:
    {{- include "imad.componentLabels" . | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "imad.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ .port }}
      targetPort: http
      protocol: TCP
{{- end -}}

{{/*
ServiceAccount of a platform component. Only the deployer's mounts a token; the others
never call the Kubernetes API: (dict "context" $ "component" .. "automountToken" bool)
*/}}
{{- define "imad.serviceAccount" -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "imad.componentName" . }}
  namespace: {{ .context.Release.Namespace }}
  labels:
    {{- include "imad.componentLabels" . | nindent 4 }}
automountServiceAccountToken: {{ .automountToken | default false }}
{{- end -}}

{{/* PodDisruptionBudget: (dict "context" $ "component" .. "values" ..) */}}
{{- define "imad.pdb" -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "imad.componentName" . }}
  namespace: {{ .context.Release.Namespace }}
  labels:
    {{- include "imad.componentLabels" . | nindent 4 }}
spec:
  maxUnavailable: {{ .values.pdb.maxUnavailable }}
  selector:
    matchLabels:
      {{- include "imad.selectorLabels" . | nindent 6 }}
{{- end -}}
