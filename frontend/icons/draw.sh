#!/bin/sh
# Draws the app icons of the web app manifest (frontend/static/icons/*.png) from their SVG designs with
# Debian's chromium, the browser the tests use: `any` icons from the favicon (frontend/static/favicon.svg),
# maskable ones from frontend/icons/maskable.svg (the same drawing on a full square, inside the safe circle).
# Run from anywhere after changing a design; commit the PNGs it writes.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../static/icons"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
draw() { # design size name
  printf '<html><body style="margin:0"><img src="file://%s" width="%s" height="%s"></body></html>' \
    "$1" "$2" "$2" >"$work/page.html"
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --default-background-color=00000000 \
    --window-size="$2,$2" --screenshot="$out/$3-$2.png" "file://$work/page.html" 2>/dev/null
}
for size in 192 512; do
  draw "$here/../static/favicon.svg" "$size" lapak-desa
  draw "$here/maskable.svg" "$size" lapak-desa-maskable
done
ls -l "$out"
