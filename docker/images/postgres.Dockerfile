# PostgreSQL for the compose stacks (primary and streaming replica). BASE is the official image by
# default; the local engine (docker/local-engine.sh) passes a plain Debian base, into which Debian's
# postgresql and gosu go, with postgres-entrypoint.sh doing what the official entrypoint does for these
# stacks (first-start initdb with POSTGRES_USER/PASSWORD/DB, /docker-entrypoint-initdb.d scripts).
ARG BASE=postgres:17-bookworm
FROM ${BASE}
USER root
ENV PGDATA=/var/lib/postgresql/data
COPY postgres-entrypoint.sh /usr/local/lib/scalebench/postgres-entrypoint.sh
RUN if ! command -v docker-entrypoint.sh >/dev/null; then \
      mkdir -p /etc/postgresql-common \
   && echo 'create_main_cluster = false' >/etc/postgresql-common/createcluster.conf \
   && apt-get update -qq \
   && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql gosu >/dev/null \
   && rm -rf /var/lib/apt/lists/* \
   && ln -s /usr/lib/postgresql/*/bin/* /usr/local/bin/ \
   && install -m 0755 /usr/local/lib/scalebench/postgres-entrypoint.sh /usr/local/bin/docker-entrypoint.sh \
   && mkdir -p /docker-entrypoint-initdb.d; \
    fi
ENTRYPOINT ["docker-entrypoint.sh"]
STOPSIGNAL SIGINT
CMD ["postgres"]
