#!/usr/bin/env bash
# A local container engine for `scalebench run --stack docker` on a Debian machine without Docker (CI,
# a sandbox, a VM): Debian's podman serving the Docker Engine API on a unix socket, and the base images
# the stacks build from, made from Debian's packages because no image can be pulled here.
#
#   eval "$(docker/local-engine.sh)"      # as root; then: npx scalebench run clones --stack docker
#
# Idempotent: each step checks before it acts, so a second run only checks (seconds). Progress goes to
# stderr; stdout is only the `export` lines to eval (DOCKER_HOST and the two base images). Users with
# Docker Engine or Docker Desktop need none of this: the stacks then build from the official images.
set -euo pipefail
cd "$(dirname "$0")/.."

SOCKET_PATH=${SCALEBENCH_PODMAN_SOCKET:-/run/podman/podman.sock}
BASE_IMAGE=localhost/debian:bookworm
NODE_IMAGE=localhost/scalebench-node:20
SERVICE_LOG=/var/log/scalebench-podman-service.log
SERVICE_PID=/run/scalebench-podman-service.pid
CONF=/etc/containers/containers.conf
MARK='# written by scalebench docker/local-engine.sh'

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'local-engine: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "run as root (it installs Debian packages and starts podman's API service)"
command -v apt-get >/dev/null || die "needs a Debian-like system (apt-get); with Docker installed, use Docker instead"

# 1. Debian's podman 4.3 with runc (crun refuses hybrid cgroups), netavark + aardvark-dns (a user network
#    whose containers find each other by name), catatonit (`init: true`), debootstrap (the base image).
packages=(podman runc netavark aardvark-dns catatonit iptables debootstrap)
missing=()
for pkg in "${packages[@]}"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# 2. Engine settings. The ulimits are explicit and at or under this machine's hard limits: a sandbox
#    cannot raise a limit, and podman's defaults (nofile 1048576) would fail every container start.
#    16384 open files let HAProxy size its own maxconn (about 8000) from the limit.
hard() { local v; v=$(ulimit -H "$1"); [ "$v" = unlimited ] && echo "$2" || { [ "$v" -lt "$2" ] && echo "$v" || echo "$2"; }; }
nofile=$(hard -n 16384)
nproc=$(hard -u 1000)
memlock=$(( $(hard -l 8192) * 1024 ))
sigpending=$(hard -i 1000)
msgqueue=$(hard -q 819200)
wanted="$MARK
[containers]
default_ulimits = [
  \"nofile=$nofile:$nofile\",
  \"nproc=$nproc:$nproc\",
  \"memlock=$memlock:$memlock\",
  \"sigpending=$sigpending:$sigpending\",
  \"msgqueue=$msgqueue:$msgqueue\",
  \"core=0:0\",
]

[engine]
cgroup_manager = \"cgroupfs\"
runtime = \"runc\"
events_logger = \"file\"

[network]
network_backend = \"netavark\""
if [ -f "$CONF" ] && ! grep -qF "$MARK" "$CONF"; then
  log "$CONF exists and is not ours: left as it is (it needs the settings this script writes, see its source)"
elif [ "$(cat "$CONF" 2>/dev/null)" != "$wanted" ]; then
  log "writing $CONF"
  mkdir -p "$(dirname "$CONF")"
  printf '%s\n' "$wanted" >"$CONF"
  # a service this script started reads the settings only when it starts
  if [ -f "$SERVICE_PID" ] && kill "$(cat "$SERVICE_PID")" 2>/dev/null; then sleep 1; fi
fi

# 3. The Docker Engine API on a unix socket (podman serves it; the docker client and scalebench speak it).
engine_up() { podman --url "unix://$SOCKET_PATH" version >/dev/null 2>&1; }
if ! engine_up; then
  log "starting podman system service on unix://$SOCKET_PATH (log: $SERVICE_LOG)"
  mkdir -p "$(dirname "$SOCKET_PATH")"
  rm -f "$SOCKET_PATH"
  # started from /, not from this checkout: the service outlives it, and one whose working folder was a
  # since-deleted clone fails every container start (write child: broken pipe)
  (cd / && exec setsid nohup podman system service --time=0 "unix://$SOCKET_PATH" >>"$SERVICE_LOG" 2>&1 </dev/null) &
  echo $! >"$SERVICE_PID"
  for _ in $(seq 1 50); do engine_up && break; sleep 0.2; done
  engine_up || die "podman system service did not answer on $SOCKET_PATH (see $SERVICE_LOG)"
fi

# 4. The base image, from Debian's packages (no registry): debootstrap --variant=minbase, imported.
if ! podman image exists "$BASE_IMAGE"; then
  log "building $BASE_IMAGE with debootstrap (about a minute)"
  root=$(mktemp -d /tmp/scalebench-debootstrap.XXXXXX)
  trap 'rm -rf "$root"' EXIT
  debootstrap --variant=minbase bookworm "$root" >&2 || die "debootstrap failed"
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  tar -C "$root" -c . | podman import - "$BASE_IMAGE" >/dev/null
  rm -rf "$root"
  trap - EXIT
fi

# 5. The Node image: the base + this machine's own node binary and npm (Debian's nodejs is 18), with
#    the `node` user (uid 1000) the official node images have, and the host's CA bundle (npm in the
#    image then trusts what the host trusts, e.g. a proxy's CA). Rebuilt when either changes.
node_bin=$(command -v node) || die "node is not on PATH (scalebench needs Node 20 on the host anyway)"
ca_bundle=/etc/ssl/certs/ca-certificates.crt
[ -f "$ca_bundle" ] || die "$ca_bundle is missing (apt-get install ca-certificates)"
node_id="$("$node_bin" --version) ca:$(sha256sum "$ca_bundle" | cut -c1-12)"
if [ "$(podman image inspect --format '{{ index .Labels "io.scalebench.node-image" }}' "$NODE_IMAGE" 2>/dev/null)" != "$node_id" ]; then
  log "building $NODE_IMAGE ($node_id, node from $node_bin)"
  context=$(mktemp -d /tmp/scalebench-node-image.XXXXXX)
  trap 'rm -rf "$context"' EXIT
  cp "$(readlink -f "$node_bin")" "$context/node"
  npm_root=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
  cp -r "$npm_root" "$context/npm"
  cp "$ca_bundle" "$context/ca-certificates.crt"
  podman build -q -f docker/images/node-from-host.Dockerfile --build-arg "BASE=$BASE_IMAGE" \
    --label "io.scalebench.node-image=$node_id" -t "$NODE_IMAGE" "$context" >/dev/null
  rm -rf "$context"
  trap - EXIT
fi

printf 'export DOCKER_HOST=unix://%s\n' "$SOCKET_PATH"
printf 'export SCALEBENCH_BASE_IMAGE=%s\n' "$BASE_IMAGE"
printf 'export SCALEBENCH_NODE_IMAGE=%s\n' "$NODE_IMAGE"
