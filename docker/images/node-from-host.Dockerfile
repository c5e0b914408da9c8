# The Node image of the local engine (docker/local-engine.sh): a Debian base imported from debootstrap,
# plus the host's own node binary and npm, and the `node` user (uid 1000) the official node images
# have, and the host's CA bundle. Context: a folder holding `node`, `npm/` and `ca-certificates.crt`
# (the script makes it).
ARG BASE=localhost/debian:bookworm
FROM ${BASE}
COPY node /usr/local/bin/node
COPY npm /usr/local/lib/node_modules/npm
COPY ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node \
 && node --version
CMD ["node"]
