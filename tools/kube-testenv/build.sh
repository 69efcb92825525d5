#!/usr/bin/env bash
# Builds the control-plane binaries from the Go modules in this folder into a cache
# outside the repo, so every clone on this machine (CI included) reuses them.
# Prints the bin dir on stdout; progress goes to stderr. Only missing binaries are built.
#   tools/kube-testenv/build.sh            build what is missing, print bin dir
#   tools/kube-testenv/build.sh --print    print bin dir only (no build)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
GO="${GO:-$(command -v go || echo /usr/local/go/bin/go)}"
K8S_VERSION=v1.36.3    # keep in step with go.mod
ETCD_VERSION=v3.6.8    # what k8s.io/kubernetes v1.36.3 requires
KWOK_VERSION=v0.8.0    # keep in step with kwok/go.mod
HELM_VERSION=v3.22.0   # keep in step with helm/go.mod
HELM_K8S_MINOR=37      # k8s.io/client-go line helm/go.mod resolves to

# Static, stripped, path-free binaries, as the upstream release builds are.
export CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS="-mod=readonly -buildvcs=false"
k8s_ldflags() {
  local minor="${K8S_VERSION#v1.}"; minor="${minor%%.*}" f=()
  for p in k8s.io/client-go/pkg/version k8s.io/component-base/version; do
    f+=("-X $p.gitVersion=$K8S_VERSION" "-X $p.gitMajor=1" "-X $p.gitMinor=$minor"
        "-X $p.gitTreeState=archive" "-X $p.gitCommit="
        "-X $p.buildDate=2026-07-22T18:07:38Z")   # release time of the pinned module
  done
  echo "-s -w ${f[*]}"
}
ETCD_LDFLAGS="-s -w -X go.etcd.io/etcd/api/v3/version.GitSHA=$ETCD_VERSION"
KWOK_LDFLAGS="-s -w -X sigs.k8s.io/kwok/pkg/consts.Version=${KWOK_VERSION#v} -X sigs.k8s.io/kwok/pkg/consts.KubeVersion=${K8S_VERSION#v}"
HELM_LDFLAGS="-s -w -X helm.sh/helm/v3/internal/version.version=$HELM_VERSION -X helm.sh/helm/v3/internal/version.gitTreeState=clean"
for p in pkg/lint/rules pkg/chartutil; do
  HELM_LDFLAGS+=" -X helm.sh/helm/v3/$p.k8sVersionMajor=1 -X helm.sh/helm/v3/$p.k8sVersionMinor=$HELM_K8S_MINOR"
done

# name | module dir | package | ldflags
TARGETS=(
  "etcd|.|./etcd|$ETCD_LDFLAGS"
  "kube-apiserver|.|k8s.io/kubernetes/cmd/kube-apiserver|$(k8s_ldflags)"
  "kube-controller-manager|.|k8s.io/kubernetes/cmd/kube-controller-manager|$(k8s_ldflags)"
  "kube-scheduler|.|k8s.io/kubernetes/cmd/kube-scheduler|$(k8s_ldflags)"
  "kubectl|.|k8s.io/kubernetes/cmd/kubectl|$(k8s_ldflags)"
  "kwok|kwok|sigs.k8s.io/kwok/cmd/kwok|$KWOK_LDFLAGS"
  "kwokctl|kwok|sigs.k8s.io/kwok/cmd/kwokctl|$KWOK_LDFLAGS"
  "helm|helm|helm.sh/helm/v3/cmd/helm|$HELM_LDFLAGS"
)

# The cache key covers everything a binary depends on: module pins, our etcd main, the
# build flags and the Go toolchain (not this script's comments, so editing them is free).
key() {
  { cat "$HERE"/go.mod "$HERE"/go.sum "$HERE"/etcd/main.go \
        "$HERE"/kwok/go.mod "$HERE"/kwok/go.sum "$HERE"/helm/go.mod "$HERE"/helm/go.sum
    printf '%s\n' "${TARGETS[@]}" "$CGO_ENABLED $GOFLAGS"
    "$GO" version; } | sha256sum | cut -c1-16
}
BIN_DIR="${IMAD_CACHE_DIR:-$HOME/.cache/imad}/kube-testenv/bin/$(key)"
if [[ "${1:-}" == "--print" ]]; then echo "$BIN_DIR"; exit 0; fi

mkdir -p "$BIN_DIR"
# One builder at a time per cache dir (parallel test runs, CI and a developer).
exec 9>"$BIN_DIR/.lock"
flock 9
n=${#TARGETS[@]} i=0 built=0
for t in "${TARGETS[@]}"; do
  IFS='|' read -r name dir pkg ldflags <<<"$t"
  i=$((i + 1))
  [[ -x "$BIN_DIR/$name" ]] && continue
  echo "kube-testenv: building $name ($i/$n) into $BIN_DIR ..." >&2
  start=$SECONDS
  # Build to a temp name and rename, so an interrupted build never leaves a broken binary.
  (cd "$HERE/$dir" && nice -n 10 "$GO" build -trimpath -ldflags "$ldflags" -o "$BIN_DIR/.$name.tmp" "$pkg") \
    || { echo "kube-testenv: building $name failed (see the go output above)" >&2; exit 1; }
  mv "$BIN_DIR/.$name.tmp" "$BIN_DIR/$name"
  echo "kube-testenv: built $name in $((SECONDS - start))s" >&2
  built=$((built + 1))
done
[[ $built -gt 0 ]] && echo "kube-testenv: all $n binaries ready in $BIN_DIR" >&2
echo "$BIN_DIR"
