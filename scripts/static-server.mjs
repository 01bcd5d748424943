// A plain static file server on 127.0.0.1, as an office's intranet server would serve the built
// folder: what `scripts/serve.sh` runs, and what the end-to-end tests and the bench serve with.
// It sends the cache headers the README's deployment section recommends: files whose names
// carry the build's hash never change (`immutable`); every other file is revalidated.
//
//   node scripts/static-server.mjs DIR [PORT]    serves DIR (PORT 0 or none: a free port) and
//                                                prints the address; Ctrl-C stops it.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Whether a file's name carries a build hash (`nianbao-1a2b3c…_bg.wasm`, `app-…css`). */
export function isHashed(name) {
  return /-[0-9a-f]{15,}(?:[._])/.test(name);
}

/** The Cache-Control a file gets: hashed files are immutable, the rest revalidated. */
export function cacheControl(name) {
  return isHashed(name) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** Serves `dir` on `port` of 127.0.0.1 (0: a free one); `headers(file)` may add headers. */
export async function serve(dir, { port = 0, headers = () => ({}) } = {}) {
  const root = path.resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (rel.endsWith('/')) rel += 'index.html';
      const file = path.join(root, path.normalize(rel));
      if (!file.startsWith(root + path.sep)) throw new Error('outside');
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': cacheControl(path.basename(file)),
        ...headers(file),
      });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actual = server.address().port;
  return { url: `http://127.0.0.1:${actual}`, close: () => new Promise((r) => server.close(r)) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, port] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node scripts/static-server.mjs DIR [PORT]');
    process.exit(2);
  }
  try {
    const { url } = await serve(dir, { port: Number(port ?? 0) });
    console.log(`\n==> nianbao is served at  ${url}/  (the single file: ${url}/nianbao.html)  Ctrl-C stops it`);
  } catch (e) {
    console.error(`static-server: cannot serve on 127.0.0.1:${port}: ${e.message}`);
    process.exit(1);
  }
}
