// Progressive enhancement only: every page works without this file.
// - search.html: filter the rows by text (Japanese substring), type, area, grade, division
// - tables marked data-sortable: sort by clicking a column header
(function () {
  'use strict';

  // Full-width → half-width (NFKC), lower case, katakana → hiragana, so that
  // ソウダン, そうだん and ｿｳﾀﾞﾝ all match; substring search needs no word segmentation.
  function norm(s) {
    s = (s || '').normalize('NFKC').toLowerCase();
    return s.replace(/[\u30a1-\u30f6]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0x60); });
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
      var words = norm(form.elements.q.value).split(/\s+/).filter(Boolean);
      var type = form.elements.type.value, area = form.elements.area.value;
      var grade = form.elements.grade.value, division = form.elements.division.value;
      var shown = 0;
      rows.forEach(function (r) {
        var ok = words.every(function (w) { return r._text.indexOf(w) >= 0; }) &&
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
    Array.prototype.forEach.call(document.querySelectorAll('table[data-sortable]'), setupSort);
  });
})();
