#!/usr/bin/env bash
# render-report.sh REPORT.html OUT.png [HEIGHT]
#
# Screenshots a `descent run` report in headless Chromium, to check that the page renders from the file alone:
# every host name is mapped to nowhere, so a page that needed the network would show the gap. The window is
# 1280 pixels wide and HEIGHT (default 4000) tall; the screenshot is the window, so raise HEIGHT for long reports.
#
# Uses $CHROMIUM, else /usr/bin/chromium, else `chromium` on the PATH. When none is there it installs Debian's
# `chromium` package with apt-get (needs root and the Debian mirrors; it runs `apt-get update` first).
set -euo pipefail

usage() {
  echo "usage: $0 REPORT.html OUT.png [HEIGHT]" >&2
  exit 2
}

[[ $# -ge 2 && $# -le 3 ]] || usage
report="$1"
out="$2"
height="${3:-4000}"
[[ -f "$report" ]] || { echo "render-report: no such file: $report" >&2; exit 2; }
[[ "$height" =~ ^[1-9][0-9]*$ ]] || { echo "render-report: HEIGHT must be a positive integer, got '$height'" >&2; exit 2; }

chromium="${CHROMIUM:-/usr/bin/chromium}"
if [[ ! -x "$chromium" ]]; then
  if command -v chromium >/dev/null 2>&1; then
    chromium="$(command -v chromium)"
  else
    echo "render-report: $chromium not found; installing Debian's chromium package (apt-get update; apt-get install chromium)" >&2
    if [[ "$(id -u)" -ne 0 ]]; then
      echo "render-report: installing needs root. HINT: sudo apt-get install chromium, or set CHROMIUM=/path/to/chromium" >&2
      exit 1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    chromium=/usr/bin/chromium
  fi
fi

report_abs="$(realpath "$report")"
out_abs="$(realpath -m "$out")"
mkdir -p "$(dirname "$out_abs")"
rm -f "$out_abs"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

# The flags keep Chromium from reaching for the network on its own (updates, sync, field trials); the resolver
# rule makes any request the page itself might make fail.
"$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --host-resolver-rules="MAP * ~NOTFOUND" --hide-scrollbars \
  --user-data-dir="$profile" --window-size="1280,$height" \
  --screenshot="$out_abs" "file://$report_abs" >"$profile/chromium.log" 2>&1 || {
  echo "render-report: chromium failed; its output:" >&2
  cat "$profile/chromium.log" >&2
  exit 1
}
if [[ ! -s "$out_abs" ]]; then
  echo "render-report: chromium wrote no screenshot; its output:" >&2
  cat "$profile/chromium.log" >&2
  exit 1
fi
echo "render-report: $out_abs (1280x$height) from $report_abs"
