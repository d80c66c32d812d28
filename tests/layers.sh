#!/usr/bin/env bash
# The layers' direction, read from cargo's own dependency graph: story -> graphic -> app ->
# publish, and the page's wasm (the root crate) without publish. The compiler already refuses a
# crate that names one it does not depend on; this refuses a manifest that adds the dependency.
set -euo pipefail
cd "$(dirname "$0")/.."

status=0
# deps CRATE [TARGET]: every crate CRATE's normal build pulls in, one name per line.
deps() {
    cargo tree --offline --quiet -p "$1" -e normal --prefix none --format '{p}' ${2:+--target "$2"} |
        awk '{print $1}' | sort -u
}
# forbid CRATE TARGET DEP…: fails when CRATE, built for TARGET, pulls in any DEP.
forbid() {
    local crate=$1 target=$2
    shift 2
    local found
    found=$(deps "$crate" "$target")
    for dep in "$@"; do
        if grep -qx -- "$dep" <<<"$found"; then
            echo "layers: $crate ($target) depends on $dep" >&2
            status=1
        fi
    done
}

host=$(rustc -vV | sed -n 's/^host: //p')
# The story's model: no UI, no drawing, no browser. check-story is its bin, so checking a story
# compiles none of the publisher's runtime, codecs or HTML rewriter either.
forbid story "$host" yew web-sys wasm-bindgen plotters graphic app publish tokio image lol_html
# The checked story compiled in: the model alone.
forbid baked "$host" yew web-sys plotters graphic app publish tokio image lol_html
# The typesetter: pure, for a browser editor too; no publisher, codec or UI framework.
forbid typeset "$host" yew web-sys app publish tokio image lol_html jpeg-encoder
forbid typeset wasm32-unknown-unknown yew app publish tokio image lol_html jpeg-encoder
forbid story wasm32-unknown-unknown yew web-sys wasm-bindgen plotters graphic app publish
# The pure layer: no UI framework and no browser API of its own. (On wasm32, plotters itself
# links web-sys for its canvas backend; graphic names none of it, and on the host none is built.)
forbid graphic "$host" yew web-sys wasm-bindgen js-sys gloo-events app publish
forbid graphic wasm32-unknown-unknown yew gloo-events app publish
# The app: nothing of the build-time publisher, nor the story's reader (yew brings its own
# serde_json and tokio).
forbid app "$host" publish image jpeg-encoder roxmltree serde_path_to_error databake
forbid app wasm32-unknown-unknown publish image jpeg-encoder roxmltree serde_path_to_error databake
# The page's wasm: no publisher, no story reader, no checker.
forbid capital-circles wasm32-unknown-unknown publish image jpeg-encoder roxmltree serde_path_to_error databake
# The story editor: the reader and checker in its own wasm, never the publisher; and the
# page's wasm never the editor.
forbid editor wasm32-unknown-unknown publish image jpeg-encoder roxmltree lol_html tokio
forbid capital-circles wasm32-unknown-unknown editor
forbid app "$host" editor

if [ "$status" -eq 0 ]; then
    echo "layers: story -> baked, graphic -> typeset, app -> publish, editor; check-story needs the story crate alone; the wasm carries no publisher and no editor"
fi
exit "$status"
