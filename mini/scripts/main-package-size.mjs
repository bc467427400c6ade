// Prints the size of the WeChat main package (everything in dist-weapp outside the subpackage
// roots) and fails when it is over WeChat's 2 MB limit.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const LIMIT_KB = 2048;
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist-weapp');

const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8'));
const subRoots = (app.subPackages ?? app.subpackages ?? []).map((pkg) => pkg.root.replace(/\/+$/, '') + '/');
// Not uploaded as part of the package.
const ignored = new Set(['project.config.json', 'project.private.config.json']);

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

let bytes = 0;
let subBytes = 0;
for (const path of files(dist)) {
  const rel = relative(dist, path).split(sep).join('/');
  if (ignored.has(rel) || rel.endsWith('.map')) continue;
  const size = statSync(path).size;
  if (subRoots.some((root) => rel.startsWith(root))) subBytes += size;
  else bytes += size;
}

const kb = (n) => (n / 1024).toFixed(1);
console.log(`主包大小 ${kb(bytes)} KB / ${LIMIT_KB} KB（分包合计 ${kb(subBytes)} KB：${subRoots.join('、')}）`);
if (bytes > LIMIT_KB * 1024) {
  console.error(`主包超过微信 ${LIMIT_KB} KB 上限，请把只在某个区域使用的代码移入对应分包`);
  process.exit(1);
}
