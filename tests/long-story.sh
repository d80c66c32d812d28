#!/usr/bin/env bash
# A valid story with every text ten times as long (as a story in progress often is) goes
# through `make build`: check-story accepts it, so the build must too, with every image within
# its channel's limits (long images cut by height and by bytes, labels that do not fit listed).
# Built in the fixture's cargo target folder, into target/long-dist.
set -uo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
story="$work/long-story.json"
dist="$(pwd)/target/long-dist"
failed=0
passed=0
ok() { echo "ok - $1"; passed=$((passed + 1)); }
not_ok() { echo "not ok - $1"; failed=$((failed + 1)); }

# Every {zh, en} text but a quote's words (which must stay verbatim in their evidence) and
# the id-like fields, ten times over.
python3 - tests/fixture/story.json "$story" <<'PY'
import json, sys
story = json.load(open(sys.argv[1], encoding="utf-8"))
def longer(node, key=None):
    if isinstance(node, dict):
        if set(node) == {"zh", "en"} and all(isinstance(v, str) for v in node.values()) and key != "words":
            return {"zh": "".join([node["zh"]] * 10), "en": " ".join([node["en"]] * 10)}
        return {k: longer(v, k) for k, v in node.items()}
    if isinstance(node, list):
        return [longer(v, key) for v in node]
    return node
json.dump(longer(story), open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=1)
PY

if cargo run --offline --quiet -p story --bin check-story -- "$story" >"$work/check.log" 2>&1; then
  ok "check-story accepts the long story"
else
  not_ok "check-story refuses the long story:"; cat "$work/check.log"
fi
if CARGO_TARGET_DIR="${E2E_TARGET:?}" make --no-print-directory build EDITOR=0 STORY="$story" DIST="$dist" >"$work/build.log" 2>&1; then
  ok "make build writes the long story's graphic"
else
  not_ok "make build stopped on a story check-story accepts:"; tail -n 20 "$work/build.log"
fi
# Every image the build wrote, read by an independent PNG/JPEG header reader: within 5 MB,
# and the long images 750 px wide and at most 20,000 px tall.
if python3 - "$dist" <<'PY'
import pathlib, struct, sys
dist = pathlib.Path(sys.argv[1])
images = sorted(dist.glob("share/*.png")) + sorted(dist.glob("share/*.jpg")) + sorted(dist.glob("*.png"))
problems = []
longs = [p for p in images if p.name.startswith("long-")]
if not longs:
    problems.append("no long image written")
for path in images:
    data = path.read_bytes()
    if len(data) > 5_000_000:
        problems.append(f"{path.name}: {len(data)} bytes")
    if path.suffix == ".png" and path.name.startswith("long-"):
        width, height = struct.unpack(">II", data[16:24])
        if width != 750 or height > 20_000:
            problems.append(f"{path.name}: {width} x {height}")
for p in problems:
    print(p)
print(f"{len(images)} images, {len(longs)} long-image files")
sys.exit(1 if problems else 0)
PY
then
  ok "every image within its limits"
else
  not_ok "an image breaks its channel's limits"
fi
# The labels that do not fit are listed under the diagram, by name.
if grep -q "Not labelled on the diagram" "$dist/share/static-en.txt"; then
  ok "the alt text names the places the diagram leaves unlabelled"
else
  not_ok "the alt text lists no unlabelled place"; cat "$dist/share/static-en.txt"
fi
rm -rf "$dist"
echo "long-story: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
