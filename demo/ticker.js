// Moves each demo row's mark price a little every 500 ms and keeps its PnL consistent, like the live page.
(function () {
  'use strict';
  const fmt = (value, decimals) =>
    value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  const parse = (text) => Number(text.replace(/,/g, ''));
  function tick() {
    for (const row of document.querySelectorAll('[data-demo-row]')) {
      const markCell = row.querySelector('[data-demo="mark"]');
      const pnlCell = row.querySelector('[data-demo="pnl"]');
      const decimals = Number(row.dataset.decimals);
      const mark = parse(markCell.textContent) * (1 + (Math.random() - 0.5) * 0.002);
      const size = Number(row.dataset.size);
      const side = Number(row.dataset.side);
      const pnl = side * size * (mark - Number(row.dataset.entry));
      const margin = (size * mark) / parse(row.querySelector('.css-badge').textContent.replace(/\D+/g, ''));
      markCell.textContent = fmt(mark, decimals);
      pnlCell.className = pnl >= 0 ? 'text-Buy' : 'text-Sell';
      pnlCell.replaceChildren(
        `${pnl >= 0 ? '+' : ''}${fmt(pnl, 2)} USDT`,
        document.createElement('br'),
        `(${pnl >= 0 ? '+' : ''}${fmt((pnl / margin) * 100, 2)}%)`,
      );
      if (row.dataset.demoRow === 'BTCUSDT') {
        document.querySelector('[data-demo="header-mark"]').textContent = fmt(mark, decimals);
        document.title = `${fmt(mark, decimals)} | BTCUSDT Perp | Binance Futures (LiqGuard demo)`;
      }
    }
  }
  setInterval(tick, 500);
})();
