// Starts the story editor (external, for a strict CSP). Its tag names the editor's glue and
// wasm (data-glue, data-wasm).
const script = document.querySelector("script[data-glue][data-wasm]");
const glueUrl = new URL(script?.dataset.glue ?? "", import.meta.url);
const wasmUrl = new URL(script?.dataset.wasm ?? "", import.meta.url);

function note(en, zh) {
  if (document.querySelector(".stop-note")) return;
  const box = document.createElement("div");
  box.className = "stop-note";
  box.setAttribute("role", "alert");
  for (const [lang, text] of [["en", en], ["zh-CN", zh]]) {
    const p = document.createElement("p");
    p.lang = lang;
    p.textContent = text;
    box.append(p);
  }
  document.body.prepend(box);
}

// A panic stops the release wasm at once (it traps). The draft of the last change is kept in
// this browser's storage, so a reload goes on from it.
function stopped(event) {
  const error = event.error ?? event.reason;
  if (!(error instanceof WebAssembly.RuntimeError)) return;
  note(
    "The editor stopped on an internal error. Your draft up to the last change is kept in this browser: reload the page to go on.",
    "编辑器因内部错误停止运行。最后一次修改前的草稿已保存在此浏览器中：请重新载入页面继续。",
  );
  console.error("story editor stopped:", error);
}
window.addEventListener("error", stopped);
window.addEventListener("unhandledrejection", stopped);

try {
  const glue = await import(glueUrl.href);
  const wasm = await glue.default({ module_or_path: wasmUrl.href });
  window.storyEditor = { memory: wasm.memory };
} catch (error) {
  note(
    "The editor could not start: this browser needs WebAssembly.",
    "编辑器无法启动：此浏览器需要支持WebAssembly。",
  );
  console.error("story editor could not start:", error);
}
