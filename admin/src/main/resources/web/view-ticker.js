/* Ticker: candles with prediction markers, HTF/LTF score lines with stage bands, latest snapshot and matched patterns. */
'use strict';

EL.views.ticker = {
  STAGE_COLORS: { WATCH: '#b0b8c4', SETUP: '#90caf9', ENTER: '#26a69a', HOLD: '#4db6ac', DEFEND: '#ffb74d', TRIM: '#ffa000', EXIT: '#ef5350' },
  RESULT_COLORS: { HIT: '#1e8e6e', MISS: '#d64541', OPEN: '#6b7685', EXPIRED: '#b0b8c4' },
  TRIGGER_TEXT: { STAGE_ENTER: 'ENTER', STAGE_TRIM: 'TRIM', STAGE_EXIT: 'EXIT', STATE_FLIP_BULL: 'FLIP+', STATE_FLIP_BEAR: 'FLIP-' },

  async render(root, arg) {
    this.root = root;
    const parts = (arg || '').split('@');
    this.ticker = (parts[0] || this.ticker || '').toUpperCase();
    this.interval = parts[1] || null;
    const input = EL.el('input', { id: 'ticker-input', placeholder: 'ticker, e.g. SPY', value: this.ticker });
    const go = () => { location.hash = '#ticker/' + encodeURIComponent(input.value.trim().toUpperCase()); };
    input.addEventListener('keydown', e => { if (e.key === 'Enter') go(); });
    this.intervals = EL.el('span', { class: 'legend' });
    root.append(EL.el('div', { class: 'toolbar' },
      EL.el('label', {}, 'Ticker', input), EL.el('button', { type: 'button', onclick: go, text: 'Show' }), this.intervals));
    this.body = EL.el('div');
    root.append(this.body);
    if (!this.ticker) {
      this.body.append(EL.el('p', { class: 'muted', text: 'Type a ticker, or pick one on the Overview.' }));
      return;
    }
    await this.refresh();
  },

  leave() { this.destroyCharts(); },

  destroyCharts() {
    (this.charts || []).forEach(c => c.remove());
    this.charts = [];
    this.candleSeries = null;
  },

  async refresh() {
    if (!this.ticker) return;
    const page = await EL.api('/api/tickers/' + encodeURIComponent(this.ticker) + (this.interval ? '?interval=' + encodeURIComponent(this.interval) : ''));
    const visible = this.charts && this.charts.length ? this.charts[0].timeScale().getVisibleLogicalRange() : null;
    this.destroyCharts();
    EL.clear(this.intervals);
    page.intervals.forEach(i => this.intervals.append(EL.el('a', {
      href: '#ticker/' + encodeURIComponent(page.ticker) + '@' + encodeURIComponent(i), class: 'pill' + (i === page.interval ? ' ACTIVE' : ''), text: i })));
    const body = EL.clear(this.body);
    const main = EL.el('div', { class: 'panel' });
    const side = EL.el('div');
    body.append(EL.el('div', { class: 'grid-side' }, main, side));
    main.append(EL.el('h2', {}, page.ticker + ' ', EL.el('span', { class: 'muted', text: page.interval ? `${page.interval} candles (${page.candles.length})` : 'no candles' })));
    if (!page.candles.length) {
      main.append(EL.el('p', { class: 'muted', id: 'no-candles', text: 'The candles topic holds no bars for ' + page.ticker + '.' }));
    } else {
      this.drawCharts(main, page, visible);
    }
    this.side(side, page);
  },

  drawCharts(main, page, visible) {
    const LW = window.LightweightCharts;
    const priceBox = EL.el('div', { class: 'chart', id: 'ticker-chart' });
    const scoreBox = EL.el('div', { class: 'chart small', id: 'score-chart' });
    main.append(priceBox,
      EL.el('div', { class: 'legend' }, ...Object.entries(this.RESULT_COLORS).map(([k, c]) => EL.el('span', {}, EL.el('span', { class: 'swatch', style: 'background:' + c }), k.toLowerCase())),
        EL.el('span', { text: '▲ UP call below the bar, ▼ DOWN call above it; text = trigger' })),
      scoreBox,
      EL.el('div', { class: 'legend' }, EL.el('span', {}, EL.el('span', { class: 'swatch', style: 'background:#2962ff' }), 'HTF score'),
        EL.el('span', {}, EL.el('span', { class: 'swatch', style: 'background:#ff6d00' }), 'LTF score'),
        ...Object.entries(this.STAGE_COLORS).map(([k, c]) => EL.el('span', {}, EL.el('span', { class: 'swatch', style: 'background:' + c }), k.toLowerCase()))));
    const common = { layout: { attributionLogo: true, background: { color: '#ffffff' } }, timeScale: { timeVisible: page.interval !== 'D' && page.interval !== 'W' }, rightPriceScale: { borderVisible: false } };
    const chart = LW.createChart(priceBox, { ...common, height: 430 });
    const candles = chart.addCandlestickSeries();
    candles.setData(page.candles.map(b => ({ time: b.time, open: b.open, high: b.high, low: b.low, close: b.close })));
    // A prediction before the first bar held for the chart has no bar to sit on: it is listed, not drawn.
    const first = page.candles.length ? page.candles[0].time : Infinity;
    const drawn = page.markers.filter(m => m.time >= first);
    if (drawn.length < page.markers.length) {
      const earlier = page.markers.length - drawn.length;
      priceBox.after(EL.el('p', { class: 'muted', id: 'markers-earlier',
        text: `${earlier} earlier prediction${earlier === 1 ? '' : 's'} before the chart's first bar (listed below; a longer interval reaches further back)` }));
    }
    candles.setMarkers(drawn.map(m => ({
      time: m.time,
      position: m.prediction.direction === 'DOWN' ? 'aboveBar' : 'belowBar',
      shape: m.prediction.direction === 'DOWN' ? 'arrowDown' : (m.prediction.direction === 'UP' ? 'arrowUp' : 'circle'),
      color: this.RESULT_COLORS[m.result],
      text: this.TRIGGER_TEXT[m.prediction.trigger] || m.prediction.trigger,
    })));
    const scores = LW.createChart(scoreBox, { ...common, height: 190 });
    const htf = scores.addLineSeries({ color: '#2962ff', lineWidth: 2, title: 'HTF', priceScaleId: 'right' });
    const ltf = scores.addLineSeries({ color: '#ff6d00', lineWidth: 1, title: 'LTF', priceScaleId: 'right' });
    const stage = scores.addHistogramSeries({ priceScaleId: 'stage', priceFormat: { type: 'price', precision: 0, minMove: 1 }, lastValueVisible: false, priceLineVisible: false });
    scores.priceScale('stage').applyOptions({ scaleMargins: { top: 0.88, bottom: 0 }, visible: false });
    htf.setData(page.scores.filter(p => p.htf !== null).map(p => ({ time: p.time, value: p.htf })));
    ltf.setData(page.scores.filter(p => p.ltf !== null).map(p => ({ time: p.time, value: p.ltf })));
    stage.setData(page.scores.map(p => ({ time: p.time, value: 1, color: this.STAGE_COLORS[p.stage] || '#ccc' })));
    if (!page.scores.length) scoreBox.append(EL.el('p', { class: 'muted', text: 'no score snapshots for this ticker in the scores topic' }));
    chart.timeScale().subscribeVisibleTimeRangeChange(range => {
      if (!range) return;
      try { scores.timeScale().setVisibleRange(range); } catch (e) { /* the score chart may not cover this range */ }
    });
    if (visible) chart.timeScale().setVisibleLogicalRange(visible); else chart.timeScale().fitContent();
    this.charts = [chart, scores];
    this.candleSeries = candles; // its markers() are what the chart draws (read by the browser tests)
  },

  side(side, page) {
    const s = page.latest;
    const snapshot = EL.el('div', { class: 'panel', id: 'latest-snapshot' }, EL.el('h3', { text: 'Latest snapshot' }));
    if (!s) snapshot.append(EL.el('p', { class: 'muted', text: 'no snapshot yet' }));
    else snapshot.append(EL.facts([
      ['Bar', EL.time(s.barTime) + ' (' + s.interval + ')'], ['Close', EL.num(s.close)],
      ['HTF / LTF', EL.num(s.htfScore, 1) + ' / ' + EL.num(s.ltfScore, 1)], ['State', s.state],
      ['Stage', EL.pill(s.stage)], ['Phase', EL.num(s.phase, 1) + (s.phaseZone ? ' ' + s.phaseZone : '')],
      ['Completion', EL.pct(s.completion, 0)], ['Rank', EL.num(s.rank, 0)], ['RSI', EL.num(s.rsi, 1)],
      ['Signals', String(s.signalCount)], ['Library', 'v' + s.libraryVersion]]));
    const signal = page.signal;
    const sig = EL.el('div', { class: 'panel' }, EL.el('h3', { text: 'Signal' }),
      signal ? EL.facts([['Reading', EL.pill(signal.label)], ['Net', EL.num(signal.net)], ['As of', EL.time(signal.time)]])
        : EL.el('p', { class: 'muted', text: 'no ticker signal yet' }));
    const matched = EL.el('div', { class: 'panel', id: 'matched-patterns' }, EL.el('h3', { text: 'Matched patterns' }),
      EL.table([
        { key: 'id', title: 'Pattern', cell: m => EL.el('a', { href: '#pattern/' + encodeURIComponent(m.match.patternId), text: m.match.patternId + ' v' + m.match.version }) },
        { key: 'dir', title: 'Dir', cell: m => EL.pill(m.match.direction) },
        { key: 'rate', title: 'Hit rate', num: true, value: m => m.pattern ? EL.interval(m.pattern.hitRate, m.pattern.lower, m.pattern.upper) : '-' },
      ], page.matched, { empty: 'none matched' }));
    const calls = page.markers.slice(-15).reverse();
    const recent = EL.el('div', { class: 'panel' }, EL.el('h3', { text: `Predictions (${page.markers.length})` }),
      EL.table([
        { key: 'bar', title: 'Bar', value: m => EL.day(m.prediction.barTime) },
        { key: 'trigger', title: 'Trigger', value: m => m.prediction.trigger },
        { key: 'dir', title: 'Dir', cell: m => EL.pill(m.prediction.direction) },
        { key: 'result', title: 'Result', cell: m => EL.pill(m.result) },
        { key: 'ret', title: 'Ret %', num: true, value: m => EL.num(m.returnPct) },
      ], calls, { id: 'ticker-predictions', empty: 'no predictions for this ticker' }));
    side.append(snapshot, sig, matched, recent);
  },
};
