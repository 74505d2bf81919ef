#!/usr/bin/env bash
# Renders every Mermaid diagram of the README and of the offline plans of the committed stacks to PNG,
# as a reader sees them (mermaid-cli in headless Chromium, 1000 px wide), and fails on any diagram
# Mermaid cannot parse.
#
#   scripts/render-diagrams.sh [out-dir]      (default: target/diagrams)
#
# Needs Node.js with npm and a Chromium (Debian: apt-get install chromium). mermaid-cli and everything
# it pulls in are installed into target/diagram-tools from scripts/diagram-tools/package-lock.json
# (npm ci), without the browser its installer would download.
# The plans are regenerated first (mvn ... -Dplan=<stack>), so the pictures match the code.
set -euo pipefail
cd "$(dirname "$0")/.."

WIDTH=1000
out=${1:-target/diagrams}
tools=target/diagram-tools

die() {
  echo "render-diagrams: $*" >&2
  exit 1
}

chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
[ -n "$chromium" ] || die "no Chromium found: install it (Debian: apt-get install chromium) or set CHROMIUM"
[ -x "$chromium" ] || die "CHROMIUM=$chromium is not an executable"
command -v npm >/dev/null 2>&1 || die "npm not found: install Node.js 18 or newer"

mmdc=$tools/node_modules/.bin/mmdc
if [ ! -x "$mmdc" ] || ! cmp -s scripts/diagram-tools/package-lock.json "$tools/package-lock.json"; then
  echo "installing the diagram tools (scripts/diagram-tools/package-lock.json) into $tools"
  rm -rf "$tools"
  mkdir -p "$tools"
  cp scripts/diagram-tools/package.json scripts/diagram-tools/package-lock.json "$tools/"
  PUPPETEER_SKIP_DOWNLOAD=true PUPPETEER_SKIP_CHROMIUM_DOWNLOAD=true \
    npm ci --prefix "$tools" --no-audit --no-fund --loglevel=error >/dev/null
fi

mkdir -p "$out"
# Headless and offline: the background services Chromium starts would only try the network.
cat >"$out/puppeteer.json" <<EOF
{"executablePath": "$chromium",
 "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
          "--disable-sync", "--no-first-run"]}
EOF

for stack in dev prod; do
  mvn -B -q compile exec:java -Dplan="$stack" >/dev/null
done

# Writes each ```mermaid block of $1 to $out/<name>-<n>.mmd, reading fences as GitHub does: up to three
# spaces of indent, trailing spaces allowed, and a mermaid fence inside another code block is only code.
extract() {
  local source=$1 name=$2
  awk -v out="$out" -v name="$name" '
    inside && /^(   |  | )?```+ *$/ { inside = 0; close(file); next }
    inside { print >> file; next }
    other && $0 ~ ("^(   |  | )?" fence " *$") { other = 0; next }
    other { next }
    /^(   |  | )?``` *mermaid *$/ { n++; file = sprintf("%s/%s-%d.mmd", out, name, n); inside = 1; printf "" > file; next }
    /^(   |  | )?(```+|~~~+)/ { other = 1; match($0, /(```+|~~~+)/); fence = substr($0, RSTART, RLENGTH); next }
  ' "$source"
}

rm -f "$out"/*.mmd "$out"/*.png
extract README.md readme
extract target/plan/dev.md plan-dev
extract target/plan/prod.md plan-prod

failed=0
count=0
for diagram in "$out"/*.mmd; do
  [ -e "$diagram" ] || die "no Mermaid blocks found"
  png=${diagram%.mmd}.png
  count=$((count + 1))
  if "$mmdc" --quiet --puppeteerConfigFile "$out/puppeteer.json" --input "$diagram" --output "$png" \
    --width "$WIDTH" --backgroundColor white >"$diagram.log" 2>&1; then
    echo "rendered $png"
  else
    echo "FAILED $diagram:" >&2
    sed 's/^/  /' "$diagram.log" >&2
    failed=$((failed + 1))
  fi
done
[ "$failed" -eq 0 ] || die "$failed of $count diagrams do not render"
echo "$count diagrams rendered into $out"
