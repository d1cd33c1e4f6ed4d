#!/usr/bin/env bash
# CI's check of the production install (the container image's steps, deploy/install.sh): in a
# clean copy of the committed tree, install for production, start `mixdesk start --no-bots` on the
# embedded defaults, wait for /readyz to answer 200 (at most 60 s), stop it with SIGTERM and expect
# exit 0 — and no word on stderr of running the sources instead of the build.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git -C "$root" archive --format=tar HEAD | tar -x -C "$work"
bash "$work/deploy/install.sh" > "$work/install.log" 2>&1 || { cat "$work/install.log"; exit 1; }
tail -n 1 "$work/install.log"

port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
data="$work/data-dir"
(cd "$work" && exec env -i PATH="$PATH" HOME="$work" DATA_DIR="$data" WEB_PORT="$port" LOG_LEVEL=warn \
  node bin/mixdesk.js start --no-bots > "$work/out.log" 2> "$work/err.log") &
pid=$!
ready=""
for _ in $(seq 1 120); do
  if node -e "fetch('http://127.0.0.1:$port/readyz').then(async (r) => { process.stdout.write(await r.text()); process.exit(r.ok ? 0 : 1) }, () => process.exit(1))" > "$work/readyz.json" 2>/dev/null; then
    ready=yes
    break
  fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
if [ -z "$ready" ]; then
  echo "the production install did not answer /readyz within 60 s" >&2
  cat "$work/out.log" "$work/err.log" >&2
  kill "$pid" 2>/dev/null || true
  exit 1
fi
echo "/readyz: $(cat "$work/readyz.json")"
kill -TERM "$pid"
code=0
wait "$pid" || code=$?
if [ "$code" -ne 0 ]; then
  echo "mixdesk start exited $code on SIGTERM" >&2
  cat "$work/err.log" >&2
  exit 1
fi
if grep -q "through tsx" "$work/err.log"; then
  echo "the production install ran the sources, not the build:" >&2
  cat "$work/err.log" >&2
  exit 1
fi
echo "production install: ready, stopped cleanly"
