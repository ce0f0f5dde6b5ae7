/* Proposals: pending changes with evidence and Approve / Reject (reason required), rollback, decided changes. */
'use strict';

EL.views.proposals = {
  drafts: {},
  messages: [],

  async render(root) {
    this.root = root;
    await this.refresh();
  },

  async refresh() {
    this.saveDrafts();
    const data = await EL.api('/api/proposals');
    document.getElementById('pending-badge').textContent = data.pending.length || '';
    const root = EL.clear(this.root);
    root.append(EL.el('div', { id: 'decision-message' }, this.messages.map(m => EL.el('p', { class: 'notice' + (m.error ? ' error' : ''), text: m.text }))));
    root.append(EL.el('h2', {}, `Pending proposals (${data.pending.length}) `,
      EL.el('span', { class: 'muted', id: 'proposals-library-version', text: `library version ${data.libraryVersion}` })));
    if (!EL.mayDecide()) root.append(EL.el('p', { class: 'notice', text: 'You are logged in as a viewer: you can read proposals but not decide them.' }));
    if (!data.pending.length) root.append(EL.el('p', { class: 'muted', id: 'no-pending', text: 'Nothing awaits a decision.' }));
    data.pending.forEach(p => root.append(this.pendingCard(p)));
    root.append(this.rollbackPanel(data));
    root.append(EL.el('div', { class: 'panel' }, EL.el('h2', { text: 'Decided' }), EL.table([
      { key: 'id', title: 'Change', value: d => d.change.id },
      { key: 'kind', title: 'Kind', value: d => d.change.kind },
      { key: 'pattern', title: 'Pattern', cell: d => d.change.patternId ? EL.el('a', { href: '#pattern/' + encodeURIComponent(d.change.patternId), text: d.change.patternId }) : '-' },
      { key: 'status', title: 'Status', cell: d => EL.pill(d.change.status) },
      { key: 'who', title: 'Decided by', value: d => d.change.decision ? d.change.decision.actor : (d.change.status === 'AUTO_APPLIED' ? d.change.proposedBy : '-') },
      { key: 'when', title: 'When', value: d => EL.time(d.change.decision ? d.change.decision.decidedAt : d.change.updatedAt) },
      { key: 'why', title: 'Reason', value: d => d.change.decision ? d.change.decision.reason : (d.change.statusReason || '-') },
      { key: 'lib', title: 'Library', value: d => d.change.libraryVersionAfter ? `v${d.change.libraryVersionBefore} → v${d.change.libraryVersionAfter}` : '-' },
    ], data.decided, { id: 'decided-table', empty: 'no decided changes yet' })));
    this.restoreDrafts();
  },

  pendingCard(p) {
    const c = p.change;
    const e = c.evidence;
    const card = EL.el('div', { class: 'panel proposal', dataset: { id: c.id } },
      EL.el('div', { class: 'head' }, EL.el('h3', { text: c.id }), EL.pill(c.kind), EL.pill(c.severity),
        c.patternId ? EL.el('a', { href: '#pattern/' + encodeURIComponent(c.patternId), text: c.patternId }) : null,
        EL.el('span', { class: 'muted', text: `proposed by ${c.proposedBy} at ${EL.time(c.proposedAt)}` })),
      EL.el('p', { text: c.summary }),
      EL.el('div', { class: 'grid2' },
        EL.el('div', {}, EL.facts([
          ['n', String(e.n)], ['Hit rate [CI]', EL.interval(e.hitRate, e.lower, e.upper)],
          ['p / q', EL.num(e.pValue, 4) + ' / ' + EL.num(e.qValue, 4)],
          ['Recent window', e.recentRate === null ? '-' : `${EL.pct(e.recentRate)} (n ${e.recentN})`],
          ['Prior window', e.priorRate === null ? '-' : `${EL.pct(e.priorRate)} (n ${e.priorN})`],
          ['Out of sample', e.outOfSample || '-'],
          ...Object.entries(e.details || {})])),
        EL.el('div', {}, this.evidenceChart(e),
          p.rule ? EL.el('div', {}, EL.el('div', { class: 'muted', text: 'Proposed rule' }), EL.el('pre', { text: p.rule.text })) : null)));
    if (p.awaiting.length) {
      const last = p.awaiting[p.awaiting.length - 1];
      card.append(EL.el('p', { class: 'notice awaiting', text: `${last.action} sent by ${last.actor} at ${EL.time(last.decidedAt)} (${last.reason}); waiting for the keeper to apply it.` }));
      return card;
    }
    const reason = EL.el('textarea', { class: 'reason', placeholder: 'Reason (required; recorded with your name)', maxlength: 2000, dataset: { id: c.id } });
    const approve = EL.el('button', EL.decideAttrs({ class: 'approve', text: 'Approve' }));
    const reject = EL.el('button', EL.decideAttrs({ class: 'reject danger', text: 'Reject' }));
    const act = (verb) => this.decide(c.id, verb, reason, [approve, reject]);
    approve.addEventListener('click', () => act('approve'));
    reject.addEventListener('click', () => act('reject'));
    card.append(EL.el('div', { class: 'decide' }, reason, approve, reject));
    return card;
  },

  async decide(id, verb, reasonBox, buttons) {
    const reason = reasonBox.value.trim();
    if (!reason) {
      this.say(`Write why you ${verb} ${id}: a decision needs a reason.`, true);
      reasonBox.focus();
      return;
    }
    buttons.forEach(b => { b.disabled = true; b.dataset.busy = ''; });
    try {
      const receipt = await EL.post(`/api/proposals/${encodeURIComponent(id)}/${verb}`, { reason });
      delete this.drafts[id];
      this.say(`${receipt.action} of ${receipt.changeId} sent as ${receipt.actor} (approvals offset ${receipt.offset}); the keeper applies it and the library version changes when it does.`);
    } catch (e) {
      this.say(`${verb} of ${id} refused: ${e.message}`, true);
    }
    await this.refresh();
  },

  rollbackPanel(data) {
    const panel = EL.el('div', { class: 'panel', id: 'rollback' }, EL.el('h2', { text: 'Roll back the library' }));
    const earlier = data.versions.filter(v => v.version < data.libraryVersion);
    const choices = new Map();
    if (data.libraryVersion > 1) {
      for (let v = 1; v < data.libraryVersion; v++) choices.set(v, `v${v}`);
      earlier.forEach(v => choices.set(v.version, `v${v.version}: ${v.kind} ${v.summary}`.slice(0, 90)));
    }
    if (!choices.size) {
      panel.append(EL.el('p', { class: 'muted', text: `The library is at version ${data.libraryVersion}; there is no earlier version.` }));
      return panel;
    }
    const select = EL.el('select', { id: 'rollback-version' }, [...choices.entries()].sort((a, b) => b[0] - a[0]).map(([v, text]) => EL.el('option', { value: v, text })));
    const reason = EL.el('textarea', { class: 'reason', id: 'rollback-reason', placeholder: 'Reason (required)', dataset: { id: '__rollback' } });
    const button = EL.el('button', EL.decideAttrs({ class: 'danger', id: 'rollback-submit', text: 'Roll back' }));
    button.addEventListener('click', async () => {
      const why = reason.value.trim();
      if (!why) { this.say('Write why you roll back: a decision needs a reason.', true); return; }
      button.disabled = true;
      button.dataset.busy = '';
      try {
        const receipt = await EL.post('/api/rollback', { version: Number(select.value), reason: why });
        delete this.drafts.__rollback;
        this.say(`Rollback to version ${receipt.targetLibraryVersion} sent as ${receipt.changeId} by ${receipt.actor}.`);
      } catch (e) {
        this.say('Rollback refused: ' + e.message, true);
      }
      await this.refresh();
    });
    panel.append(EL.el('div', { class: 'decide' }, EL.el('label', {}, 'Version', select), reason, button));
    return panel;
  },

  evidenceChart(e) {
    if (e.hitRate === null && e.recentRate === null) return null;
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    const width = 320; const rows = [];
    if (e.hitRate !== null) rows.push(['hit rate', e.hitRate, e.lower, e.upper, '#2962ff']);
    if (e.priorRate !== null) rows.push(['prior', e.priorRate, null, null, '#8a94a3']);
    if (e.recentRate !== null) rows.push(['recent', e.recentRate, null, null, '#d64541']);
    const height = 18 + rows.length * 22;
    svg.setAttribute('width', width); svg.setAttribute('height', height); svg.setAttribute('class', 'evidence-svg');
    const x = v => 60 + v * (width - 90);
    const add = (tag, attrs, text) => { const n = document.createElementNS(ns, tag); Object.entries(attrs).forEach(([k, v]) => n.setAttribute(k, v)); if (text) n.textContent = text; svg.append(n); };
    [0, 0.5, 1].forEach(t => { add('line', { x1: x(t), x2: x(t), y1: 4, y2: height - 14, stroke: '#dde2e8' }); add('text', { x: x(t), y: height - 2, 'font-size': 10, fill: '#5f6b7a', 'text-anchor': 'middle' }, (t * 100) + '%'); });
    rows.forEach(([label, v, lo, hi, color], i) => {
      const y = 14 + i * 22;
      add('text', { x: 0, y: y + 4, 'font-size': 11, fill: '#5f6b7a' }, label);
      if (lo !== null && hi !== null) add('line', { x1: x(lo), x2: x(hi), y1: y, y2: y, stroke: color, 'stroke-width': 3, 'stroke-opacity': 0.35 });
      add('circle', { cx: x(v), cy: y, r: 4.5, fill: color });
    });
    return svg;
  },

  say(text, error) {
    this.messages = [{ text, error: !!error }];
    const box = document.getElementById('decision-message');
    if (box) { EL.clear(box).append(EL.el('p', { class: 'notice' + (error ? ' error' : ''), text })); }
  },

  saveDrafts() {
    document.querySelectorAll('textarea.reason').forEach(t => { if (t.value) this.drafts[t.dataset.id] = t.value; });
  },

  restoreDrafts() {
    document.querySelectorAll('textarea.reason').forEach(t => { if (this.drafts[t.dataset.id]) t.value = this.drafts[t.dataset.id]; });
  },

  leave() { this.saveDrafts(); this.messages = []; },
};
