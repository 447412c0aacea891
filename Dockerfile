# syntax=docker/dockerfile:1

# One image for every service. The gateway runs by default; pick another with the HUB_SERVICE
# build argument (HUB_SERVICE=subgraphs/accounts) or with the container's command.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build
# Services read .graphql files relative to their own directory, so the files must sit beside
# the compiled JavaScript in dist/; /sdl keeps the same files in the source layout as well.
RUN mkdir -p /sdl \
  && find . \( -path ./node_modules -o -path ./dist \) -prune -o -name '*.graphql' -exec cp --parents {} /sdl/ \; \
  && cp -R /sdl/. dist/
# The portal's static page is served from beside the compiled gateway.
RUN cp -R gateway/portal dist/gateway/portal

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /sdl/ ./
ARG HUB_SERVICE=gateway
ENV HUB_SERVICE=${HUB_SERVICE}
USER node
EXPOSE 4000
CMD ["/bin/sh", "-c", "exec node \"dist/${HUB_SERVICE}/main.js\""]
