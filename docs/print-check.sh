#!/usr/bin/env bash
# Prints a seed group's statement on A4 as headless Chromium prints it, checks the printed pages
# and renders the first page as a picture (docs/reports.md#the-printed-statement).
#
#   docs/print-check.sh [GROUP [OUT_DIR]]     GROUP: SHG01 (the default), SHG02 or SHG03
#   docs/print-check.sh --docs                 SHG01, and its first page to docs/statement-print.png
#
# Needs chromium and poppler-utils (pdfinfo, pdftotext, pdftoppm): on Debian,
# `apt-get install chromium poppler-utils`; and Java 17 with Maven for ./shg. It builds the seed
# groups' books into a scratch database in OUT_DIR (default: a new temporary folder), as each
# seed's README does by hand, then writes there GROUP-statement.html, GROUP-statement.pdf and
# GROUP-statement-1.png (the first page at 100 dpi). It checks what PrintedStatementTest checks
# more closely: every page numbered "Page N of M", and the signatures on the last page.
set -euo pipefail

repo="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)"
docs=false
if [[ "${1:-}" == "--docs" ]]; then
  docs=true
  shift
fi
group="${1:-SHG01}"
out="${2:-$(mktemp -d)}"
mkdir -p "$out"

for tool in chromium pdfinfo pdftotext pdftoppm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "print-check: $tool is not installed (apt-get install chromium poppler-utils)" >&2
    exit 2
  fi
done

# The seed books, built as the seeds' READMEs build them by hand
db="$out/seeds.db"
"$repo/docs/seed-books.sh" "$db"

html="$out/$group-statement.html"
pdf="$out/$group-statement.pdf"
"$repo/shg" statement "$group" --format html --db "$db" --output "$html"

# The same flags as PrintedStatementTest: no profile, sync or network of the user's
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$out/chromium-profile" \
  --print-to-pdf="$pdf" "file://$html" >"$out/chromium.log" 2>&1
pages="$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')"

failed=0
for ((page = 1; page <= pages; page++)); do
  if ! pdftotext -f "$page" -l "$page" -layout "$pdf" - | grep -q "Page $page of $pages"; then
    echo "print-check: page $page does not say 'Page $page of $pages'" >&2
    failed=1
  fi
done
if ! pdftotext -f "$pages" -l "$pages" -layout "$pdf" - | grep -q "Prepared by"; then
  echo "print-check: the signatures are not on the last page" >&2
  failed=1
fi

pdftoppm -f 1 -l 1 -r 100 -png -singlefile "$pdf" "$out/$group-statement-1"
if $docs; then
  cp "$out/$group-statement-1.png" "$repo/docs/statement-print.png"
fi
echo "$group: $pages pages, $pdf; first page $out/$group-statement-1.png"
exit "$failed"
