# syntax=docker/dockerfile:1
# One image per platform service, chosen with APP:
#   docker build --build-arg APP=auth -t imad-auth .
#   APP = auth | repo | editor-gateway | deployer
# Stages: manifests (package.json files only, so `npm ci` stays cached while only sources
# change) -> build (npm ci, bundle the service with tools/build) -> deps (production
# node_modules) -> runtime (node:20-slim, non-root, just the bundle and its packages).
ARG NODE_IMAGE=node:20-slim

FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir /manifests \
 && find . -path ./node_modules -prune -o -name package.json -print \
    | tar -cf - -T - package-lock.json | tar -xf - -C /manifests

FROM ${NODE_IMAGE} AS build
ARG APP
RUN test -n "$APP" || (echo "build with --build-arg APP=<auth|repo|editor-gateway|deployer>" >&2; exit 1)
WORKDIR /src
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY . .
RUN node tools/build/build-service.js "$APP" \
 && mkdir -p dist/apps/web \
 && if [ "$APP" = editor-gateway ]; then node apps/web/build.js; fi

FROM ${NODE_IMAGE} AS deps
WORKDIR /src
COPY --from=manifests /manifests/ ./
# Workspace packages (@imad/*) are inside the bundle; only npm packages stay external.
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && rm -rf node_modules/@imad

FROM ${NODE_IMAGE} AS runtime
ARG APP
# repo keeps bare git repositories; the deployer's local runtime clones apps with git.
RUN if [ "$APP" = repo ] || [ "$APP" = deployer ]; then \
      apt-get update && apt-get install -y --no-install-recommends git ca-certificates \
      && rm -rf /var/lib/apt/lists/*; \
    fi
WORKDIR /app
ENV NODE_ENV=production
COPY --from=deps /src/package.json ./package.json
COPY --from=deps /src/node_modules ./node_modules
COPY --from=build /src/dist/apps/${APP} ./dist/apps/${APP}
COPY --from=build /src/dist/apps/web ./dist/apps/web
COPY --from=build /src/templates ./templates
RUN ln -s "dist/apps/${APP}/main.js" main.js && mkdir -p /data && chown 1000:1000 /data
# The image's `node` user (uid 1000), as the chart's securityContext expects.
USER 1000:1000
CMD ["node", "--enable-source-maps", "main.js"]
