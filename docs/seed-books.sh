#!/usr/bin/env bash
# Builds the seed groups' books into a database, as each seed's README does by hand: the group,
# its members, then its meeting register and bank passbook (seeds/README.md).
#
#   docs/seed-books.sh DB      DB: the SQLite file to write (deleted first if it exists)
#
# Used by docs/print-check.sh and docs/donor-page.sh; needs Java 17 and Maven for ./shg.
set -euo pipefail

repo="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)"
db="${1:?usage: docs/seed-books.sh DB}"
rm -f "$db"
for folder in "$repo"/seeds/shg0*/; do
  arguments=()
  while IFS= read -r line; do
    [[ -z "$line" || "$line" == \#* ]] && continue
    if [[ "$line" == --* ]]; then
      arguments+=("${line%% *}" "${line#* }")   # an option, then its value after one space
    else
      arguments+=("$line")                      # the group's code
    fi
  done <"$folder/group.txt"
  code="${arguments[0]}"
  "$repo/shg" group create "${arguments[@]}" --db "$db" >/dev/null
  "$repo/shg" import members "$code" "$folder/members.csv" --db "$db" >/dev/null
  "$repo/shg" import books "$code" --meetings "$folder/meetings.csv" --passbook "$folder/passbook.csv" \
    --rules "$folder/rules.txt" --db "$db" >/dev/null
done
