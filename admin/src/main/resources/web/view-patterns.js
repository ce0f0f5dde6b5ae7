/* Patterns: the library table (sortable) and a pattern's page (rule, hit rate over time, revisions, change history). */
'use strict';

EL.views.patterns = {
  async render(root) {
    this.root = root;
    await this.refresh();
  },

  async refresh() {
    const data = await EL.api('/api/patterns');
    const root = EL.clear(this.root);
    root.append(EL.el('div', { class: 'panel' },
      EL.el('h2', {}, 'Pattern library ', EL.el('span', { class: 'muted', id: 'patterns-version', text: `version ${data.libraryVersion}, ${data.patterns.length} patterns` })),
      EL.table([
        { key: 'id', title: 'Pattern', cell: p => EL.el('a', { href: '#pattern/' + encodeURIComponent(p.id), text: p.id }), sort: p => p.id },
        { key: 'status', title: 'Status', cell: p => EL.pill(p.status), sort: p => p.status },
        { key: 'direction', title: 'Dir', cell: p => EL.pill(p.direction), sort: p => p.direction },
        { key: 'n', title: 'n', num: true },
        { key: 'hitRate', title: 'Hit rate [CI]', num: true, value: p => EL.interval(p.hitRate, p.lower, p.upper), sort: p => p.hitRate },
        { key: 'posteriorMean', title: 'Posterior', num: true, value: p => EL.pct(p.posteriorMean), sort: p => p.posteriorMean },
        { key: 'expectedValue', title: 'EV %', num: true, value: p => EL.num(p.expectedValue), sort: p => p.expectedValue },
        { key: 'avgMfePct', title: 'MFE %', num: true, value: p => EL.num(p.avgMfePct), sort: p => p.avgMfePct },
        { key: 'avgMaePct', title: 'MAE %', num: true, value: p => EL.num(p.avgMaePct), sort: p => p.avgMaePct },
        { key: 'version', title: 'Ver', num: true },
        { key: 'libraryVersion', title: 'Lib', num: true },
        { key: 'origin', title: 'Origin' },
      ], data.patterns, { id: 'patterns-table', sortable: true, empty: 'the library is empty (the resolver seeds it)' })));
  },
};

EL.views.pattern = {
  tab: 'patterns',

  async render(root, id) {
    this.root = root;
    this.id = id;
    await this.refresh();
  },

  leave() { if (this.chart) { this.chart.remove(); this.chart = null; } },

  async refresh() {
    const p = await EL.api('/api/patterns/' + encodeURIComponent(this.id));
    this.leave();
    const r = p.row;
    const root = EL.clear(this.root);
    root.append(EL.el('p', {}, EL.el('a', { href: '#patterns', text: '← library' })));
    root.append(EL.el('div', { class: 'panel' },
      EL.el('h2', {}, r.name + ' ', EL.pill(r.status), ' ', EL.pill(r.direction)),
      EL.el('p', { class: 'muted', text: `${r.id} · version ${r.version} (library v${r.libraryVersion}) · origin ${r.origin}` }),
      EL.el('p', { text: p.description }),
      EL.facts([['n', String(r.n)], ['Hit rate [CI]', EL.interval(r.hitRate, r.lower, r.upper)], ['Posterior mean', EL.pct(r.posteriorMean)],
        ['EV per signal', EL.num(r.expectedValue) + ' %'], ['Avg return', EL.num(r.avgReturnPct) + ' %'],
        ['Avg MFE / MAE', EL.num(r.avgMfePct) + ' / ' + EL.num(r.avgMaePct) + ' %'], ['Last outcome', EL.time(r.updatedAt)]])));
    const rule = EL.el('div', { class: 'panel' }, EL.el('h3', { text: 'Rule' }), EL.el('pre', { id: 'pattern-rule', text: p.rule.text }));
    if (p.rule.problems.length) rule.append(EL.el('p', { class: 'notice error', text: 'Invalid rule: ' + p.rule.problems.join('; ') }));
    rule.append(EL.el('details', {}, EL.el('summary', { text: 'as JSON' }), EL.el('pre', { text: JSON.stringify(p.rule.json, null, 2) })));
    const over = EL.el('div', { class: 'panel' }, EL.el('h3', { text: `Hit rate over time (${p.hitRateOverTime.length} resolved outcomes)` }));
    const box = EL.el('div', { class: 'chart small', id: 'pattern-hit-chart' });
    over.append(box);
    root.append(EL.el('div', { class: 'grid2' }, rule, over));
    if (p.hitRateOverTime.length) this.drawRate(box, p.hitRateOverTime);
    else box.append(EL.el('p', { class: 'muted', text: 'no resolved outcome matched this pattern yet' }));

    root.append(EL.el('div', { class: 'panel' }, EL.el('h3', { text: 'Revisions seen' }), EL.table([
      { key: 'version', title: 'Ver', num: true }, { key: 'libraryVersion', title: 'Lib', num: true },
      { key: 'status', title: 'Status', cell: x => EL.pill(x.status) }, { key: 'n', title: 'n', num: true },
      { key: 'rate', title: 'Hit rate [CI]', num: true, value: x => EL.interval(x.hitRate, x.lower, x.upper) },
      { key: 'updatedAt', title: 'Stats as of', value: x => EL.time(x.updatedAt) },
    ], p.revisions.slice().reverse(), { id: 'pattern-revisions' })));
    root.append(EL.el('div', { class: 'panel' }, EL.el('h3', { text: 'Change history' }), EL.table([
      { key: 'id', title: 'Change', value: c => c.id }, { key: 'kind', title: 'Kind', value: c => c.kind },
      { key: 'status', title: 'Status', cell: c => EL.pill(c.status) },
      { key: 'by', title: 'Decided by', value: c => c.decision ? c.decision.actor : (c.status === 'AUTO_APPLIED' ? c.proposedBy : '-') },
      { key: 'at', title: 'When', value: c => EL.time(c.updatedAt) },
      { key: 'versions', title: 'Library', value: c => c.libraryVersionAfter ? `v${c.libraryVersionBefore} → v${c.libraryVersionAfter}` : '-' },
      { key: 'summary', title: 'Summary', value: c => c.summary },
    ], p.changes, { id: 'pattern-changes', empty: 'no changes recorded for this pattern' })));
  },

  drawRate(box, points) {
    const byTime = new Map();
    points.forEach(pt => byTime.set(Math.floor(Date.parse(pt.time) / 1000), pt.rate));
    const series = [...byTime.entries()].sort((a, b) => a[0] - b[0]);
    const chart = LightweightCharts.createChart(box, { height: 190, layout: { attributionLogo: true }, rightPriceScale: { borderVisible: false } });
    const fmt = { type: 'percent', precision: 1, minMove: 0.1 };
    const upper = chart.addLineSeries({ color: '#9fb4ff', lineWidth: 1, lineStyle: 2, priceFormat: fmt, title: 'upper' });
    const rate = chart.addLineSeries({ color: '#2962ff', lineWidth: 2, priceFormat: fmt, title: 'hit rate' });
    const lower = chart.addLineSeries({ color: '#9fb4ff', lineWidth: 1, lineStyle: 2, priceFormat: fmt, title: 'lower' });
    upper.setData(series.map(([t, r]) => ({ time: t, value: 100 * r.upper })));
    rate.setData(series.map(([t, r]) => ({ time: t, value: 100 * r.rate })));
    lower.setData(series.map(([t, r]) => ({ time: t, value: 100 * r.lower })));
    chart.timeScale().fitContent();
    this.chart = chart;
  },
};
