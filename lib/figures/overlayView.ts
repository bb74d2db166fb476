/**
 * The overlay's figures as the text it shows, made by the background worker from a `RiskView` and sent to the
 * page. The worker holds Decimal, the tier tables and the market data; the content script, which runs in the
 * exchange's page and should weigh little there, only reads the page and draws this text.
 */
import { accountKey, positionKey, positionSignature } from '../model/keys';
import { adapterOf } from '../exchanges';
import { afterOrdersText, fundingPaidText, fundingText, money, NONE, percent, priceOf, remedyLines, stopWarningText } from './format';
import type { PageSnapshot } from '../model/snapshot';
import type { OverlayView, OverlayWords } from '../model/overlay';
import { Decimal } from '../core/decimal';
import { CATALOGS, translator, uiLanguage } from '../core/i18n';
import { enOverlay } from '../core/i18n/en-overlay';
import { fill } from '../core/i18n/fill';
import type { Messages } from '../core/i18n/en';
import type { OverlayLabels } from '../model/overlay';
import type { PositionView, RiskView } from './types';

/** What the overlay draws for `snapshot`, whose risk is `view`, at `now` (funding countdowns). */
/** Danger first, then warning, each nearest to liquidation first; the rest keep the page's order. */
function worstFirst(positions: readonly PositionView[]): PositionView[] {
  const rank = (p: PositionView) => (p.band === 'danger' ? 0 : p.band === 'warning' ? 1 : 2);
  return [...positions].sort((a, b) => {
    const byBand = rank(a) - rank(b);
    if (byBand !== 0 || rank(a) === 2) return byBand;
    return new Decimal(a.distance ?? 0).cmp(new Decimal(b.distance ?? 0));
  });
}

/** The keys of the overlay's own words: those of English's overlay catalog. */
const OVERLAY_LABEL_KEYS = Object.keys(enOverlay) as (keyof typeof enOverlay)[];

/**
 * The overlay's words out of a catalog, the stress test's beta mode named for `snapshot`'s market ("Each by its beta to
 * BTCUSDT (4 h bars)"), or empty where the market has no reference to move (then the overlay offers no beta mode).
 */
function overlayLabels(catalog: Messages, snapshot: PageSnapshot | undefined): OverlayLabels {
  const labels: OverlayLabels = Object.fromEntries(OVERLAY_LABEL_KEYS.map((key) => [key, catalog[key]]));
  const candles = snapshot && adapterOf(snapshot).marketData.markCandles;
  const reference = candles?.reference(snapshot!.market) ?? null;
  for (const key of ['stress.byBeta', 'stress.moveOf'] as const)
    labels[key] = reference ? fill(catalog[key], { reference, interval: candles!.interval }) : '';
  return labels;
}

/**
 * The overlay's words for `snapshot`'s page (English before there is a snapshot): its labels in the page's language, and each reason the page reader gave
 * (for the page, for a row) said in it, for the overlay to show in place of the English.
 */
export function overlayWords(snapshot: PageSnapshot | undefined): OverlayWords {
  const language = uiLanguage(snapshot?.language);
  const { reason } = translator(language);
  const given = snapshot ? [...snapshot.reasons, ...snapshot.unreadable.map((row) => row.reason)] : [];
  const reasons = Object.fromEntries(given.map((text) => [text, reason(text)]).filter(([text, said]) => said !== text));
  return { labels: overlayLabels(CATALOGS[language], snapshot), reasons };
}

/** What the overlay draws for `snapshot`, whose risk is `view`, at `now` (funding countdowns), in the page's language. */
export function overlayView(snapshot: PageSnapshot, view: RiskView, now: number): OverlayView {
  const account = accountKey(snapshot);
  const adapter = adapterOf(snapshot);
  const wording = adapter.remedies;
  const language = uiLanguage(snapshot.language);
  const t = translator(language);
  return {
    account: {
      marginRatio: percent(view.account.marginRatio),
      marginBalance: money(view.account.marginBalance, view.account.asset),
      reason: view.account.reason && t.reason(view.account.reason),
    },
    positions: worstFirst(view.positions).map((position) => {
      const asset = position.marginAsset ?? view.account.asset;
      const price = (value: string | null) => priceOf(position, value);
      const stop = position.stop?.beyondLiquidation ? position.stop : null;
      return {
        id: `${position.symbol}-${position.side}-${position.row}`,
        symbol: position.symbol,
        side: position.side,
        marginMode: position.marginMode,
        leverage: position.leverage,
        band: position.band,
        distance: percent(position.distance),
        liquidation:
          position.marginMode === 'cross' && position.liquidationPrice !== null && adapter.has.crossPrice === 'estimate'
            ? `${price(position.liquidationPrice)} ${t('figure.crossEstimate')}`
            : price(position.liquidationPrice),
        priceBuffer: price(position.priceBuffer),
        // A cross position's buffer is the whole cross pool's, the same figure on every cross row.
        marginBuffer: `${money(position.balanceBuffer, asset)}${position.marginMode === 'cross' && position.balanceBuffer !== null ? ` ${t('figure.sharedCross')}` : ''}`,
        breakEven: price(position.breakEvenWithFees),
        funding:
          position.funding || position.fundingReason
            ? fundingText(position.funding, position.fundingReason, asset, now, t, position)
            : null,
        fundingPaid:
          position.fundingPaid || position.fundingPaidReason
            ? fundingPaidText(position.fundingPaid, position.fundingPaidReason, asset, now, t)
            : null,
        afterOrders: position.afterOrders ? afterOrdersText(position.afterOrders, position, t) : null,
        remedy: remedyLines(wording, snapshot.market, language, position),
        reason: position.reason
          ? `${NONE} ${t.reason(position.reason)}` +
            (position.pageDistance === null
              ? ''
              : `. ${t('figure.pageOwn', { price: price(position.pageLiquidationPrice), distance: percent(position.pageDistance) })}`)
          : null,
        stopWarning: stop ? stopWarningText(stop, position, asset, t) : null,
        mismatch: position.mismatch
          ? t('mismatch.overlay', { page: price(position.pageLiquidationPrice), tolerance: price(position.mismatch.tolerance) })
          : null,
        snooze:
          position.band === 'warning' || position.band === 'danger' || stop
            ? { position: positionKey(account, position), signature: positionSignature(position) }
            : null,
      };
    }),
  };
}
