# RabbitMQ for the async stack. BASE is the official image by default; the local engine
# (docker/local-engine.sh) passes a plain Debian base, into which Debian's package goes (it brings the
# same `rabbitmq` user). RABBITMQ_DEFAULT_USER / _PASS are read by the server itself.
ARG BASE=rabbitmq:4.1
FROM ${BASE}
USER root
RUN command -v rabbitmq-server >/dev/null || { apt-get update -qq \
  && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends rabbitmq-server >/dev/null \
  && rm -rf /var/lib/apt/lists/*; }
USER rabbitmq
CMD ["rabbitmq-server"]
