/**
 * @imad/k8s-manifests — pure functions from an app's desired state to the Kubernetes
 * objects that run it: a Secret (clone credential), a Deployment (init containers clone
 * the exact commit into an emptyDir and install dependencies; a prebuilt Node image runs
 * it, hardened), a Service and a NetworkPolicy admitting only the router. Names are DNS
 * labels whatever the app is called; apps are sharded over namespaces by a stable hash.
 *
 *   appObjects(desired, config) → { ref, secret, deployment, service, networkPolicy }
 *   appRef(app, config)         → { app, namespace, name, secretName }
 *   namespaceFor(app, namespaces), appObjectName(app), dnsLabel(prefix, value)
 */
export { appObjects, appRef, type AppObjects, type AppRef } from './app-objects';
export { ANNOTATIONS, appLabels, LABELS, MANAGED_BY, MANAGED_SELECTOR, selectorLabels } from './labels';
export { defaultManifestConfig, type AppDesired, type ManifestConfig } from './manifest-config';
export { appObjectName, dnsLabel, labelValue, namespaceFor } from './names';
export { containerSecurity } from './pod-spec';
export { CLONE_SCRIPT, INSTALL_SCRIPT } from './scripts';
