// A minimal static file server for the built dist/, on 127.0.0.1 only, for the e2e tests.
// It can mount dist/ under a sub-path and add response headers (e.g. a CSP).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".csv": "text/csv; charset=utf-8",
};

/**
 * Serves `root` under `prefix` (e.g. "/a/b/"). Returns { origin, url, requests, close }.
 * `requests` records every path asked for, so tests can check what the page loaded.
 */
export async function serve(root, { prefix = "/", headers = {}, routes = {} } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    requests.push(path);
    if (routes[path]) {
      const [type, body] = routes[path];
      res.writeHead(200, { "content-type": type, ...headers });
      res.end(body);
      return;
    }
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end("not found");
      return;
    }
    let rel = normalize(path.slice(prefix.length));
    if (rel.startsWith("..") || rel.includes(`${sep}..`)) {
      res.writeHead(403).end("forbidden");
      return;
    }
    let file = join(root, rel);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        ...headers,
      });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: `${origin}${prefix}`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
