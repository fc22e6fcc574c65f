// Progressive enhancement only: every page works without this file.
// - <plan>/search.html: filter the rows by text (Japanese substring), type, area, grade, division
//   (without JavaScript the page links static lists per grade and per area instead)
// - search.html (site-wide): loads each plan's index (<plan>/search-index.json)
//   only when a query is made, and only the plans searched
// - tables marked data-sortable: sort by clicking a column header
(function () {
  'use strict';

  // Full-width → half-width (NFKC), lower case, accents dropped (é → e; the
  // kana voicing marks are not in that range), katakana → hiragana, so that
  // ソウダン, そうだん and ｿｳﾀﾞﾝ all match, and Café, CAFE and cafe; substring
  // search needs no word segmentation.
  function norm(s) {
    s = (s || '').normalize('NFKC').toLowerCase();
    s = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
    return s.replace(/[\u30a1-\u30f6]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0x60); });
  }
  function words(q) { return norm(q).split(/\s+/).filter(Boolean); }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }

  function setupSearch() {
    var form = document.getElementById('filters');
    var table = document.getElementById('search-results');
    if (!form || !table) return;
    form.hidden = false;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    rows.forEach(function (r) { r._text = norm(r.getAttribute('data-text')); });
    var count = document.getElementById('result-count');
    var params = new URLSearchParams(location.search);
    ['q', 'type', 'area', 'grade', 'division'].forEach(function (name) {
      if (params.get(name) && form.elements[name]) form.elements[name].value = params.get(name);
    });
    function apply() {
      var terms = words(form.elements.q.value);
      var type = form.elements.type.value, area = form.elements.area.value;
      var grade = form.elements.grade.value, division = form.elements.division.value;
      var shown = 0;
      rows.forEach(function (r) {
        var ok = terms.every(function (w) { return r._text.indexOf(w) >= 0; }) &&
          (!type || r.getAttribute('data-type') === type) &&
          (!area || r.getAttribute('data-area') === area) &&
          (!grade || r.getAttribute('data-grade') === grade) &&
          (!division || r.getAttribute('data-divisions').indexOf(' ' + division + ' ') >= 0);
        r.hidden = !ok;
        if (ok) shown++;
      });
      count.textContent = count.getAttribute('data-template').replace('{n}', shown);
    }
    form.addEventListener('input', apply);
    form.addEventListener('change', apply);
    form.addEventListener('submit', function (e) { e.preventDefault(); apply(); });
    apply();
  }

  // The site-wide search. Each plan's index is one file, fetched the first
  // time that plan is searched: a reader who never searches downloads none,
  // and one who searches one plan downloads that plan's only.
  function setupSiteSearch() {
    var form = document.getElementById('site-search');
    var list = document.getElementById('ss-results');
    var status = document.getElementById('ss-status');
    if (!form || !list || !status) return;
    var types = JSON.parse(status.getAttribute('data-types'));
    var select = form.elements.plan;
    var shards = {};  // plan id → promise of its index
    var params = new URLSearchParams(location.search);
    form.elements.q.value = params.get('q') || '';
    if (params.get('plan')) select.value = params.get('plan');

    function load(option) {
      var id = option.value;
      if (!shards[id]) {
        shards[id] = fetch(option.getAttribute('data-shard'))
          .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
          .then(function (shard) {
            shard.items.forEach(function (it) {
              var policy = shard.policies[it[3]];
              it.name = norm(it[2]);
              it.all = norm([it[1], it[2], policy.join(' '), it[6]].join(' '));
              it.context = it[0] === 'policy' ? '' : policy[0] + ' ' + policy[1];
            });
            return shard;
          });
      }
      return shards[id];
    }

    // Exact name first, then names that start with the query, then names
    // that contain every word, then matches in the policy, area or division.
    function rank(it, q, terms) {
      if (it.name === q || norm(it[1]) === q) return 0;
      if (it.name.indexOf(q) === 0) return 1;
      if (terms.every(function (w) { return it.name.indexOf(w) >= 0; })) return 2;
      if (terms.every(function (w) { return it.all.indexOf(w) >= 0; })) return 3;
      return -1;
    }

    var generation = 0;
    function run(push) {
      var query = form.elements.q.value.trim();
      var q = norm(query), terms = words(query);
      var mine = ++generation;
      if (push) history.replaceState(null, '', '?' + new URLSearchParams({ q: query, plan: select.value }).toString());
      list.textContent = '';
      if (!terms.length) { status.textContent = ''; return; }
      status.textContent = status.getAttribute('data-loading');
      var options = Array.prototype.filter.call(select.options, function (o) { return o.value && (!select.value || o.value === select.value); });
      var rows = options.reduce(function (n, o) { return n + Number(o.getAttribute('data-items')); }, 0);
      if (rows > Number(form.getAttribute('data-budget'))) {
        // Too many plans to download every index: match the plans' names and
        // ask the reader to search one of them.
        options.filter(function (o) { return terms.every(function (w) { return norm(o.textContent).indexOf(w) >= 0; }); })
          .forEach(function (o) {
            var li = document.createElement('li'), a = document.createElement('a');
            a.href = '?' + new URLSearchParams({ q: query, plan: o.value }).toString();
            a.textContent = o.textContent;
            li.appendChild(a);
            list.appendChild(li);
          });
        status.textContent = fill(status.getAttribute('data-pick'), { q: query });
        return;
      }
      Promise.all(options.map(load)).then(function (loaded) {
        if (mine !== generation) return;
        var hits = [];
        loaded.forEach(function (shard) {
          shard.items.forEach(function (it, order) {
            var score = rank(it, q, terms);
            if (score >= 0) hits.push({ it: it, shard: shard, score: score, order: order });
          });
        });
        hits.sort(function (a, b) { return a.score - b.score || a.order - b.order; });
        hits.slice(0, 200).forEach(function (h) {
          var li = document.createElement('li');
          var a = document.createElement('a');
          a.href = h.shard.folder + h.it[4];
          a.textContent = types[h.it[0]] + ' ' + (h.it[1] ? h.it[1] + ' ' : '') + h.it[2];
          li.appendChild(a);
          var meta = document.createElement('span');
          meta.className = 'hit-meta';
          meta.textContent = [h.shard.city, h.it.context, h.it[5]].filter(Boolean).join(' · ');
          li.appendChild(meta);
          list.appendChild(li);
        });
        status.textContent = fill(status.getAttribute(hits.length ? 'data-count' : 'data-none'), { n: hits.length, q: query });
      }).catch(function () {
        if (mine === generation) status.textContent = status.getAttribute('data-failed');
      });
    }
    var timer;
    form.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(function () { run(true); }, 200); });
    form.addEventListener('change', function () { run(true); });
    form.addEventListener('submit', function (e) { e.preventDefault(); run(true); });
    run(false);
  }

  function cellKey(row, i) {
    var cell = row.cells[i];
    var text = cell ? cell.textContent.trim() : '';
    var n = parseFloat(text.replace(/,/g, ''));
    return isNaN(n) ? { n: null, t: text } : { n: n, t: text };
  }

  function setupSort(table) {
    var head = table.tHead && table.tHead.rows[0];
    if (!head) return;
    Array.prototype.forEach.call(head.cells, function (th, i) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener('click', function () {
        var asc = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(head.cells, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellKey(a, i), y = cellKey(b, i), c;
          if (x.n !== null && y.n !== null) c = x.n - y.n;
          else c = x.t.localeCompare(y.t, document.documentElement.lang, { numeric: true });
          return asc ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    setupSearch();
    setupSiteSearch();
    Array.prototype.forEach.call(document.querySelectorAll('table[data-sortable]'), setupSort);
  });
})();
