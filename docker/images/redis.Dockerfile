# Redis for the compose stacks. BASE is the official image by default (it has redis-server already);
# the local engine (docker/local-engine.sh) passes a plain Debian base, into which Debian's package goes,
# behind a wrapper that turns protected mode off as the official image does (no password on a private
# network: protected mode would refuse the other containers), so the Kubernetes manifests run it as is.
ARG BASE=redis:7.4-bookworm
FROM ${BASE}
USER root
RUN command -v redis-server >/dev/null || { apt-get update -qq \
  && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null \
  && rm -rf /var/lib/apt/lists/* \
  && printf '#!/bin/sh\nexec /usr/bin/redis-server "$@" --protected-mode no\n' >/usr/local/bin/redis-server \
  && chmod 0755 /usr/local/bin/redis-server; }
CMD ["redis-server", "--save", "", "--appendonly", "no", "--protected-mode", "no"]
