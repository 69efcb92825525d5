{{/*
Which autoscaler owns the deployer's replica count: "keda" when asked for and the cluster
serves keda.sh/v1alpha1 (KEDA's CRDs), else "hpa" when enabled, else "" (fixed replicas).
Never both: KEDA creates and owns its own HPA.
*/}}
{{- define "imad.deployer.autoscaler" -}}
{{- $a := .Values.deployer.autoscaling -}}
{{- if and $a.keda.enabled (.Capabilities.APIVersions.Has "keda.sh/v1alpha1") -}}keda
{{- else if $a.hpa.enabled -}}hpa
{{- end -}}
{{- end -}}
