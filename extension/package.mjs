// Builds the two extension packages from one source, reproducibly:
//
//   node extension/package.mjs <version> <wasm-pkg-dir> <dist-dir>
//
// For each browser: manifest.base.json with manifest.<browser>.json merged over it (JSON merge
// patch: objects merge, null deletes a key, anything else replaces), the version set, the files
// listed below and the wasm module copied into <dist>/<browser>/, then zipped into
// <dist>/plainpage-<version>-chrome.zip and <dist>/plainpage-<version>-firefox.xpi. The archives
// list files in sorted order with fixed timestamps, so the same sources give the same bytes.
// `./build.sh` runs this after the wasm build.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';

const SOURCE = dirname(fileURLToPath(import.meta.url));
const BROWSERS = { chrome: 'zip', firefox: 'xpi' };
/** The extension's files (everything else in extension/ is for building it). */
const FILES = [
  'background.js', 'content.js', 'applier.js', 'labels.js', 'messages.js', 'settings.js',
  'reader.html', 'reader.js', 'reader.css',
  'popup.html', 'popup.js', 'popup.css',
  'options.html', 'options.js', 'options.css',
  'icons/icon-16.png', 'icons/icon-32.png', 'icons/icon-48.png', 'icons/icon-128.png',
];
/** From wasm-pack's output: the glue module and the wasm, nothing else. */
const WASM_FILES = ['plainpage.js', 'plainpage_bg.wasm'];

/** RFC 7396 JSON merge patch. */
export function mergePatch(target, patch) {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out = target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

export function manifestFor(browser, version) {
  const read = (name) => JSON.parse(readFileSync(join(SOURCE, name), 'utf8'));
  const manifest = mergePatch(read('manifest.base.json'), read(`manifest.${browser}.json`));
  manifest.version = version;
  return manifest;
}

// ---- a minimal deterministic zip writer (deflate, fixed 1980-01-01 timestamps) ----------------

function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const deflated = deflateRawSync(data, { level: 9 });
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const crc = crc32(data);
    const common = (b, at) => {
      b.writeUInt16LE(20, at); // version needed
      b.writeUInt16LE(0x0800, at + 2); // UTF-8 names
      b.writeUInt16LE(stored ? 0 : 8, at + 4);
      b.writeUInt16LE(0, at + 6); // time 00:00
      b.writeUInt16LE(0x21, at + 8); // date 1980-01-01
      b.writeUInt32LE(crc, at + 10);
      b.writeUInt32LE(body.length, at + 14);
      b.writeUInt32LE(data.length, at + 18);
      b.writeUInt16LE(nameBytes.length, at + 22);
      b.writeUInt16LE(0, at + 24); // extra
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    common(local, 4);
    locals.push(local, nameBytes, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    common(central, 6);
    central.writeUInt16LE(0, 32); // comment
    central.writeUInt16LE(0, 34); // disk
    central.writeUInt16LE(0, 36); // internal attributes
    central.writeUInt32LE(0, 38); // external attributes
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

function build(browser, version, pkgDir, distDir) {
  const out = join(distDir, browser);
  rmSync(out, { recursive: true, force: true });
  const entries = [];
  const add = (name, data) => {
    mkdirSync(dirname(join(out, name)), { recursive: true });
    writeFileSync(join(out, name), data);
    entries.push({ name, data });
  };
  add('manifest.json', Buffer.from(`${JSON.stringify(manifestFor(browser, version), null, 2)}\n`));
  for (const file of FILES) add(file, readFileSync(join(SOURCE, file)));
  for (const file of WASM_FILES) add(`pkg/${file}`, readFileSync(join(pkgDir, file)));
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const archive = join(distDir, `plainpage-${version}-${browser}.${BROWSERS[browser]}`);
  writeFileSync(archive, zip(entries));
  return { dir: out, archive, files: entries.length };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [version, pkgDir, distDir] = process.argv.slice(2);
  if (!version || !pkgDir || !distDir) {
    console.error('usage: node extension/package.mjs <version> <wasm-pkg-dir> <dist-dir>');
    process.exit(2);
  }
  mkdirSync(distDir, { recursive: true });
  for (const browser of Object.keys(BROWSERS)) {
    const { dir, archive, files } = build(browser, version, resolve(pkgDir), resolve(distDir));
    console.log(`built ${dir} and ${archive} (${files} files)`);
  }
}
