#!/usr/bin/env node
// First-load size report and budget for a Trunk build.
//
//   node scripts/size.mjs [dist]        (default: dist)
//
// Reads <dist>/index.html, collects what the first page load fetches (the HTML itself plus the
// css, js and wasm referenced by <link>/<script> tags, the inline module loader and the JS glue),
// and prints raw / gzip -9 / brotli q11 sizes per file and in total, against the 250 KB target.
// Exits 1 when the brotli total exceeds the regression ceiling (see CEILING_BROTLI). Also lists the wasm's custom sections when a `name` section is left
// (wasm-opt should have stripped it). No dependencies, no timing.
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, resolve, relative, extname, sep } from 'node:path';
import { gzipSync, brotliCompressSync, constants as zc } from 'node:zlib';

const BUDGET_BROTLI = 256_000; // bytes (250 KB): the issue's target for the whole first load
// The build fails only above this ceiling: a guard against regressions while the target is not met
// yet. Set at 276,000 (first load 270,025); raised to 324,000 with the enrollment failures area, which
// measured 319,141 (+47.5 KB of wasm: its views, resources and decoders; its prose is fetched on demand).
// Raised to 460,000 with REST mode (HTTP transport, $batch, retries, Entra/host sign-in, config screen:
// +35.5 KB, first load 355,700) and operator roles with device actions (operator switch, scope and
// permission gates, My permissions, action menus and dialogs, simulation, action log: +94 KB, first load
// 452,352). Trunk cannot split the wasm yet (trunk-rs/trunk#1022), so these ship in the first load.
// Raised to 510,000 with the walkthrough fixes of issue 18 (menu button, throttling countdown, not-evaluated
// states, device groups, device details and enum labels, compact top bar: +41.6 KB, first load 498,497 after
// taking float formatting back out), then 520,000 with the case summary (copy and download in Markdown, text
// and JSON: +12.4 KB) and the lookup by device name or serial number (+5.2 KB): first load 517,282. Issue 17 is
// the work that brings it down. Raised to 575,000 with issue 11's diagnosis (first load 570,816, +53.6 KB):
// weight, evidence links, next step and who acts per finding, 20 more finding kinds with their texts in three
// languages, the group nesting path, the tenant-wide counts and incidents, the lookup by phone number.
// Lower it whenever the app gets smaller.
const CEILING_BROTLI = 575_000;

const dist = resolve(process.argv[2] ?? 'dist');
const indexPath = join(dist, 'index.html');
if (!existsSync(indexPath)) {
  console.error(`size: ${indexPath} not found (run trunk build --release first)`);
  process.exit(2);
}
const html = readFileSync(indexPath, 'utf8');

// ---- collect referenced assets ------------------------------------------------------------
const ASSET_EXT = new Set(['.js', '.mjs', '.wasm', '.css']);
const found = []; // relative paths inside dist, in discovery order

/** Map a URL as written in the HTML/JS to a file inside dist, or null. */
function toDistFile(url, baseDir) {
  if (!url || /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(url)) return null; // absolute/external/data:
  const clean = decodeURIComponent(url.split(/[?#]/)[0]);
  if (!ASSET_EXT.has(extname(clean).toLowerCase())) return null;
  const candidates = clean.startsWith('/')
    ? [join(dist, clean)]
    : [resolve(baseDir, clean), join(dist, clean)];
  // An absolute public_url (e.g. /app/x.js) does not map 1:1 onto dist: also try the path's
  // suffixes (app/x.js, x.js).
  const parts = clean.split('/').filter(Boolean);
  for (let i = 1; i < parts.length; i++) candidates.push(join(dist, ...parts.slice(i)));
  for (const c of candidates) {
    if (c.startsWith(dist + sep) && existsSync(c) && statSync(c).isFile()) return relative(dist, c);
  }
  return null;
}

function add(url, baseDir = dist) {
  const f = toDistFile(url, baseDir);
  if (f && !found.includes(f)) found.push(f);
  return f;
}

const attr = (tag, name) => {
  const m = tag.match(new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'));
  return m ? (m[1] ?? m[2] ?? m[3]) : null;
};

for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
  const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
  if (rel.some((r) => ['stylesheet', 'modulepreload', 'preload'].includes(r))) add(attr(tag, 'href'));
}
for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  const src = attr(m[0].slice(0, m[0].indexOf('>') + 1), 'src');
  if (src) add(src);
  // Inline module loader: `import init from './x.js'`, `init({ module_or_path: './x_bg.wasm' })`.
  for (const s of m[2].matchAll(/(['"`])([^'"`\s]+?\.(?:m?js|wasm|css))\1/g)) add(s[2]);
}
// JS glue: the wasm it loads by default (`new URL('x_bg.wasm', import.meta.url)`) and any
// static imports. Only files that exist in dist count.
for (const f of [...found]) {
  if (!/\.m?js$/.test(f)) continue;
  const js = readFileSync(join(dist, f), 'utf8');
  const baseDir = join(dist, f, '..');
  for (const s of js.matchAll(/new URL\(\s*(['"`])([^'"`]+)\1\s*,\s*import\.meta\.url\s*\)/g)) add(s[2], baseDir);
  for (const s of js.matchAll(/\bimport\s*(?:[^'"`]*?\bfrom\s*)?(['"`])([^'"`]+)\1/g)) add(s[2], baseDir);
}

// Demo mode's first screen (account status, no user yet) fetches these two fixture files; the rest
// of the demo tenant loads only when a user is looked up or opened.
for (const f of ['fixtures/aurora/organization.json', 'fixtures/aurora/deviceManagement.json']) {
  if (existsSync(join(dist, f))) found.push(f);
}

// ---- measure ---------------------------------------------------------------------------------
const rows = [['index.html', readFileSync(indexPath)], ...found.map((f) => [f, readFileSync(join(dist, f))])];
const measure = (buf) => ({
  raw: buf.length,
  gz: gzipSync(buf, { level: 9 }).length,
  br: brotliCompressSync(buf, {
    params: {
      [zc.BROTLI_PARAM_QUALITY]: 11,
      [zc.BROTLI_PARAM_SIZE_HINT]: buf.length,
    },
  }).length,
});

const fmt = (n) => n.toLocaleString('en-US');
const table = rows.map(([name, buf]) => ({ name, ...measure(buf) }));
const total = table.reduce((t, r) => ({ raw: t.raw + r.raw, gz: t.gz + r.gz, br: t.br + r.br }), { raw: 0, gz: 0, br: 0 });

const w = Math.max(5, ...table.map((r) => r.name.length));
const line = (a, b, c, d) => `${a.padEnd(w)}  ${b.padStart(11)}  ${c.padStart(11)}  ${d.padStart(11)}`;
console.log(`First-load assets of ${relative(process.cwd(), dist) || '.'}/index.html (bytes):`);
console.log(line('file', 'raw', 'gzip -9', 'brotli q11'));
console.log('-'.repeat(w + 39));
for (const r of table) console.log(line(r.name, fmt(r.raw), fmt(r.gz), fmt(r.br)));
console.log('-'.repeat(w + 39));
console.log(line('TOTAL', fmt(total.raw), fmt(total.gz), fmt(total.br)));

if (!found.some((f) => f.endsWith('.wasm'))) {
  console.error('size: WARNING: no .wasm file found among the referenced assets');
}

// ---- wasm custom sections ----------------------------------------------------------------------
function customSections(buf) {
  if (buf.length < 8 || buf.readUInt32LE(0) !== 0x6d736100) return null; // "\0asm"
  const out = [];
  let p = 8;
  const leb = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = buf[p++];
      result += (b & 0x7f) * 2 ** shift;
      if (!(b & 0x80)) return result;
      shift += 7;
    }
  };
  while (p < buf.length) {
    const id = buf[p++];
    const size = leb();
    const start = p;
    if (id === 0) {
      const nameLen = leb();
      out.push({ name: buf.toString('utf8', p, p + nameLen), size });
    }
    p = start + size;
  }
  return out;
}
for (const f of found.filter((x) => x.endsWith('.wasm'))) {
  const secs = customSections(readFileSync(join(dist, f)));
  if (!secs) continue;
  if (secs.some((s) => s.name === 'name')) {
    secs.sort((a, b) => b.size - a.size);
    console.log(`\n${f}: WARNING: a 'name' section is left (wasm-opt did not run or did not strip it). Largest custom sections:`);
    for (const s of secs.slice(0, 8)) console.log(`  ${s.name.padEnd(24)} ${fmt(s.size).padStart(11)} bytes`);
  } else {
    const sum = secs.reduce((t, s) => t + s.size, 0);
    console.log(`\n${f}: no 'name' section; ${secs.length} custom section(s)${secs.length ? `, ${fmt(sum)} bytes (${secs.map((s) => s.name).join(', ')})` : ''}.`);
  }
}

// ---- budget ----------------------------------------------------------------------------------
const margin = BUDGET_BROTLI - total.br;
console.log(
  `\nBudget: brotli total ${fmt(total.br)} of ${fmt(BUDGET_BROTLI)} bytes (250 KB): ` +
    (margin >= 0 ? `OK, ${fmt(margin)} bytes (${((100 * margin) / BUDGET_BROTLI).toFixed(1)}%) to spare` : `OVER by ${fmt(-margin)} bytes`),
);
console.log(`Regression ceiling: ${fmt(CEILING_BROTLI)} bytes: ${total.br <= CEILING_BROTLI ? 'OK' : 'EXCEEDED'}`);
process.exit(total.br <= CEILING_BROTLI ? 0 : 1);
