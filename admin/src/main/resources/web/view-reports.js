/* Reports: the latest findings and retrospective reports from the reports directory. */
'use strict';

EL.views.reports = {
  async render(root) {
    this.root = root;
    this.shown = this.shown || null;
    await this.refresh();
  },

  async refresh() {
    const data = await EL.api('/api/reports');
    const root = EL.clear(this.root);
    if (!data.exists) {
      root.append(EL.el('p', { class: 'muted', id: 'reports-missing', text: `No reports directory at ${data.dir} yet (the retrospective writes its reports there).` }));
      return;
    }
    const show = (report) => { this.shown = report.name; this.frame(frameBox, report); };
    const latest = EL.el('div', { class: 'cards', id: 'reports-latest' },
      [['Latest findings', data.latestFindings], ['Latest retrospective', data.latestRetro]].map(([label, r]) =>
        EL.card(label, r ? EL.el('a', { href: '#reports', onclick: (e) => { e.preventDefault(); show(r); }, text: r.name }) : '-',
          r ? 'written ' + EL.time(r.modifiedAt) : 'none yet')));
    const list = EL.table([
      { key: 'name', title: 'Report', cell: r => EL.el('a', { href: '#reports', onclick: (e) => { e.preventDefault(); show(r); }, text: r.name }) },
      { key: 'kind', title: 'Kind' },
      { key: 'modifiedAt', title: 'Written', value: r => EL.time(r.modifiedAt) },
      { key: 'bytes', title: 'Size', num: true, value: r => Math.round(r.bytes / 1024) + ' KB' },
    ], data.files, { id: 'reports-list', empty: 'no html reports in ' + data.dir });
    const frameBox = EL.el('div', { id: 'report-frame' });
    root.append(latest, EL.el('div', { class: 'panel' }, list), frameBox);
    const initial = data.files.find(f => f.name === this.shown) || data.latestRetro || data.latestFindings;
    if (initial) this.frame(frameBox, initial);
  },

  frame(box, report) {
    EL.clear(box).append(EL.el('h3', { text: report.name }),
      EL.el('iframe', { class: 'report', sandbox: '', title: report.name, src: '/reports/view?file=' + encodeURIComponent(report.name) }));
  },
};
