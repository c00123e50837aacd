#!/bin/sh
# Golden-file CLI tests: each tests/cli/cases/NAME.cmd is one shell line run from tests/data/;
# its stdout must equal NAME.out, its stderr NAME.err (empty when there is none), its exit
# status NAME.status (0 when there is none). Prints TAP. OT_UPDATE_GOLDEN=1 rewrites the files.
# OT_WRAP, when set, is put before "$OWNERTRACE" (valgrind).
set -u
here=$(cd "$(dirname "$0")" && pwd)
cases="$here/cases"
: "${OWNERTRACE:?set OWNERTRACE to the program}"
: "${TESTDATA:=$here/../data}"
if [ -n "${OT_WRAP:-}" ]; then
  wrapped="$OT_WRAP $OWNERTRACE"
else
  wrapped="$OWNERTRACE"
fi
export LC_ALL=C NO_COLOR=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=$(ls "$cases"/*.cmd 2>/dev/null | wc -l)
echo "1..$n"
i=0
fail=0
for cmd in "$cases"/*.cmd; do
  i=$((i + 1))
  name=$(basename "$cmd" .cmd)
  base="$cases/$name"
  (cd "$TESTDATA" && OWNERTRACE="$wrapped" TMP="$tmp" sh -c "$(sed "s|\"\$OWNERTRACE\"|$wrapped|g" "$cmd")") \
    >"$tmp/out" 2>"$tmp/err"
  status=$?
  if [ -n "${OT_UPDATE_GOLDEN:-}" ]; then
    cp "$tmp/out" "$base.out"
    if [ -s "$tmp/err" ]; then cp "$tmp/err" "$base.err"; else rm -f "$base.err"; fi
    if [ "$status" -ne 0 ]; then echo "$status" >"$base.status"; else rm -f "$base.status"; fi
  fi
  expected_status=0
  [ -f "$base.status" ] && expected_status=$(cat "$base.status")
  ok=1
  diffs=""
  if ! diff -u "$base.out" "$tmp/out" >"$tmp/d1" 2>&1; then ok=0; diffs="$diffs$(cat "$tmp/d1")
"; fi
  if [ -f "$base.err" ]; then
    if ! diff -u "$base.err" "$tmp/err" >"$tmp/d2" 2>&1; then ok=0; diffs="$diffs$(cat "$tmp/d2")
"; fi
  elif [ -s "$tmp/err" ]; then
    ok=0; diffs="${diffs}unexpected stderr:
$(cat "$tmp/err")
"
  fi
  if [ "$status" != "$expected_status" ]; then ok=0; diffs="${diffs}exit status $status, expected $expected_status
"; fi
  if [ $ok -eq 1 ]; then
    echo "ok $i - $name"
  else
    echo "not ok $i - $name"
    printf '%s' "$diffs" | sed 's/^/# /'
    fail=1
  fi
done
exit $fail
