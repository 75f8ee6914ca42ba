#!/usr/bin/env bash
# Prints the seed unit's donor page (`shg commitment`) on A4 as headless Chromium prints it, checks
# that it is one page and renders it as a picture (docs/programme.md#the-donors-page).
#
#   docs/donor-page.sh [OUT_DIR]      the page in OUT_DIR (default: a new temporary folder)
#   docs/donor-page.sh --docs         and its picture to docs/donor-page.png
#
# Needs chromium and poppler-utils (pdfinfo, pdftotext), and Java 17 with Maven for ./shg. It builds
# the seed groups' books into a scratch database as docs/print-check.sh does, puts them under the
# seed unit PATNA with its programme registers (seeds/unit-patna.txt, one shg command a line), then
# writes there PATNA-commitment.html, .pdf, and .png (Chromium's --screenshot of the page at A4's
# width). It exits 1 when the page does not print on exactly one A4 page.
set -euo pipefail

repo="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)"
docs=false
if [[ "${1:-}" == "--docs" ]]; then
  docs=true
  shift
fi
out="${1:-$(mktemp -d)}"
mkdir -p "$out"
out="$(cd -- "$out" && pwd -P)"

for tool in chromium pdfinfo pdftotext; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "donor-page: $tool is not installed (apt-get install chromium poppler-utils)" >&2
    exit 2
  fi
done

# The seed books, built as the seeds' READMEs build them by hand
db="$out/seeds.db"
"$repo/docs/seed-books.sh" "$db"

# The seed unit and its registers: one command a line, words separated by single spaces
while IFS= read -r line; do
  [[ -z "$line" || "$line" == \#* ]] && continue
  read -ra words <<<"$line"
  "$repo/shg" "${words[@]}" --db "$db" >/dev/null
done <"$repo/seeds/unit-patna.txt"

html="$out/PATNA-commitment.html"
pdf="$out/PATNA-commitment.pdf"
png="$out/PATNA-commitment.png"
"$repo/shg" commitment PATNA --as-of 2025-03-31 --format html --db "$db" --output "$html"

# The same flags as PrintedStatementTest: no profile, sync or network of the user's
flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking
  --disable-component-update --disable-sync --user-data-dir="$out/chromium-profile")
chromium "${flags[@]}" --print-to-pdf="$pdf" "file://$html" >"$out/chromium.log" 2>&1
# A4 at 96 pixels an inch is 794 pixels wide; the height holds the whole page on screen
chromium "${flags[@]}" --hide-scrollbars --window-size=794,1400 --screenshot="$png" "file://$html" \
  >>"$out/chromium.log" 2>&1
pages="$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')"
if $docs; then
  cp "$png" "$repo/docs/donor-page.png"
fi
echo "PATNA: $pages page(s), $pdf; picture $png"
[[ "$pages" == 1 ]]
