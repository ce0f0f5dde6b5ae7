/* edgeloop admin: the shared core of the dashboard (API calls, session, DOM helpers, formats, router, live status).
   Plain browser JavaScript, no build step. Views register in EL.views and render into #view. */
'use strict';

const EL = {
  session: null,
  views: {},
  current: { tab: null, arg: null, view: null },
  lastUpdates: null,
  statusFailures: 0,
};

/* ---- DOM helpers: text is always set as text, never parsed as HTML ---- */
EL.el = function (tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
};
EL.clear = function (node) { while (node.firstChild) node.removeChild(node.firstChild); return node; };
EL.pill = (text) => EL.el('span', { class: 'pill ' + (text || ''), text: text || '-' });

/* ---- formats ---- */
EL.num = (x, digits = 2) => (x === null || x === undefined || Number.isNaN(x)) ? '-' : Number(x).toFixed(digits);
EL.pct = (x, digits = 1) => (x === null || x === undefined) ? '-' : (100 * x).toFixed(digits) + '%';
EL.rate = (r) => (!r || r.rate === null || r.rate === undefined) ? '-'
  : `${EL.pct(r.rate)} [${EL.pct(r.lower)}–${EL.pct(r.upper)}]`;
EL.interval = (rate, lower, upper) => (rate === null || rate === undefined) ? '-'
  : `${EL.pct(rate)} [${EL.pct(lower)}–${EL.pct(upper)}]`;
EL.time = (iso) => iso ? iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, 'Z') : '-';
EL.day = (iso) => iso ? iso.slice(0, 10) : '-';
EL.ago = function (iso) {
  if (!iso) return 'never';
  const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  if (s < 90) return s + ' s ago';
  if (s < 5400) return Math.round(s / 60) + ' min ago';
  if (s < 172800) return Math.round(s / 3600) + ' h ago';
  return Math.round(s / 86400) + ' d ago';
};

/* ---- API ---- */
class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}
EL.api = async function (path, options = {}) {
  const init = { credentials: 'same-origin', headers: { 'Accept': 'application/json' }, ...options };
  if (options.body !== undefined) {
    init.method = 'POST';
    init.headers['Content-Type'] = 'application/json';
    if (EL.session) init.headers['X-CSRF-Token'] = EL.session.csrfToken;
    init.body = JSON.stringify(options.body);
  }
  const response = await fetch(path, init);
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (response.status === 401 && path !== '/api/login') {
    EL.showLogin('Your session ended; log in again.');
    throw new ApiError(401, 'log in first');
  }
  if (!response.ok) throw new ApiError(response.status, (body && body.error) || response.statusText);
  return body;
};
EL.post = (path, body) => EL.api(path, { body });

/* ---- session ---- */
EL.showLogin = function (message) {
  EL.session = null;
  document.getElementById('app').hidden = true;
  document.getElementById('login').hidden = false;
  document.getElementById('login-error').textContent = message || '';
  document.getElementById('login-user').focus();
};
EL.showApp = function (session) {
  EL.session = session;
  document.getElementById('login').hidden = true;
  document.getElementById('app').hidden = false;
  document.getElementById('who').textContent = session.user + (session.role === 'VIEWER' ? ' (viewer)' : '');
  EL.route();
};
EL.mayDecide = () => EL.session && EL.session.role === 'OPERATOR';
/* Whether the last status said the view is read to its end; the server refuses decisions (503) before. */
EL.viewCurrent = false;
const NOT_CURRENT = 'Decisions wait until the admin has read the model topics to their end (see the status at the top right).';
/* Attributes of a decide button (approve, reject, roll back): enabled for an operator on a current view. */
EL.decideAttrs = (attrs) => Object.assign({ type: 'button', dataset: { decide: '' },
  disabled: !(EL.mayDecide() && EL.viewCurrent), title: EL.mayDecide() && !EL.viewCurrent ? NOT_CURRENT : null }, attrs);
/* Enables or disables every decide button on the page when the view's currency changes (not one whose request is in flight). */
EL.syncDecide = function () {
  const enabled = EL.mayDecide() && EL.viewCurrent;
  document.querySelectorAll('button[data-decide]:not([data-busy])').forEach(b => {
    b.disabled = !enabled;
    if (enabled || !EL.mayDecide()) b.removeAttribute('title'); else b.title = NOT_CURRENT;
  });
};
EL.setViewCurrent = function (current) {
  if (EL.viewCurrent === current) return;
  EL.viewCurrent = current;
  EL.syncDecide();
};

/* ---- router: #tab or #tab/arg ---- */
EL.route = async function () {
  if (!EL.session) return;
  const hash = decodeURIComponent(location.hash.replace(/^#/, '')) || 'overview';
  const slash = hash.indexOf('/');
  const tab = slash < 0 ? hash : hash.slice(0, slash);
  const arg = slash < 0 ? null : hash.slice(slash + 1);
  const view = EL.views[tab] || EL.views.overview;
  const tabName = EL.views[tab] ? (view.tab || tab) : 'overview';
  document.querySelectorAll('#tabs a').forEach(a => a.classList.toggle('active', a.dataset.tab === tabName));
  if (EL.current.view && EL.current.view.leave) EL.current.view.leave();
  EL.current = { tab, arg, view };
  const root = EL.clear(document.getElementById('view'));
  root.dataset.view = tab;
  try {
    await view.render(root, arg);
  } catch (e) {
    if (e.status !== 401) root.append(EL.el('p', { class: 'notice error', text: 'Could not load: ' + e.message }));
  }
};

/* ---- live: poll the view's status; refresh the current view when the data changed ---- */
EL.poll = async function () {
  if (!EL.session) return;
  const live = document.getElementById('live');
  const banner = document.getElementById('stale-banner');
  try {
    const status = await EL.api('/api/status');
    EL.statusFailures = 0;
    const v = status.view;
    let text; let cls = 'live';
    let warning = null;
    if (v.stale) {
      cls += ' stale';
      text = 'stale';
      warning = `Data is stale: no contact with the Kafka cluster at ${v.bootstrap} since ${v.lastContactAt ? EL.ago(v.lastContactAt) : 'startup'}`
        + (v.problem ? ` (${v.problem})` : '') + '. Figures below may be out of date.';
    } else if (!v.current) {
      // before the first catch-up, or reading the topics again after a lost connection: decisions get 503
      cls += ' loading';
      text = `loading (${v.lagRecords} records behind)`;
    } else {
      text = 'live · last record ' + EL.ago(v.lastRecordAt);
    }
    EL.setViewCurrent(v.current === true);
    live.className = cls;
    live.textContent = text;
    live.dataset.updates = v.updates;
    live.dataset.stale = v.stale;
    banner.hidden = !warning;
    banner.textContent = warning || '';
    if (EL.lastUpdates !== null && v.updates !== EL.lastUpdates && EL.current.view && EL.current.view.refresh) {
      EL.current.view.refresh();
    }
    EL.lastUpdates = v.updates;
  } catch (e) {
    if (e.status === 401) return;
    EL.statusFailures++;
    EL.setViewCurrent(false);
    live.className = 'live stale';
    live.textContent = 'stale';
    banner.hidden = false;
    banner.textContent = 'Data is stale: the dashboard cannot reach the admin server (' + e.message + ').';
  }
};

/* ---- tables ---- */
EL.table = function (columns, rows, options = {}) {
  const state = { key: options.sortKey || null, dir: options.sortDir || 1 };
  const table = EL.el('table', { id: options.id || null, class: options.class || null });
  const thead = EL.el('thead');
  const tbody = EL.el('tbody');
  const draw = () => {
    EL.clear(tbody);
    let data = rows.slice();
    if (state.key) {
      const col = columns.find(c => c.key === state.key);
      const value = col.sort || col.value || (r => r[col.key]);
      data.sort((a, b) => {
        const x = value(a); const y = value(b);
        if (x === y) return 0;
        if (x === null || x === undefined) return 1;
        if (y === null || y === undefined) return -1;
        return (x < y ? -1 : 1) * state.dir;
      });
    }
    for (const row of data) {
      const tr = EL.el('tr', options.rowAttrs ? options.rowAttrs(row) : {});
      for (const col of columns) {
        const content = col.cell ? col.cell(row) : (col.value ? col.value(row) : row[col.key]);
        tr.append(EL.el('td', { class: col.num ? 'num' : null }, content === null || content === undefined ? '-' : content));
      }
      tbody.append(tr);
    }
    if (data.length === 0) tbody.append(EL.el('tr', {}, EL.el('td', { colspan: columns.length, class: 'muted', text: options.empty || 'nothing yet' })));
  };
  const head = EL.el('tr');
  for (const col of columns) {
    const th = EL.el('th', { class: (col.num ? 'num ' : '') + (options.sortable ? 'sortable' : ''), text: col.title, dataset: { key: col.key } });
    if (options.sortable) {
      th.addEventListener('click', () => {
        state.dir = state.key === col.key ? -state.dir : (col.num ? -1 : 1);
        state.key = col.key;
        head.querySelectorAll('th').forEach(h => h.classList.remove('asc', 'desc'));
        th.classList.add(state.dir > 0 ? 'asc' : 'desc');
        draw();
      });
    }
    head.append(th);
  }
  thead.append(head);
  table.append(thead, tbody);
  draw();
  return EL.el('div', { class: 'table-wrap' }, table);
};

EL.card = (label, value, sub, id) => EL.el('div', { class: 'card' },
  EL.el('div', { class: 'label', text: label }),
  EL.el('div', { class: 'value', id: id || null }, value),
  sub ? EL.el('div', { class: 'sub' }, sub) : null);
EL.facts = (pairs) => EL.el('dl', { class: 'facts' }, pairs.flatMap(([k, v]) => [EL.el('dt', { text: k }), EL.el('dd', {}, v === null || v === undefined ? '-' : v)]));
