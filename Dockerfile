# The service with its built web app. `docker compose up` runs it with Redis.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build
# Without REDIS_URL rooms are kept in files in DATA_DIR: a folder the node user may write, a volume to
# keep it beyond the container.
RUN mkdir -p /data && chown node:node /data
ENV PORT=3000 HOST=0.0.0.0 DATA_DIR=/data
VOLUME /data
EXPOSE 3000
USER node
# The flags of package.json config.nodeFlags (npm start): a young generation of at most 8 MB a semi-space.
CMD ["node", "--max-semi-space-size=8", "dist/server/main.js"]
