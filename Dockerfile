# The Summit Graph app (API + built client). Neo4j runs as its own service (docker-compose.yml).
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/server ./server
COPY --from=build /app/common ./common
COPY --from=build /app/graph-seed ./graph-seed
USER node
EXPOSE 3000
CMD ["node", "--import", "tsx", "server/main.ts"]
