{{/* TLS Secret names: the given ones, or defaults cert-manager fills when an issuer is set. */}}
{{- define "imad.ideTlsSecret" -}}
{{- .Values.ingress.ide.tlsSecretName | default (ternary (printf "%s-ide-tls" (include "imad.fullname" .)) "" (or (not (empty .Values.ingress.certManager.clusterIssuer)) .Values.gatewayApi.enabled)) -}}
{{- end -}}
{{- define "imad.appsTlsSecret" -}}
{{- .Values.ingress.apps.tlsSecretName | default (ternary (printf "%s-apps-tls" (include "imad.fullname" .)) "" (or (not (empty .Values.ingress.certManager.clusterIssuer)) .Values.gatewayApi.enabled)) -}}
{{- end -}}
