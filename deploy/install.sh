#!/usr/bin/env bash
# The production install, in the folder it is run from: what the container image runs (Dockerfile)
# and what CI runs in a clean checkout (deploy/check-install.sh), so the two cannot drift apart.
# Installs everything, builds dist/ (the compiler is a development package), then removes the
# development packages and test tools; the embedded database the install migrates is removed too
# (the image's data lives in DATA_DIR, a volume).
set -euo pipefail
cd "$(dirname "$0")/.."
export CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1

npm ci --no-audit --no-fund
npm prune --omit=dev --no-audit --no-fund
rm -rf data test-artifacts

# What must not be in a production install: the test runner, test doubles, linters. (TypeScript
# stays: Prisma's client depends on it.)
for dev in vitest playwright-core s3rver eslint prettier wabt; do
  if [ -e "node_modules/$dev" ]; then
    echo "deploy/install.sh: the development package $dev is still installed" >&2
    exit 1
  fi
done
[ -f dist/cli.js ] || { echo "deploy/install.sh: dist/ was not built" >&2; exit 1; }
echo "mixdesk installed for production in $(pwd) ($(du -sh node_modules | cut -f1) of packages)"
