#!/usr/bin/env node
// Screenshots of the pages each reader starts from, at 390 and 1280 px, in
// Japanese and English, light and dark: the dashboard, a policy page, the
// council's page and a site search. Not a test: pictures to look at.
//
//   node tests/browser/screenshots.js SITE_DIR OUT_DIR
'use strict';
const fs = require('fs');
const path = require('path');
const { start } = require('./harness');

const PAGES = [
  ['dashboard', 'setagaya/index.html'],
  ['policy', 'setagaya/policies/1-1-3.html'],
  ['council', 'setagaya/council.html'],
  ['search', { ja: 'search.html?q=%E3%81%82%E3%81%86%E3%81%A8%E3%82%8A%E3%83%BC%E3%81%A1', en: 'search.html?q=participation' }],
  ['targets-only', 'suginami/index.html'],
];

(async () => {
  const [siteDir, out] = process.argv.slice(2);
  if (!siteDir || !out) { console.error('usage: screenshots.js SITE_DIR OUT_DIR'); process.exit(2); }
  fs.mkdirSync(out, { recursive: true });
  const site = await start(siteDir);
  try {
    for (const dark of [false, true])
      for (const width of [390, 1280]) {
        const ctx = await site.context({ width, dark });
        for (const lang of ['ja', 'en'])
          for (const [name, rel] of PAGES) {
            if (dark && name !== 'dashboard' && name !== 'policy') continue;
            const page = await ctx.newPage();
            const target = `${lang}/${typeof rel === 'string' ? rel : rel[lang]}`;
            await page.goto(site.url(target), { waitUntil: 'load' });
            if (name === 'search') await page.waitForFunction(() => document.querySelectorAll('#ss-results li').length > 0);
            const file = path.join(out, `${name}-${lang}-${width}${dark ? '-dark' : ''}.png`);
            await page.screenshot({ path: file, fullPage: true });
            console.log(file);
            await page.close();
          }
        await ctx.close();
      }
  } finally { await site.stop(); }
})().catch(e => { console.error(e); process.exit(1); });
