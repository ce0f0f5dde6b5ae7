/* Predictions: the prediction log with outcomes, filtered by ticker, trigger, resolved, hit and action. */
'use strict';

EL.views.predictions = {
  filter: { ticker: '', trigger: '', resolved: '', hit: '', action: '', limit: '200' },

  async render(root) {
    this.root = root;
    const f = this.filter;
    const select = (name, options) => EL.el('select', { name, id: 'filter-' + name },
      options.map(([value, text]) => EL.el('option', { value, text, selected: f[name] === value })));
    const form = EL.el('form', { class: 'toolbar', id: 'prediction-filter' },
      EL.el('label', {}, 'Ticker', EL.el('input', { name: 'ticker', id: 'filter-ticker', value: f.ticker, size: 8 })),
      EL.el('label', {}, 'Trigger', select('trigger', [['', 'any'], ['STAGE_ENTER', 'stage enter'], ['STAGE_TRIM', 'stage trim'],
        ['STAGE_EXIT', 'stage exit'], ['STATE_FLIP_BULL', 'flip to bull'], ['STATE_FLIP_BEAR', 'flip to bear']])),
      EL.el('label', {}, 'Resolved', select('resolved', [['', 'any'], ['true', 'yes'], ['false', 'open']])),
      EL.el('label', {}, 'Hit', select('hit', [['', 'any'], ['true', 'hit'], ['false', 'miss']])),
      EL.el('label', {}, 'Action', select('action', [['', 'any'], ['TRADED', 'traded'], ['SKIPPED', 'skipped'], ['MISSED_OPPORTUNITY', 'missed opportunity']])),
      EL.el('label', {}, 'Rows', select('limit', [['50', '50'], ['200', '200'], ['1000', '1000'], ['5000', '5000']])),
      EL.el('button', { type: 'submit', text: 'Filter' }));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const data = new FormData(form);
      for (const key of Object.keys(this.filter)) this.filter[key] = (data.get(key) || '').toString().trim();
      this.refresh();
    });
    form.querySelectorAll('select').forEach(s => s.addEventListener('change', () => form.requestSubmit()));
    this.list = EL.el('div');
    root.append(form, this.list);
    await this.refresh();
  },

  async refresh() {
    const query = Object.entries(this.filter).filter(([, v]) => v !== '').map(([k, v]) => k + '=' + encodeURIComponent(v)).join('&');
    const data = await EL.api('/api/predictions?' + query);
    const list = EL.clear(this.list);
    list.append(EL.el('p', { class: 'muted', id: 'predictions-total', text: `${data.total} matching, showing ${data.rows.length}` }));
    const result = r => !r.outcome ? 'OPEN' : (r.outcome.hit === null ? 'EXPIRED' : (r.outcome.hit ? 'HIT' : 'MISS'));
    list.append(EL.el('div', { class: 'panel' }, EL.table([
      { key: 'bar', title: 'Bar', value: r => EL.time(r.prediction.barTime), sort: r => r.prediction.barTime },
      { key: 'ticker', title: 'Ticker', cell: r => EL.el('a', { href: '#ticker/' + encodeURIComponent(r.prediction.ticker), text: r.prediction.ticker }), sort: r => r.prediction.ticker },
      { key: 'trigger', title: 'Trigger', value: r => r.prediction.trigger },
      { key: 'change', title: 'From → to', value: r => `${r.prediction.fromValue} → ${r.prediction.toValue}` },
      { key: 'dir', title: 'Dir', cell: r => EL.pill(r.prediction.direction), sort: r => r.prediction.direction },
      { key: 'entry', title: 'Entry', num: true, value: r => EL.num(r.prediction.entryPrice), sort: r => r.prediction.entryPrice },
      { key: 'conf', title: 'Confidence', num: true, value: r => `${r.prediction.confidenceLevel} ${EL.pct(r.prediction.posteriorMean, 0)}`, sort: r => r.prediction.posteriorMean },
      { key: 'patterns', title: 'Patterns', value: r => r.prediction.matched.length ? r.prediction.matched.join(', ') : '-' },
      { key: 'result', title: 'Result', cell: r => EL.pill(result(r)), sort: r => result(r) },
      { key: 'ret', title: 'Return %', num: true, value: r => r.outcome ? EL.num(r.outcome.returnPct) : '-', sort: r => r.outcome ? r.outcome.returnPct : null },
      { key: 'mfe', title: 'MFE %', num: true, value: r => r.outcome ? EL.num(r.outcome.mfePct) : '-', sort: r => r.outcome ? r.outcome.mfePct : null },
      { key: 'mae', title: 'MAE %', num: true, value: r => r.outcome ? EL.num(r.outcome.maePct) : '-', sort: r => r.outcome ? r.outcome.maePct : null },
      { key: 'action', title: 'Action', value: r => r.outcome ? r.outcome.action : '-' },
    ], data.rows, { id: 'predictions-table', sortable: true, empty: 'no prediction matches the filter' })));
  },
};
