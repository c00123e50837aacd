#!/bin/sh
# Every dataset file in graphs/ and tests/data/ (but the deliberately bad ones) survives
# YAML -> XML -> YAML with the same model: the YAML written from the original and the YAML
# written after the XML trip are the same bytes. The XML validates against the XSD (xmllint),
# and the YAML against the JSON Schema with a YAML 1.2 reader (tests/cli/schema-check.py).
# Prints TAP.
set -u
: "${OWNERTRACE:?set OWNERTRACE to the program}"
: "${TOPSRC:=$(cd "$(dirname "$0")/../.." && pwd)}"
wrapped="${OT_WRAP:-} $OWNERTRACE"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
files=$(find "$TOPSRC/graphs" "$TOPSRC/tests/data" -name '*.yaml' -not -path '*/bad/*' \
          -not -path '*/hostile/*' -not -path '*/invalid/*' 2>/dev/null | LC_ALL=C sort)
n=0
for f in $files; do n=$((n + 1)); done
echo "1..$((n + 1))"
i=0
fail=0
for f in $files; do
  i=$((i + 1))
  rel=${f#"$TOPSRC"/}
  if $wrapped convert "$f" "$tmp/a.yaml" 2>"$tmp/err" &&
     $wrapped convert "$tmp/a.yaml" "$tmp/b.xml" 2>>"$tmp/err" &&
     $wrapped convert "$tmp/b.xml" "$tmp/c.yaml" 2>>"$tmp/err" &&
     cmp -s "$tmp/a.yaml" "$tmp/c.yaml" &&
     xmllint --noout --schema "$TOPSRC/schemas/ownertrace.xsd" "$tmp/b.xml" 2>>"$tmp/err"; then
    echo "ok $i - roundtrip $rel"
  else
    echo "not ok $i - roundtrip $rel"
    sed 's/^/# /' "$tmp/err"
    diff -u "$tmp/a.yaml" "$tmp/c.yaml" 2>/dev/null | head -20 | sed 's/^/# /'
    fail=1
  fi
done
i=$((i + 1))
if /usr/bin/python3 "$TOPSRC/tests/cli/schema-check.py" "$TOPSRC/schemas/ownertrace.schema.json" $files >"$tmp/out" 2>&1; then
  echo "ok $i - every YAML file validates against schemas/ownertrace.schema.json"
else
  echo "not ok $i - JSON Schema validation"
  sed 's/^/# /' "$tmp/out"
  fail=1
fi
exit $fail
