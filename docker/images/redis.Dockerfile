# Redis for the compose stacks. BASE is the official image by default (it has redis-server already);
# the local engine (docker/local-engine.sh) passes a plain Debian base, into which Debian's package goes.
ARG BASE=redis:7.4-bookworm
FROM ${BASE}
USER root
RUN command -v redis-server >/dev/null || { apt-get update -qq \
  && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null \
  && rm -rf /var/lib/apt/lists/*; }
# protected mode would refuse the other containers (no password on a private network)
CMD ["redis-server", "--save", "", "--appendonly", "no", "--protected-mode", "no"]
