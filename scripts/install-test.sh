#!/usr/bin/env bash
# The package as users get it: `npm pack`, install the tarball into an empty folder (no dev dependency),
# then `npx papermap build`, `graph` and `serve` on the test fixtures. Run by .ci/run; `npm run test:install`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/papermap-install-XXXXXX")"
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill "$server"; fi
  rm -rf "$work"
}
trap cleanup EXIT

step() { printf '\n$ %s\n' "$*"; }

cd "$root"
step npm pack
tarball="$(npm pack --silent --pack-destination "$work" | tail -n 1)"
echo "$tarball ($(du -h "$work/$tarball" | cut -f1))"

cd "$work"
# The build cache of these runs stays in the temporary folder (by default it is ~/.cache/papermap).
export PAPERMAP_CACHE_DIR="$work/cache"
mkdir notes
for fixture in "$root"/tests/fixtures/*/notes; do cp -R "$fixture" "notes/$(basename "$(dirname "$fixture")")"; done
cp "$root"/content/*.md notes/
npm init -y >/dev/null
step npm install "./$tarball"
npm install --no-audit --no-fund --prefer-offline "./$tarball" | tail -n 1
for dev in vite typescript tsx vitest; do
  if [ -e "node_modules/$dev" ]; then echo "dev dependency $dev was installed" >&2; exit 1; fi
done

step npx papermap --version
npx papermap --version

step npx papermap build notes --out site/map
npx papermap build notes --out site/map
test -s site/map/index.html
node -e 'const m = require("./site/map/data/map.json"); if (!(m.nodes.label.length > 10)) process.exit(1); console.log(`site/map: ${m.nodes.label.length} nodes`)'

step npx papermap graph notes --out graph.gexf
npx papermap graph notes --out graph.gexf | grep -E '^  (papers|time)'
grep -q 'xmlns:viz="http://www.gexf.net/1.2draft/viz"' graph.gexf

port="$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')"
step npx papermap notes --port "$port"
npx papermap notes --port "$port" >serve.log 2>&1 &
server=$!
for _ in $(seq 1 300); do grep -q 'open http' serve.log && break; sleep 0.2; done
cat serve.log
curl -fsS "http://127.0.0.1:$port/" | grep -q '<div id="map">'
curl -fsS "http://127.0.0.1:$port/data/map.json" | node -e 'let t = ""; process.stdin.on("data", (c) => (t += c)).on("end", () => console.log(`served map.json: ${JSON.parse(t).nodes.label.length} nodes`))'
step kill -TERM papermap
kill -TERM "$server"
wait "$server" || true
# npx is gone; the server it started must stop too (within a few seconds).
for _ in $(seq 1 50); do curl -s "http://127.0.0.1:$port/" >/dev/null || break; sleep 0.1; done
if curl -s "http://127.0.0.1:$port/" >/dev/null; then echo "the server is still running" >&2; exit 1; fi
server=""
echo "stopped; install test passed"
