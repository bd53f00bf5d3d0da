#!/usr/bin/env bash
# Makes the pictures shown when a page is shared on social media or in a messaging app: a 1200×630 PNG per
# article and language (content/images/share/<language>-<id>.png) and one per language for the home page
# (content/images/share/<language>-home.png). Each is an HTML card in the site's palette (docs/design.md) with
# the article's title and, when the article has one, its first drawing, photographed by headless Chromium.
# Run it after adding an article or changing a title or drawing, then commit the PNGs:
#   bash tests/share-images.sh            (all pictures)
#   bash tests/share-images.sh pico-laser (one article id, both languages)
# Needs chromium (apt-get install chromium); optipng, when installed, makes the files smaller.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || echo /usr/bin/chromium)}
out=content/images/share
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
only=${1:-}

# The value of a front matter key, without quotes: front_matter file key
front_matter() {
  awk -v key="$2" 'NR == 1 && $0 == "---" { inside = 1; next }
    inside && $0 == "---" { exit }
    inside && index($0, key ": ") == 1 { value = substr($0, length(key) + 3); gsub(/^"|"$/, "", value); gsub(/\\"/, "\"", value); print value; exit }' "$1"
}

# Text made safe inside HTML.
html_escape() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g'; }

# The resx value of a UI text: resx_value language key
resx_value() {
  local file=src/DrChongClinic.Web/Resources/SharedResource.resx
  [ "$1" = ms ] && file=src/DrChongClinic.Web/Resources/SharedResource.ms.resx
  grep -A1 "<data name=\"$2\"" "$file" | sed -n 's:.*<value>\(.*\)</value>.*:\1:p'
}

# render name language kicker title [drawing...]: writes $out/<name>.png
render() {
  local name=$1 language=$2 kicker=$3 title=$4
  shift 4
  local clinic="Dr Chong Clinic"
  [ "$language" = ms ] && clinic="Klinik Dr Chong"
  local drawings="" layout="no-drawing"
  for drawing in "$@"; do
    drawings+="<img src=\"file://$root/content/images/$drawing\" alt=\"\">"
    layout="with-drawing"
  done
  [ $# -gt 1 ] && layout="with-drawings"
  cat > "$work/$name.html" <<HTML
<!DOCTYPE html>
<html lang="$language"><head><meta charset="utf-8"><style>
  * { box-sizing: border-box; margin: 0; }
  html, body { width: 1200px; height: 630px; overflow: hidden; }
  body { background: #fbf8f4; color: #1d2426; font-family: system-ui, "DejaVu Sans", sans-serif; display: flex; flex-direction: column; }
  main { flex: 1; display: flex; align-items: center; gap: 48px; padding: 56px 72px 40px; }
  .text { flex: 1; min-width: 0; }
  .kicker { color: #1f6f6b; font-size: 28px; font-weight: 700; letter-spacing: .04em; text-transform: uppercase; margin-bottom: 22px; }
  .kicker::before { content: ""; display: block; width: 88px; height: 8px; border-radius: 4px; background: #f3c9a8; margin-bottom: 22px; }
  h1 { font-family: Georgia, "DejaVu Serif", serif; color: #0f3d3b; font-size: 66px; line-height: 1.12; font-weight: 700; }
  .no-drawing h1 { font-size: 76px; }
  .with-drawing h1 { font-size: 56px; }
  .drawings { flex: 0 0 440px; display: flex; flex-direction: column; gap: 14px; }
  .drawings img { display: block; width: 100%; background: #fff; border: 2px solid #d9dfdd; border-radius: 18px; padding: 10px; }
  .with-drawings .drawings { flex-basis: 230px; gap: 10px; }
  .with-drawings .drawings img { padding: 6px; border-radius: 12px; }
  main { min-height: 0; }
  footer { flex-shrink: 0; background: #0f3d3b; color: #fff; height: 96px; padding: 0 72px; display: flex; align-items: center; gap: 20px; font-size: 32px; font-weight: 700; }
  footer img { width: 52px; height: 52px; }
</style></head>
<body class="$layout">
  <main>
    <div class="text"><p class="kicker">$kicker</p><h1>$title</h1></div>
    $( [ -n "$drawings" ] && echo "<div class=\"drawings\">$drawings</div>" )
  </main>
  <footer><img src="file://$root/src/DrChongClinic.Web/wwwroot/favicon.svg" alt=""><span>$clinic</span></footer>
</body></html>
HTML
  "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size=1200,630 --screenshot="$work/$name.png" "file://$work/$name.html" >/dev/null 2>&1
  cp "$work/$name.png" "$out/$name.png"
  echo "$out/$name.png"
}

for language in en ms; do
  kicker="Article"
  [ "$language" = ms ] && kicker="Artikel"
  for file in content/$language/*.md; do
    id=$(front_matter "$file" id)
    [ -n "$only" ] && [ "$only" != "$id" ] && continue
    title=$(front_matter "$file" title | html_escape)
    drawing=$(grep -o '](/content/images/[a-z0-9-]*\.svg)' "$file" | head -1 | sed 's:](/content/images/\(.*\)):\1:' || true)
    if [ -n "$drawing" ]; then
      render "$language-$id" "$language" "$kicker" "$title" "$drawing"
    else
      render "$language-$id" "$language" "$kicker" "$title"
    fi
  done
  if [ -z "$only" ] || [ "$only" = home ]; then
    render "$language-home" "$language" "$(resx_value "$language" Site_Tagline)" "$(resx_value "$language" Home_Title)" \
      ice-pick-scar.svg boxcar-scar.svg rolling-scar.svg
  fi
done

if command -v optipng >/dev/null; then
  optipng -quiet -o2 -strip all "$out"/*.png
fi
