// Shared by the browser tests and the screenshot tool: a static server for the
// built site (127.0.0.1 only) and Debian's Chromium driven by playwright-core.
// Nothing outside the local server can be reached from a page.
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.csv': 'text/csv; charset=utf-8', '.pdf': 'application/pdf',
};

function requireModule(name) {
  try {
    return require(name);
  } catch (e) {
    throw new Error(`${name} is missing in ${__dirname}/node_modules: run scripts/install-deps --test ` +
                    `(or: cd tests/browser && npm ci --ignore-scripts) (${e.message})`);
  }
}

function serve(root) {
  const server = http.createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(root, rel);
    if (!file.startsWith(root + path.sep)) { res.writeHead(403); res.end(); return; }
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404); res.end('not found'); return; }
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' });
      res.end(data);
    });
  });
  return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function start(site) {
  if (!site || !fs.existsSync(path.join(site, 'index.html'))) throw new Error(`no built site at ${site} (set HYOKA_SITE)`);
  const chromiumPath = process.env.HYOKA_CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(chromiumPath)) throw new Error(`${chromiumPath} not found: apt-get install chromium fonts-noto-cjk`);
  const { chromium } = requireModule('playwright-core');
  const server = await serve(fs.realpathSync(site));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
  const requests = [];
  async function context(options = {}) {
    const width = options.width || 1280;
    const ctx = await browser.newContext({
      viewport: { width, height: 844 }, deviceScaleFactor: 1, isMobile: width < 500, hasTouch: width < 500,
      colorScheme: options.dark ? 'dark' : 'light', javaScriptEnabled: options.javaScript !== false,
    });
    await ctx.route('**/*', route => {
      const url = route.request().url();
      requests.push(url);
      return url.startsWith(origin + '/') ? route.continue() : route.abort('blockedbyclient');
    });
    return ctx;
  }
  async function stop() {
    await browser.close();
    await new Promise(r => server.close(r));
  }
  return { origin, url: rel => `${origin}/${rel}`, context, requests, stop };
}

module.exports = { start, requireModule };
