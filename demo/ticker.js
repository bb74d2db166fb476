// The demo exchange: every 500 ms each row's mark price moves a little, and its PnL, the liquidation prices
// (Binance's formula with each row's tier, cross rows sharing the cross wallet) and the account panel follow.
// Plain numbers are fine here: this stands in for the exchange's own page, not for LiqGuard's math.
(function () {
  'use strict';
  const CROSS_WALLET = 12072.95;
  const fmt = (value, decimals) => value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  const parse = (text) => Number(text.replace(/,/g, ''));
  const rows = () =>
    Array.from(document.querySelectorAll('[data-demo-row]')).map((row) => ({
      row,
      symbol: row.dataset.demoRow,
      size: Number(row.dataset.size),
      entry: Number(row.dataset.entry),
      side: Number(row.dataset.side),
      decimals: Number(row.dataset.decimals),
      mmr: Number(row.dataset.mmr),
      cum: Number(row.dataset.cum),
      isolatedWallet: row.dataset.isolatedWallet ? Number(row.dataset.isolatedWallet) : null,
      mark: parse(row.querySelector('[data-demo="mark"]').textContent),
    }));
  const pnl = (p) => p.side * p.size * (p.mark - p.entry);
  const maintenance = (p) => p.size * p.mark * p.mmr - p.cum;
  function liquidation(p, all) {
    const others = all.filter((o) => o !== p && o.isolatedWallet === null);
    const wallet =
      p.isolatedWallet ?? CROSS_WALLET - others.reduce((t, o) => t + maintenance(o), 0) + others.reduce((t, o) => t + pnl(o), 0);
    return (wallet + p.cum - p.side * p.size * p.entry) / (p.size * p.mmr - p.side * p.size);
  }
  function tick() {
    const positions = rows();
    for (const p of positions) p.mark *= 1 + (Math.random() - 0.5) * 0.002;
    for (const p of positions) {
      const value = pnl(p);
      const margin = (p.size * p.mark) / parse(p.row.querySelector('.css-badge').textContent.replace(/\D+/g, ''));
      p.row.querySelector('[data-demo="mark"]').textContent = fmt(p.mark, p.decimals);
      const liq = liquidation(p, positions);
      p.row.querySelector('[data-demo="liq"]').textContent = liq > 0 ? fmt(liq, p.decimals) : '--';
      const pnlCell = p.row.querySelector('[data-demo="pnl"]');
      pnlCell.className = value >= 0 ? 'text-Buy' : 'text-Sell';
      pnlCell.replaceChildren(
        `${value >= 0 ? '+' : ''}${fmt(value, 2)} USDT`,
        document.createElement('br'),
        `(${value >= 0 ? '+' : ''}${fmt((value / margin) * 100, 2)}%)`,
      );
      // An isolated position's Margin is its wallet plus unrealised PnL (the API's isolatedMargin).
      const isolatedMargin = p.row.querySelector('[data-demo="isolated-margin"]');
      if (isolatedMargin && p.isolatedWallet !== null) {
        isolatedMargin.replaceChildren(`${fmt(p.isolatedWallet + value, 2)} USDT`, document.createElement('br'), '(Isolated)');
      }
      if (p.symbol === 'BTCUSDT') {
        document.querySelector('[data-demo="header-mark"]').textContent = fmt(p.mark, p.decimals);
        document.title = `${fmt(p.mark, p.decimals)} | BTCUSDT Perp | Binance Futures (LiqGuard demo)`;
      }
    }
    const cross = positions.filter((p) => p.isolatedWallet === null);
    const mm = cross.reduce((t, p) => t + maintenance(p), 0);
    const balance = CROSS_WALLET + cross.reduce((t, p) => t + pnl(p), 0);
    document.querySelector('[data-demo="maint-margin"]').textContent = `${fmt(mm, 2)} USDT`;
    document.querySelector('[data-demo="margin-balance"]').textContent = `${fmt(balance, 2)} USDT`;
    document.querySelector('[data-demo="margin-ratio"]').textContent = `${fmt((mm / balance) * 100, 2)}%`;
  }
  const ticking = setInterval(tick, 500);
  // Lets a test stop the ticking (and nothing else) to check that the last price shows.
  window.stopDemoTicker = () => clearInterval(ticking);
})();
