/* Overview: health, library, proposals, market regime, sector signals, ticker signals with search. */
'use strict';

EL.views.overview = {
  async render(root) {
    this.root = root;
    this.search = this.search || '';
    await this.refresh();
  },

  async refresh() {
    const data = await EL.api('/api/overview');
    const tickers = await EL.api('/api/signals?level=TICKER&limit=300&q=' + encodeURIComponent(this.search));
    const h = data.health;
    document.getElementById('pending-badge').textContent = h.pendingProposals || '';
    const root = EL.clear(this.root);

    const statuses = Object.entries(h.patternsByStatus).map(([s, n]) => `${n} ${s.toLowerCase()}`).join(', ') || 'no patterns';
    root.append(EL.el('div', { class: 'cards' },
      EL.card('Predictions', String(h.predictions), h.latestPrediction ? 'latest bar ' + EL.time(h.latestPrediction) : 'none yet', 'predictions-count'),
      EL.card('Outcomes', String(h.outcomes), `${h.overall.n} resolved, ${h.expired} expired`, 'outcomes-count'),
      EL.card('Hit rate', h.overall.rate === null ? '-' : EL.pct(h.overall.rate),
        h.overall.n ? `95% CI ${EL.pct(h.overall.lower)}–${EL.pct(h.overall.upper)}, n ${h.overall.n}` : 'no resolved outcomes', 'hit-rate'),
      EL.card('Library version', 'v' + h.libraryVersion, statuses, 'library-version'),
      EL.card('Pending proposals', EL.el('a', { href: '#proposals', text: String(h.pendingProposals) }), 'awaiting an operator', 'pending-count'),
      this.regimeCard(data.market)));

    const byTrigger = EL.table([
      { key: 'trigger', title: 'Trigger' },
      { key: 'predictions', title: 'Predictions', num: true },
      { key: 'n', title: 'Resolved', num: true, value: r => r.rate.n },
      { key: 'rate', title: 'Hit rate [95% CI]', num: true, value: r => EL.rate(r.rate), sort: r => r.rate.rate },
    ], h.byTrigger, { id: 'trigger-table', empty: 'no predictions yet' });
    const actions = EL.facts(Object.entries(h.byAction).map(([a, n]) => [a, String(n)]));
    root.append(EL.el('div', { class: 'grid2' },
      EL.el('div', { class: 'panel' }, EL.el('h2', { text: 'Hit rate by trigger' }), byTrigger),
      EL.el('div', { class: 'panel' }, EL.el('h2', { text: 'What was done with the calls' }),
        Object.keys(h.byAction).length ? actions : EL.el('p', { class: 'muted', text: 'no outcomes yet' }))));

    const sectors = EL.table([
      { key: 'key', title: 'Sector' },
      { key: 'label', title: 'Reading', cell: r => EL.pill(r.label) },
      { key: 'net', title: 'Net', num: true, value: r => EL.num(r.net), sort: r => r.net },
      { key: 'bullish', title: 'Bull', num: true }, { key: 'bearish', title: 'Bear', num: true },
      { key: 'neutral', title: 'Neutral', num: true },
      { key: 'breadthPct', title: 'Breadth %', num: true, value: r => EL.num(r.breadthPct, 1), sort: r => r.breadthPct },
      { key: 'time', title: 'As of', value: r => EL.time(r.time) },
    ], data.sectors, { id: 'sector-table', sortable: true, empty: 'no sector signals yet (streams-app writes them)' });
    root.append(EL.el('div', { class: 'panel' }, EL.el('h2', { text: 'Sectors' }), sectors));

    const input = EL.el('input', { id: 'ticker-search', placeholder: 'search tickers', value: this.search });
    input.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => { this.search = input.value.trim(); this.refresh().then(() => {
        const again = document.getElementById('ticker-search');
        if (again) { again.focus(); again.setSelectionRange(again.value.length, again.value.length); }
      }); }, 250);
    });
    const tickerTable = EL.table([
      { key: 'key', title: 'Ticker', cell: r => EL.el('a', { href: '#ticker/' + encodeURIComponent(r.key), text: r.key }) },
      { key: 'label', title: 'Reading', cell: r => EL.pill(r.label) },
      { key: 'net', title: 'Net', num: true, value: r => EL.num(r.net), sort: r => r.net },
      { key: 'time', title: 'As of', value: r => EL.time(r.time) },
    ], tickers, { id: 'ticker-signals', sortable: true, empty: this.search ? 'no ticker matches' : 'no ticker signals yet (streams-app writes them)' });
    root.append(EL.el('div', { class: 'panel' },
      EL.el('div', { class: 'toolbar' }, EL.el('h2', { text: `Tickers (${data.tickerSignals})` }), input), tickerTable));
  },

  regimeCard(market) {
    if (!market) return EL.card('Market regime', '-', 'no market signal yet', 'market-regime');
    const flags = market.riskFlags.length ? ' · ' + market.riskFlags.join(', ') : '';
    return EL.card('Market regime', EL.pill(market.regime || market.label),
      `breadth ${EL.num(market.breadthPct, 1)}% (${market.bullish} bull / ${market.bearish} bear / ${market.neutral} neutral), `
      + `as of ${EL.time(market.time)}${flags}`, 'market-regime');
  },
};
