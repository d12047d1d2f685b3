// The test Graph server (tools/graph-server) for REST-mode e2e tests, and a copy of dist/ whose config.json
// points the app at it. The server serves the demo tenant through the same Graph paths, with $batch, paging
// and switchable faults; its control API counts the requests the app made.
import { spawn } from 'node:child_process';
import { cp, mkdtemp, writeFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST } from './browser.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
// A workspace member: its binary is in the shared target directory (scripts/env.sh) or ./target.
const TARGET_DIR = process.env.CARGO_TARGET_DIR || join(REPO, 'target');
export const SERVER_BIN = process.env.TIER1_GRAPH_SERVER ?? join(TARGET_DIR, 'debug/tier1-graph-server');

/** Starts the server on a free port; resolves once it prints its address. */
export async function startGraphServer(args = []) {
  if (!existsSync(SERVER_BIN)) {
    throw new Error(`${SERVER_BIN} not found: cargo build --offline -p tier1-graph-server`);
  }
  const child = spawn(SERVER_BIN, ['--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolveUrl, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/listening on (http:\/\/[^\s]+)/);
      if (m) resolveUrl(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`graph server exited (${code}) before listening: ${out}`)));
  });
  const call = async (method, path, body) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status}`);
    const text = await res.text();
    return text ? JSON.parse(text) : null;
  };
  return {
    url,
    faults: (rules) => call('POST', '/_control/faults', rules),
    log: () => call('GET', '/_control/log'),
    reset: () => call('POST', '/_control/reset'),
    close: () => new Promise((r) => { child.once('exit', r); child.kill(); }),
  };
}

/** A copy of dist/ with `config` as its config.json (`null`: no config.json at all). */
export async function distWithConfig(config) {
  const dir = await mkdtemp(join(tmpdir(), 'tier1-dist-'));
  await cp(DIST, dir, { recursive: true });
  const file = join(dir, 'config.json');
  if (config === null) await rm(file, { force: true });
  else await writeFile(file, typeof config === 'string' ? config : JSON.stringify(config));
  return dir;
}
