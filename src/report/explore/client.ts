/**
 * The explorer page's own script, as plain JavaScript (ES2017, no modules):
 * it reads the JSON island `#explorer-data`, draws the ties, and runs the
 * search, the filters, the date slider, the keyboard and the panel. Every
 * user string reaches the page through `textContent`, `createTextNode` or
 * `setAttribute`, never as markup. Tested in headless Chromium
 * (`test/report/explore-browser.test.ts`).
 *
 * Written with `String.raw` so its regular expressions keep their
 * backslashes; it must contain no backtick, no dollar-brace and no `</`.
 */
export const EXPLORER_SCRIPT = String.raw`(function () {
'use strict';
var SVG = 'http://www.w3.org/2000/svg';
var D = JSON.parse(document.getElementById('explorer-data').textContent);
var S = D.strings;
var own = function (o, k) { return Object.prototype.hasOwnProperty.call(o, k); };
function t(key, vars) {
  var s = own(S, key) ? S[key] : key;
  if (!vars) return s;
  return s.replace(/\{(\w+)\}/g, function (m, k) { return own(vars, k) ? String(vars[k]) : m; });
}
var numberFormat = new Intl.NumberFormat(D.lang === 'sv' ? 'sv-SE' : 'en-GB');
function kindName(k) { return own(S, 'kind:' + k) ? S['kind:' + k] : (k === '' ? t('filters.noKind') : k); }
// A link's kind is the data's own word: the common English ones are said in the page's language, others as written.
function linkKindName(k) { var key = 'linkKind:' + k.toLowerCase(); return own(S, key) ? S[key] : (k === '' ? t('filters.noKind') : k); }
function el(tag, attrs, children) {
  var e = document.createElement(tag);
  if (attrs) for (var a in attrs) if (own(attrs, a)) e.setAttribute(a, attrs[a]);
  (children || []).forEach(function (c) { if (c !== null && c !== undefined) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
  return e;
}
function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); }
function fold(s) { return String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(); }

var M = D.municipalities;
var countyName = {};
D.counties.forEach(function (c) { countyName[c.code] = c.name; });
var shapes = {};
Array.prototype.forEach.call(document.querySelectorAll('#map path[data-m]'), function (p) { shapes[Number(p.getAttribute('data-m'))] = p; });
var scopeShapes = Array.prototype.filter.call(document.querySelectorAll('#map path.municipality'), function () { return true; });

var state = { d: true, s: true, county: '', actorKinds: {}, linkKinds: {}, date: null, open: null, returnFocus: null };
D.actorKinds.forEach(function (k) { state.actorKinds[k] = true; });
D.linkKinds.forEach(function (k) { state.linkKinds[k] = true; });

function partOn(p) {
  if (state.date !== null && ((p.s !== null && p.s > state.date) || (p.u !== null && p.u < state.date))) return false;
  for (var i = 0; i < p.k.length; i++) if (!state.linkKinds[p.k[i]]) return false;
  for (var j = 0; j < p.a.length; j++) if (p.a[j] !== 'municipality' && !state.actorKinds[p.a[j]]) return false;
  return true;
}
function inCounty(i) { return state.county === '' || M[i].county === state.county; }
/** The tie's strength under the filters, 0 when none of its parts is shown. */
function weightOf(tie) {
  if (!state[tie.t] || !(inCounty(tie.a) || inCounty(tie.b))) return 0;
  var on = tie.parts.filter(partOn);
  if (tie.t === 'd') return on.reduce(function (s, p) { return s + p.w; }, 0);
  var bodies = {};
  on.forEach(function (p) { bodies[p.b] = true; });
  return Object.keys(bodies).length;
}

var tieLayer = document.getElementById('ties');
var tieCount = {};
function drawTies() {
  clear(tieLayer);
  tieLayer.classList.toggle('has-focus', state.open !== null && state.open.type === 'm');
  tieCount = {};
  var shown = 0;
  D.ties.forEach(function (tie, i) {
    var w = weightOf(tie);
    if (w <= 0) return;
    shown++;
    tieCount[tie.a] = (tieCount[tie.a] || 0) + 1;
    tieCount[tie.b] = (tieCount[tie.b] || 0) + 1;
    var a = M[tie.a], b = M[tie.b];
    var dx = b.x - a.x, dy = b.y - a.y, len = Math.sqrt(dx * dx + dy * dy) || 1;
    var off = tie.t === 's' ? 1.5 : 0;
    var ox = (-dy / len) * off, oy = (dx / len) * off;
    var max = D.maxWeight[tie.t] || 1;
    var line = document.createElementNS(SVG, 'line');
    var focus = state.open !== null && state.open.type === 'm' && (tie.a === state.open.i || tie.b === state.open.i);
    line.setAttribute('class', 'tie ' + (tie.t === 'd' ? 'direct' : 'shared') + (focus ? ' focus' : ''));
    line.setAttribute('data-tie', String(i));
    line.setAttribute('x1', String(Math.round((a.x + ox) * 10) / 10));
    line.setAttribute('y1', String(Math.round((a.y + oy) * 10) / 10));
    line.setAttribute('x2', String(Math.round((b.x + ox) * 10) / 10));
    line.setAttribute('y2', String(Math.round((b.y + oy) * 10) / 10));
    line.setAttribute('stroke-width', String(Math.round((0.8 + 4 * Math.sqrt(w / max)) * 10) / 10));
    var title = document.createElementNS(SVG, 'title');
    title.textContent = a.name + ' – ' + b.name;
    line.appendChild(title);
    tieLayer.appendChild(line);
  });
  document.getElementById('status').textContent = t('status.ties', { shown: numberFormat.format(shown), total: numberFormat.format(D.ties.length) });
  M.forEach(function (m, i) {
    var p = shapes[i];
    if (!p) return;
    p.classList.toggle('dim', !inCounty(i));
    if (m.scope) p.setAttribute('aria-label', t(tieCount[i] === 1 ? 'map.shapeOne' : 'map.shape', { name: m.name, county: countyName[m.county] || m.county, ties: numberFormat.format(tieCount[i] || 0) }));
  });
}

// Filters.
function checkbox(container, label, checked, onChange) {
  var input = el('input', { type: 'checkbox' });
  input.checked = checked;
  input.addEventListener('change', function () { onChange(input.checked); update(); });
  container.appendChild(el('label', null, [input, ' ', label]));
}
var types = document.getElementById('f-types');
checkbox(types, t('filters.direct'), true, function (v) { state.d = v; });
checkbox(types, t('filters.shared'), true, function (v) { state.s = v; });
var actorKinds = document.getElementById('f-actor-kinds');
D.actorKinds.forEach(function (k) { if (k !== 'municipality') checkbox(actorKinds, kindName(k), true, function (v) { state.actorKinds[k] = v; }); });
var linkKinds = document.getElementById('f-link-kinds');
D.linkKinds.forEach(function (k) { checkbox(linkKinds, linkKindName(k), true, function (v) { state.linkKinds[k] = v; }); });
var county = document.getElementById('f-county');
county.appendChild(el('option', { value: '' }, [t('filters.allCounties')]));
D.counties.forEach(function (c) { county.appendChild(el('option', { value: c.code }, [c.name])); });
if (D.counties.length < 2) county.closest('label').hidden = true;
var map = document.getElementById('map');
var fullView = map.getAttribute('viewBox');
var fullHeight = map.getAttribute('height');
var mapWidth = Number(map.getAttribute('width'));
/** The map zoomed to the chosen county (its shapes' bounding box, with a margin; the map's height follows its shape), or the whole map. */
var labelLayer = document.getElementById('labels');
var fullWidth = Number(fullView.split(' ')[2]);
/** Names at the size they have on the whole map, whatever the zoom; on a dense map, only the zoomed county's. */
function showLabels(viewWidth) {
  labelLayer.style.fontSize = (Math.round(1000 * viewWidth / fullWidth) / 100) + 'px';
  if (!labelLayer.classList.contains('dense')) return;
  [].forEach.call(labelLayer.querySelectorAll('text'), function (text) {
    text.classList.toggle('shown', state.county !== '' && M[Number(text.getAttribute('data-m'))].county === state.county);
  });
}
function zoom() {
  map.setAttribute('viewBox', fullView);
  map.setAttribute('height', fullHeight);
  showLabels(fullWidth);
  if (state.county === '') return;
  var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  scopeShapes.forEach(function (p) {
    if (M[Number(p.getAttribute('data-m'))].county !== state.county) return;
    var b = p.getBBox();
    x0 = Math.min(x0, b.x); y0 = Math.min(y0, b.y); x1 = Math.max(x1, b.x + b.width); y1 = Math.max(y1, b.y + b.height);
  });
  if (!(x1 > x0 && y1 > y0)) return;
  var w = (x1 - x0) * 1.15, h = (y1 - y0) * 1.15;
  if (h / w > 2.2) w = h / 2.2;
  if (h / w < 0.5) h = w * 0.5;
  var cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  map.setAttribute('viewBox', [cx - w / 2, cy - h / 2, w, h].map(function (v) { return Math.round(v * 10) / 10; }).join(' '));
  map.setAttribute('height', String(Math.round(mapWidth * h / w)));
  showLabels(w);
}
county.addEventListener('change', function () { state.county = county.value; zoom(); update(); });

// The date slider: one step per date a link starts or ends on, then "all dates".
var slider = document.getElementById('date');
var dateValue = document.getElementById('date-value');
slider.max = String(D.dates.length);
slider.value = String(D.dates.length);
if (D.dates.length === 0) { slider.disabled = true; document.getElementById('date-note').textContent = t('date.none'); }
function readDate() {
  var v = Number(slider.value);
  state.date = v < D.dates.length ? D.dates[v] : null;
  var label = state.date === null ? t('date.all') : D.dateLabels[v];
  dateValue.textContent = label;
  slider.setAttribute('aria-valuetext', label);
}
slider.addEventListener('input', function () { readDate(); update(); });
readDate();

// The panel.
var panel = document.getElementById('panel');
var panelBody = document.getElementById('panel-body');
var panelTitle = document.getElementById('panel-title');
document.getElementById('panel-close').addEventListener('click', closePanel);
function section(title, items, empty) {
  return el('section', null, [el('h3', null, [title]), items.length === 0 ? el('p', { 'class': 'empty' }, [empty]) : el('ul', null, items)]);
}
function linkTo(label, action) {
  var b = el('button', { type: 'button', 'class': 'link' }, [label]);
  b.addEventListener('click', action);
  return b;
}
function facts(pairs) {
  return el('dl', { 'class': 'facts' }, pairs.reduce(function (out, p) { out.push(el('dt', null, [p[0]]), el('dd', null, [p[1]])); return out; }, []));
}
function showPanel(title, children, open) {
  var wasOpen = state.open !== null;
  state.open = open;
  if (!wasOpen) state.returnFocus = document.activeElement;
  var inside = panel.contains(document.activeElement);
  panelTitle.textContent = title;
  clear(panelBody);
  children.forEach(function (c) { panelBody.appendChild(c); });
  panel.hidden = false;
  Array.prototype.forEach.call(document.querySelectorAll('#map .selected'), function (p) { p.classList.remove('selected'); });
  if (open.type === 'm' && shapes[open.i]) shapes[open.i].classList.add('selected');
  drawTies();
  if (inside) panelTitle.focus();
}
function closePanel() {
  if (state.open === null) return;
  state.open = null;
  panel.hidden = true;
  Array.prototype.forEach.call(document.querySelectorAll('#map .selected'), function (p) { p.classList.remove('selected'); });
  drawTies();
  var back = state.returnFocus;
  state.returnFocus = null;
  if (back && typeof back.focus === 'function' && document.contains(back)) back.focus();
}
function openMunicipality(i) {
  var m = M[i];
  var ties = [];
  D.ties.forEach(function (tie) {
    if (tie.a !== i && tie.b !== i) return;
    var w = weightOf(tie);
    if (w <= 0) return;
    var other = tie.a === i ? tie.b : tie.a;
    var detail;
    var n = tie.parts.filter(partOn).reduce(function (sum, p) { return sum + p.n; }, 0);
    if (tie.t === 'd') detail = n === 1 ? t('panel.directOne') : t('panel.direct', { n: numberFormat.format(n) });
    else {
      var names = [];
      tie.parts.filter(partOn).forEach(function (p) { var n = D.actors[p.b].name; if (names.indexOf(n) < 0) names.push(n); });
      detail = t('panel.via', { bodies: names.join(', ') });
    }
    ties.push({ other: other, w: w, detail: detail, t: tie.t });
  });
  ties.sort(function (x, y) { return y.w - x.w || (M[x.other].name < M[y.other].name ? -1 : 1); });
  var actors = D.actors.map(function (a, ai) { return { a: a, ai: ai }; }).filter(function (x) { return x.a.m === i && x.a.kind !== 'municipality' && state.actorKinds[x.a.kind]; });
  var gaps = (D.gaps[i] || []).map(function (g) { return D.gapList[g]; });
  var suggestions = D.suggestions[i] || [];
  showPanel(m.name, [
    facts([[t('panel.county'), countyName[m.county] || m.county], [t('panel.population'), numberFormat.format(m.population)]].concat(m.scope ? [] : [['', t('panel.outside')]])),
    section(t('panel.ties'), ties.map(function (x) {
      return el('li', { 'class': x.t === 'd' ? 'direct' : 'shared' }, [linkTo(M[x.other].name, function () { openMunicipality(x.other); }), ' ', el('span', { 'class': 'muted' }, [x.detail])]);
    }), t('panel.noTies')),
    section(t('panel.actors'), actors.map(function (x) {
      return el('li', null, [linkTo(x.a.name, function () { openActor(x.ai); }), ' ', el('span', { 'class': 'muted' }, [kindName(x.a.kind)])]);
    }), t('panel.noActors')),
    section(t('panel.gaps'), gaps.map(function (g) {
      return el('li', null, [el('span', { 'class': 'level level-' + g.level.replace(/[^a-z]/g, '') }, [own(S, 'level.' + g.level) ? S['level.' + g.level] : g.level]), ' ', g.reason]);
    }), t('panel.noGaps')),
    section(t('panel.suggestions'), suggestions.map(function (s) {
      return el('li', null, [
        String(s.rank) + '. ',
        s.m >= 0 ? linkTo(s.name, function () { openMunicipality(s.m); }) : el('span', null, [s.name]),
        s.reasons.length === 0 ? null : el('ul', { 'class': 'reasons', 'aria-label': t('panel.reasons') }, s.reasons.map(function (r) { return el('li', null, [r]); })),
      ]);
    }), t('panel.noSuggestions')),
  ], { type: 'm', i: i });
}
function openActor(ai) {
  var a = D.actors[ai];
  if (a.kind === 'municipality' && a.m >= 0) { openMunicipality(a.m); return; }
  var partners = [];
  D.pairs.forEach(function (p) {
    var other = p[0] === ai ? p[1] : p[1] === ai ? p[0] : -1;
    if (other >= 0 && state.actorKinds[D.actors[other].kind] !== false) partners.push(other);
  });
  partners.sort(function (x, y) { return D.actors[x].name < D.actors[y].name ? -1 : 1; });
  var rows = [[t('panel.kind'), kindName(a.kind)]];
  if (a.m >= 0) rows.push([t('panel.municipality'), M[a.m].name]);
  if (a.c !== '') rows.push([t('panel.county'), countyName[a.c] || a.c]);
  showPanel(a.name, [
    facts(rows),
    a.m >= 0 ? el('p', null, [linkTo(M[a.m].name, function () { openMunicipality(a.m); })]) : null,
    section(t('panel.partners'), partners.map(function (o) {
      var p = D.actors[o];
      return el('li', null, [linkTo(p.name, function () { openActor(o); }), ' ', el('span', { 'class': 'muted' }, [kindName(p.kind)])]);
    }), t('panel.noPartners')),
  ].filter(Boolean), { type: 'a', i: ai });
}
document.addEventListener('keydown', function (e) {
  if (e.key === 'Escape' && state.open !== null) { e.preventDefault(); closePanel(); }
});

// The shapes: click, Enter or Space opens; arrow keys move between municipalities.
scopeShapes.forEach(function (p, k) {
  var i = Number(p.getAttribute('data-m'));
  p.addEventListener('focus', function () {
    scopeShapes.forEach(function (q) { if (q !== p) q.setAttribute('tabindex', '-1'); });
    p.setAttribute('tabindex', '0');
  });
  p.addEventListener('click', function () { p.focus(); state.returnFocus = p; openMunicipality(i); state.returnFocus = p; });
  p.addEventListener('keydown', function (e) {
    var next = null;
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); openMunicipality(i); state.returnFocus = p; return; }
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = scopeShapes[(k + 1) % scopeShapes.length];
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = scopeShapes[(k - 1 + scopeShapes.length) % scopeShapes.length];
    else if (e.key === 'Home') next = scopeShapes[0];
    else if (e.key === 'End') next = scopeShapes[scopeShapes.length - 1];
    if (next) { e.preventDefault(); next.focus(); }
  });
});

// Search: municipalities by name or code, actors by name or id.
var search = document.getElementById('search');
var results = document.getElementById('results');
var resultStatus = document.getElementById('search-status');
var index = M.map(function (m, i) { return { key: fold(m.name + ' ' + m.code), label: m.name, note: t('search.municipality'), open: function () { openMunicipality(i); } }; })
  .concat(D.actors.map(function (a, ai) { return { key: fold(a.name + ' ' + a.id), label: a.name, note: kindName(a.kind) + (a.m >= 0 ? ', ' + M[a.m].name : ''), kind: a.kind, open: function () { openActor(ai); } }; }).filter(function (x) { return x.kind !== 'municipality'; }));
function runSearch() {
  clear(results);
  var q = fold(search.value.trim());
  if (q === '') { resultStatus.textContent = ''; return; }
  var found = index.filter(function (x) { return x.key.indexOf(q) >= 0 && (x.kind === undefined || state.actorKinds[x.kind]); });
  resultStatus.textContent = found.length === 0 ? t('search.none') : t(found.length === 1 ? 'search.result' : 'search.results', { n: numberFormat.format(found.length) });
  found.slice(0, 30).forEach(function (x) {
    var b = linkTo(x.label, function () { x.open(); state.returnFocus = b; });
    b.appendChild(el('span', { 'class': 'muted' }, [' ' + x.note]));
    results.appendChild(el('li', null, [b]));
  });
}
search.addEventListener('input', runSearch);
search.addEventListener('keydown', function (e) {
  var first = results.querySelector('button');
  if (e.key === 'Enter' && first) { e.preventDefault(); first.click(); }
  else if (e.key === 'ArrowDown' && first) { e.preventDefault(); first.focus(); }
});
results.addEventListener('keydown', function (e) {
  var buttons = Array.prototype.slice.call(results.querySelectorAll('button'));
  var k = buttons.indexOf(document.activeElement);
  if (k < 0) return;
  if (e.key === 'ArrowDown' && k + 1 < buttons.length) { e.preventDefault(); buttons[k + 1].focus(); }
  else if (e.key === 'ArrowUp') { e.preventDefault(); (k > 0 ? buttons[k - 1] : search).focus(); }
});

function update() {
  drawTies();
  if (state.open !== null) {
    var back = state.returnFocus;
    if (state.open.type === 'm') openMunicipality(state.open.i); else openActor(state.open.i);
    state.returnFocus = back;
  }
  if (search.value.trim() !== '') runSearch();
}
document.documentElement.classList.add('js');
drawTies();
window.samverkanExplorer = { ready: true };
})();
`;
