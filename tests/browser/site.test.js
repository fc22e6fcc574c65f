// The built sample site as its readers use it, in Debian's Chromium
// (playwright-core): a citizen on a phone (390 px), a council member (1280 px,
// printing), an English-speaking resident; JavaScript on and off; light and
// dark colour schemes. Run by ctest (browser_site) on the site that
// `hyoka build content --no-pdf` makes; HYOKA_SITE names its folder.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { start, requireModule } = require('./harness');

const SITE = process.env.HYOKA_SITE;
let site;

before(async () => { site = await start(SITE); });
after(async () => { if (site) await site.stop(); });

async function open(rel, options = {}) {
  const ctx = await site.context(options);
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', e => errors.push(e.message));
  await page.goto(site.url(rel), { waitUntil: 'load' });
  return { ctx, page, errors };
}

// Rows a reader can see: laid out with a size, not hidden by any rule.
function visibleRows(page, selector) {
  return page.$$eval(selector, rows => rows.filter(r => {
    const box = r.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(r).visibility !== 'hidden';
  }).length);
}

function shownCount(page) {
  return page.$eval('#result-count', el => Number((el.textContent.match(/\d+/) || ['NaN'])[0]));
}

for (const width of [390, 1280]) {
  test(`grade filter at ${width} px shows exactly the rows it counts`, async () => {
    const { ctx, page, errors } = await open('ja/setagaya/search.html?grade=C', { width });
    try {
      const expected = await page.$$eval('#search-results tbody tr[data-grade="C"]', r => r.length);
      assert.ok(expected > 0, 'the sample has C rows');
      assert.equal(await shownCount(page), expected);
      assert.equal(await visibleRows(page, '#search-results tbody tr'), expected);
      // A second filter on top: area 2 and grade C together.
      await page.selectOption('#f-area', '2');
      const both = await page.$$eval('#search-results tbody tr[data-grade="C"][data-area="2"]', r => r.length);
      assert.equal(await shownCount(page), both);
      assert.equal(await visibleRows(page, '#search-results tbody tr'), both);
      assert.deepEqual(errors, []);
    } finally { await ctx.close(); }
  });
}

test('without JavaScript the dashboard leads to the same lists (per grade and per area)', async () => {
  const withJs = await open('ja/setagaya/search.html?grade=C', { width: 390 });
  const filteredC = await shownCount(withJs.page);
  await withJs.page.goto(site.url('ja/setagaya/search.html?area=1'));
  const filteredArea = await shownCount(withJs.page);
  await withJs.ctx.close();

  const { ctx, page } = await open('ja/setagaya/index.html', { width: 390, javaScript: false });
  try {
    await page.click('nav.browse a[href$="lists/grade-c.html"]');
    await page.waitForURL(/lists\/grade-c\.html$/);
    assert.equal(await visibleRows(page, 'table.search-table tbody tr'), filteredC);
    assert.equal(await page.$$eval('table.search-table tbody tr:not([data-grade="C"])', r => r.length), 0);

    await page.goto(site.url('ja/setagaya/index.html'));
    await page.click('nav.browse a[href$="lists/area-1.html"]');
    await page.waitForURL(/lists\/area-1\.html$/);
    assert.equal(await visibleRows(page, 'table.search-table tbody tr'), filteredArea);

    // The filter page itself shows no dead form without JavaScript, and links the lists.
    await page.goto(site.url('ja/setagaya/search.html'));
    assert.equal(await page.isVisible('#filters'), false);
    assert.ok(await page.isVisible('nav.browse a[href$="lists/grade-c.html"]'));
  } finally { await ctx.close(); }
});

async function siteSearch(lang, query, { width = 390, from = `${lang}/setagaya/index.html` } = {}) {
  const { ctx, page, errors } = await open(from, { width });
  const before = site.requests.length;
  const fetchedBeforeUse = site.requests.slice(before).filter(u => u.endsWith('search-index.json'));
  await page.fill('#site-q', query);
  await page.press('#site-q', 'Enter');
  await page.waitForURL(/\/search\.html\?/);
  await page.waitForFunction(() => document.querySelector('#ss-status').textContent.length > 0 &&
                                   !/…|\.\.\./.test(document.querySelector('#ss-status').textContent));
  const hits = await page.$$eval('#ss-results li a', as => as.map(a => ({ text: a.textContent, href: a.getAttribute('href') })));
  const shards = site.requests.slice(before).filter(u => u.endsWith('search-index.json'));
  return { ctx, page, errors, hits, shards, fetchedBeforeUse };
}

test('site-wide search: a hiragana query finds the policy written in katakana, exact name first', async () => {
  const r = await siteSearch('ja', 'あうとりーち');
  try {
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.fetchedBeforeUse, [], 'no index is loaded before the search is used');
    assert.deepEqual(r.shards.map(u => u.replace(/^.*\/ja\//, '')), ['setagaya/search-index.json'],
                     'searching from a plan loads that plan\'s index only');
    const policy = r.hits.find(h => /\/policies\/1-1-3\.html$/.test(h.href));
    assert.ok(policy, `policy 1-1-3 (アウトリーチ) among ${JSON.stringify(r.hits.slice(0, 5))}`);
    await r.page.goto(site.url('ja/search.html?q=' + encodeURIComponent('ｱｳﾄﾘｰﾁ')));  // half-width katakana
    await r.page.waitForFunction(() => document.querySelectorAll('#ss-results li').length > 0);
    assert.ok((await r.page.getAttribute('#ss-results li a', 'href')).length > 0);
    // An exact policy name ranks first, across every plan.
    await r.page.goto(site.url('ja/search.html?q=' + encodeURIComponent('福祉サービス')));
    await r.page.waitForFunction(() => document.querySelectorAll('#ss-results li').length > 0);
    assert.match(await r.page.getAttribute('#ss-results li a', 'href'), /setagaya\/policies\/1-3-1\.html$/);
  } finally { await r.ctx.close(); }
});

test('site-wide search: an English query, in any case and with accents, finds the policy', async () => {
  const r = await siteSearch('en', 'MULTI-LAYERED SUPPORT SYSTEM: PARTICIPATIÓN SUPPORT', { width: 1280, from: 'en/index.html' });
  try {
    assert.deepEqual(r.errors, []);
    assert.ok(r.hits.length > 0);
    assert.match(r.hits[0].href, /setagaya\/policies\/1-1-4\.html$/, JSON.stringify(r.hits.slice(0, 3)));
    assert.ok(r.shards.length >= 4, 'searching from the home page searches every plan');
    await r.page.click('#ss-results li a');
    await r.page.waitForURL(/policies\/1-1-4\.html$/);
    // Past its download budget an all-plans search loads no index: it
    // matches plan names and asks the reader to pick a plan.
    await r.page.goto(site.url('en/search.html'));
    await r.page.evaluate(() => document.getElementById('site-search').setAttribute('data-budget', '10'));
    const before = site.requests.length;
    await r.page.fill('#ss-q', 'setagaya');
    await r.page.press('#ss-q', 'Enter');
    await r.page.waitForFunction(() => /Choose a plan/.test(document.querySelector('#ss-status').textContent));
    assert.deepEqual(site.requests.slice(before).filter(u => u.endsWith('search-index.json')), []);
    assert.match(await r.page.textContent('#ss-results li a'), /Setagaya City/);
  } finally { await r.ctx.close(); }
});

// axe-core in the page, as sitecheck runs it: serious and critical violations
// of WCAG 2.x A/AA rules fail.
const FAIL_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const axeSource = () => fs.readFileSync(require.resolve('axe-core/axe.min.js', { paths: [__dirname] }), 'utf8');
const PAGES = [
  'index.html', 'ja/index.html', 'ja/search.html?q=%E3%81%91%E3%81%82', 'ja/setagaya/index.html', 'ja/setagaya/council.html',
  'ja/setagaya/policies/1-1-3.html', 'ja/setagaya/indicators/1-1-1/o3.html', 'ja/setagaya/lists/grade-c.html',
  'ja/setagaya/search.html', 'ja/setagaya/how-to-read.html', 'ja/suginami/index.html', 'ja/suginami/indicators/14/o1.html',
  'ja/suginami/projects/rev15-4.html', 'ja/nerima/index.html', 'en/index.html', 'en/setagaya/index.html',
  'en/setagaya/council.html', 'en/setagaya/policies/1-1-1.html', 'en/search.html?q=support', 'en/suginami/index.html',
];
// The light scheme is checked on every page by sitecheck (scripts/test-site).
for (const scheme of ['dark']) {
  test(`${scheme} colour scheme passes axe (contrast included) on the main pages`, async () => {
    requireModule('axe-core');
    const source = axeSource();
    const ctx = await site.context({ dark: scheme === 'dark' });
    try {
      const failures = [];
      for (const rel of PAGES) {
        const page = await ctx.newPage();
        await page.goto(site.url(rel), { waitUntil: 'load' });
        if (rel.includes('search.html?q=')) await page.waitForFunction(() => document.querySelectorAll('#ss-results li').length > 0);
        const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
        assert.equal(dark, scheme === 'dark');
        await page.evaluate(source);
        const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
        for (const v of result.violations)
          if (['serious', 'critical'].includes(v.impact) && v.tags.some(t => FAIL_TAGS.includes(t)))
            failures.push(`${rel}: ${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 2).map(n => n.target.join(' ')).join(', ')}`);
        await page.close();
      }
      assert.deepEqual(failures, []);
    } finally { await ctx.close(); }
  });
}

test('dark mode really is dark, and a grade badge keeps its words', async () => {
  const { ctx, page } = await open('ja/setagaya/policies/1-1-3.html', { width: 390, dark: true });
  try {
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = bg.match(/\d+/g).map(Number);
    assert.ok(r + g + b < 150, `dark body background, got ${bg}`);
    const words = await page.$$eval('.grade-badge', badges => badges.map(b => b.textContent.trim()));
    assert.ok(words.some(w => /^D\s*進捗なし$/.test(w)), JSON.stringify(words));
  } finally { await ctx.close(); }
});

test('chart text is at least 12 CSS px on a 390 px screen, the unit is on the axis, bars are patterned', async () => {
  const { ctx, page } = await open('ja/suginami/indicators/14/o1.html', { width: 390 });
  try {
    const sizes = await page.$$eval('svg.chart text', texts => texts.map(t => {
      const svg = t.ownerSVGElement;
      return { text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * svg.getScreenCTM().a };
    }));
    assert.ok(sizes.length > 5);
    const small = sizes.filter(s => s.px < 12);
    assert.deepEqual(small, []);
    assert.match(await page.textContent('svg.chart .chart-unit'), /単位：/);
    await page.goto(site.url('ja/setagaya/index.html'));
    const bar = await page.$$eval('svg.grade-bar', svgs => svgs.map(svg => ({
      texts: [...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * svg.getScreenCTM().a),
      patterned: [...svg.querySelectorAll('rect[fill^="url(#"]')].length,
      narrowest: Math.min(...[...svg.querySelectorAll('rect.seg')].map(r => r.getBoundingClientRect().width)),
    })));
    for (const b of bar) {
      assert.ok(b.texts.every(px => px >= 12), JSON.stringify(b));
      assert.ok(b.narrowest >= 8, `every segment can be seen: ${JSON.stringify(b)}`);
    }
    assert.ok(bar.some(b => b.patterned >= 3));
    // Every grade in the bar is named in its key, however narrow its segment.
    const key = await page.$$eval('.grade-chart .bar-key li', lis => lis.map(li => li.textContent));
    assert.ok(key.some(k => /D 進捗なし/.test(k)), JSON.stringify(key));
  } finally { await ctx.close(); }
});

test('a single year of data is shown as figures, not as a one-point chart', async () => {
  const { ctx, page } = await open('ja/setagaya/indicators/1-1-1/o3.html', { width: 390 });
  try {
    assert.equal(await page.$$eval('svg.chart', s => s.length), 0);
    const cards = await page.$$eval('.figure-cards dt', dts => dts.map(d => d.textContent));
    assert.ok(cards.includes('目標（当初計画）') && cards.includes('実績'), JSON.stringify(cards));
  } finally { await ctx.close(); }
});

test('plans without actuals say so: no evaluation wording, no zero cards', async () => {
  for (const [rel, said, unsaid] of [
    ['ja/suginami/index.html', /実績は未公表/, /令和6年度の評価|評価した指標/],
    ['en/suginami/index.html', /not yet published/, /Evaluation of FY2024|Graded indicators/],
    ['ja/index.html', /杉並区[\s\S]*実績は未公表/, /杉並区[^。]*令和6年度の評価/],
    ['en/nerima/index.html', /not yet published/, /Evaluation of FY2024/],
  ]) {
    const { ctx, page } = await open(rel);
    try {
      const text = await page.textContent('main');
      assert.match(text, said, rel);
      assert.doesNotMatch(text, unsaid, rel);
      if (!rel.endsWith('/index.html') || rel.split('/').length > 2) assert.equal(await page.$$eval('main .count-list', l => l.length), 0, rel);
    } finally { await ctx.close(); }
  }
});

test('the council page lists every below-target indicator with rate, grade, reason, division and link', async () => {
  const data = JSON.parse(fs.readFileSync(path.join(SITE, 'ja/setagaya/downloads/data.json'), 'utf8'));
  const below = data.indicators.filter(i => i.result && ['C', 'D'].includes(i.result.grade));
  assert.ok(below.length > 0);
  assert.ok(below.every(i => i.result.reason !== undefined), 'data.json carries the reason');
  const { ctx, page } = await open('ja/setagaya/index.html', { width: 1280 });
  try {
    await page.click('ul.actions a[href$="council.html"]');
    await page.waitForURL(/council\.html$/);
    const rows = await page.$$eval('.council-row', lis => lis.map(li => ({
      grade: li.querySelector('.grade').textContent,
      rate: li.querySelector('.council-figures').textContent,
      reason: li.querySelector('.council-reason').textContent,
      href: li.querySelector('a').getAttribute('href'),
    })));
    assert.equal(rows.length, below.length);
    for (const i of below) {
      const row = rows.find(r => r.href.endsWith(`indicators/${i.policy}/${i.id}.html`));
      assert.ok(row, `${i.policy}/${i.id} listed`);
      assert.equal(row.grade, i.result.grade);
      assert.ok(row.rate.includes(String(i.result.rate)), `${row.rate} has ${i.result.rate}`);
      if (i.result.reason) assert.ok(row.reason.includes(i.result.reason.slice(0, 20)));
    }
    assert.ok(await page.$$eval('.council-policy .meta', m => m.every(x => x.textContent.includes('担当所管課'))));
    // Printed: city, plan, year, address and date on the paper, header cells whole.
    const pdf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hyoka-print-')), 'council.pdf');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: pdf, format: 'A4', displayHeaderFooter: false });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const want of ['世田谷区', '世田谷区地域保健医療福祉総合計画', '令和6年度', 'ja/setagaya/council.html', '最終更新日'])
      assert.ok(text.includes(want), `printed page has ${want}`);
  } finally { await ctx.close(); }
});

test('a printed policy page keeps Japanese header cells whole', async () => {
  const { ctx, page } = await open('ja/setagaya/policies/1-1-3.html', { width: 1280 });
  try {
    await page.emulateMedia({ media: 'print' });
    const heads = await page.$$eval('.indicator-table thead th', ths => ths.map(th => {
      const range = document.createRange();
      range.selectNodeContents(th);
      const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
      return { text: th.textContent.trim(), lines: lines.size };
    }));
    for (const h of heads) assert.ok(h.lines <= 2, `${h.text} wraps onto ${h.lines} lines`);
  } finally { await ctx.close(); }
});

// Marks such as ※1 must be explained on the page that shows them: in its
// notes block, by a note that starts with the mark itself (※1 工事は…), or
// as the glossary's own entry. The About section quotes the source's marks.
test('every ※ on a page resolves on that page; no internal ids are shown', () => {
  const files = [];
  const walk = dir => fs.readdirSync(dir, { withFileTypes: true }).forEach(e => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p); else if (p.endsWith('.html')) files.push(p);
  });
  walk(SITE);
  const problems = [];
  const strip = html => html.replace(/<(script|style|title)[\s\S]*?<\/\1>/g, '').replace(/<section[^>]*about-data[\s\S]*?<\/section>/, '');
  const text = html => html.replace(/<[^>]+>/g, '\n').replace(/&amp;/g, '&').normalize('NFKC');
  for (const file of files) {
    const html = strip(fs.readFileSync(file, 'utf8'));
    const notes = (html.match(/<section[^>]*footnotes-block[\s\S]*?<\/section>/) || [''])[0];
    const glossary = (html.match(/<dl class="glossary">[\s\S]*?<\/dl>/) || [''])[0];
    const defined = new Set([...text(notes + glossary).matchAll(/※\d+/g)].map(m => m[0]));
    const body = text(html.replace(notes, '').replace(glossary, ''));
    for (const line of body.split('\n')) {
      if (/^\s*※\d+\s/.test(line)) { defined.add(line.trim().match(/^※\d+/)[0]); }
    }
    for (const m of body.matchAll(/※\d+/g))
      if (!defined.has(m[0])) problems.push(`${path.relative(SITE, file)}: ${m[0]} in “${body.slice(Math.max(0, m.index - 12), m.index + 8).replace(/\s+/g, ' ')}”`);
    if (/\brev15\b/.test(body)) problems.push(`${path.relative(SITE, file)}: shows the internal id rev15`);
  }
  assert.deepEqual(problems.slice(0, 20), []);
});

test('footer: last-updated date, publisher, licence; English pages say the Japanese prevails', async () => {
  const { ctx, page } = await open('en/setagaya/policies/1-1-1.html', { width: 390 });
  try {
    const footer = await page.textContent('footer');
    assert.match(footer, /Last updated\s*4 December 2026/);
    assert.match(footer, /Published by\s*Setagaya City/);
    assert.match(footer, /CC BY 4\.0/);
    assert.equal(await page.getAttribute('footer a[rel="license"]', 'href'), 'https://creativecommons.org/licenses/by/4.0/');
    assert.match(await page.textContent('.translation-notice'), /Japanese prevails/);
    await page.goto(site.url('en/setagaya/index.html'));
    assert.match(await page.getAttribute('#about ~ p a[rel="external"], .about-data a[rel="external"]', 'href'), /^https:\/\/www\.city\.setagaya\.lg\.jp\//);
  } finally { await ctx.close(); }
});
