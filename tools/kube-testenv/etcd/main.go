// Command etcd is the upstream etcd server, built from the go.etcd.io/etcd/server/v3
// version that the pinned k8s.io/kubernetes release requires (see ../go.mod), so the
// API server talks to the etcd it was tested with. It is the same entry point as
// etcd's own main package.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
