# mixdesk's image: `mixdesk start` by default (the chats, the web server, the jobs), or
# `mixdesk worker` / `mixdesk start --no-bots` (see compose.yaml for a whole studio). The install
# steps are deploy/install.sh, which CI runs in a clean checkout (deploy/check-install.sh): no
# container engine runs on the machines this is developed on, so the script is what is tested.
FROM node:22-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles where no prebuilt binary matches.
RUN apt-get update \
  && apt-get install -y --no-install-recommends g++ make python3 \
  && rm -rf /var/lib/apt/lists/*
COPY . .
RUN bash deploy/install.sh

FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    DATA_DIR=/data \
    BACKUP_DIR=/data/backups \
    WEB_HOST=0.0.0.0 \
    WEB_PORT=8080 \
    CONSOLE_CHAT=off
WORKDIR /app
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 8080
# Ready: the database, the queue, the file store, the disk and each bot (see /readyz's reasons).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.WEB_PORT||8080)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["node", "bin/mixdesk.js"]
CMD ["start"]
