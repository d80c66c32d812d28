#!/usr/bin/env bash
# Three broken stories through `make build`: each must fail at the story check, name the field
# in both languages, and leave no dist folder behind (not even a stale one).
set -uo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fixture=tests/fixture/story.json

# name | sed expression on the fixture | field the error must name | its Chinese wording
cases=(
  'radii|0,/"radius_km": 90/s//"radius_km": 30/|circles[1].radius_km| / 必须大于circles[0].radius_km'
  'syntax|$s/}$/,/|(file)| / 不是有效的JSON'
  'no-date|0,/"date": "2020-01-02"/s//"date": "someday"/|.date| / “someday”不是日期'
)
passed=0
failed=0
for case in "${cases[@]}"; do
  IFS='|' read -r name expr field zh <<<"$case"
  story="$work/$name.json"
  dist="$work/dist-$name"
  sed "$expr" "$fixture" >"$story"
  mkdir -p "$dist" && touch "$dist/stale.html"
  if make --no-print-directory build STORY="$story" DIST="$dist" >"$work/$name.log" 2>&1; then
    echo "not ok - $name: make build succeeded on a broken story"
    failed=$((failed + 1))
  elif [ -e "$dist" ]; then
    echo "not ok - $name: make build left $dist behind"
    failed=$((failed + 1))
  elif ! grep -qF -- "$story: " "$work/$name.log" || ! grep -qF -- "$field" "$work/$name.log" || ! grep -qF -- "$zh" "$work/$name.log"; then
    echo "not ok - $name: the error does not name $field in both languages:"
    cat "$work/$name.log"
    failed=$((failed + 1))
  else
    echo "ok - $name: $(grep -F -- "$story: " "$work/$name.log" | head -n 1)"
    passed=$((passed + 1))
  fi
done
echo "broken-builds: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
