# HAProxy for the compose stacks (the config is bind-mounted from docker/haproxy/haproxy.cfg). BASE is
# the official image by default; the local engine (docker/local-engine.sh) passes a plain Debian base,
# into which Debian's package goes (it brings the same `haproxy` user).
ARG BASE=haproxy:3.0-bookworm
FROM ${BASE}
USER root
RUN command -v haproxy >/dev/null || { apt-get update -qq \
  && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends haproxy >/dev/null \
  && rm -rf /var/lib/apt/lists/*; } \
 && mkdir -p /usr/local/etc/haproxy
USER haproxy
CMD ["haproxy", "-W", "-db", "-f", "/usr/local/etc/haproxy/haproxy.cfg"]
