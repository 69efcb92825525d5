#!/usr/bin/env bash
# Generates the test cluster's PKI into $1 (once; existing files are kept):
#   ca.{crt,key}          cluster CA (client and serving certs)
#   apiserver.{crt,key}   serving cert for 127.0.0.1/localhost and the in-cluster names
#   admin.{crt,key}       client cert, O=system:masters: used by kubectl, tests and every
#                         component, so no per-component RBAC setup is needed
#   sa.{key,pub}          service-account token signing key pair
# Throwaway keys for a loopback-only cluster: never reuse them anywhere else.
set -euo pipefail
dir="$1"; mkdir -p "$dir"; cd "$dir"
[[ -s admin.crt && -s apiserver.crt && -s sa.pub ]] && exit 0
umask 077
days=3650
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days $days \
  -subj "/CN=kube-testenv-ca" -addext "basicConstraints=critical,CA:TRUE" \
  -addext "keyUsage=critical,keyCertSign,cRLSign,digitalSignature" 2>/dev/null

# $1 name, $2 subject, $3 extensions (file contents)
issue() {
  openssl req -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.csr" -subj "$2" 2>/dev/null
  printf '%s\n' "$3" > "$1.ext"
  openssl x509 -req -in "$1.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -days $days \
    -extfile "$1.ext" -out "$1.crt" 2>/dev/null
  rm -f "$1.csr" "$1.ext"
}
issue apiserver "/CN=kube-apiserver" "basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=IP:127.0.0.1,IP:10.96.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local"
issue admin "/O=system:masters/CN=kube-testenv-admin" "basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=clientAuth"
openssl genrsa -out sa.key 2048 2>/dev/null
openssl rsa -in sa.key -pubout -out sa.pub 2>/dev/null
