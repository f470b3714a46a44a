// The wasm module of www/pkg (built by ./build.sh) loaded into Node: the same bytes the
// extension and the playground run.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PKG = join(ROOT, 'www', 'pkg');

export async function loadEngine() {
  const wasm = join(PKG, 'plainpage_bg.wasm');
  if (!existsSync(wasm)) throw new Error('www/pkg is not built: run ./build.sh first');
  const engine = await import(join(PKG, 'plainpage.js'));
  engine.initSync({ module: readFileSync(wasm) });
  return engine;
}
