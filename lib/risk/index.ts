/** The risk engine's public surface: every other part imports from here. */
export * from './types';
export { bracketFor, bracketProblems, bracketsFrom, maintenanceMargin } from './brackets';
export {
  averageEntryPrice,
  breakEvenPrice,
  initialMargin,
  notional,
  returnOnEquity,
  targetPrice,
  unrealizedPnl,
  type Holding,
} from './pnl';
export {
  inverseLiquidationPrice,
  linearLiquidationPrice,
  liquidation,
  marginSlackAt,
  toBracket,
  type BracketInput,
  type Leg,
  type Liquidation,
  type MarginPool,
} from './liquidation';
export { accountRisk, crossAccountRisk, type AccountRisk, type MarginAssetRisk, type PositionRisk } from './account';
export { liquidationAfterFill, liquidationAfterMarginChange, marginToAdd, priceAtDistance, sizeToCut } from './solvers';
export { maxOpenSize, sizeForRisk, type RiskSizing } from './sizing';
export {
  levelAt,
  onTick,
  rewardToRisk,
  stopAtEntryPercent,
  stopAtDistanceFromMark,
  stopAtFractionToLiquidation,
  stopAtRiskAmount,
  stopFiresBeforeLiquidation,
  takeProfitAtRoe,
  type StopContext,
  type StopSuggestion,
  type TakeProfitSuggestion,
} from './stops';
export { fundingCost } from './funding';
export { averageTrueRange, betaTo, type Bar } from './volatility';
export { formatAmount, formatPercent, formatPrice, tickAt, tickDecimals, toTick, type TickRounding } from './display';
export { placeableCut, placeableSize, type OrderRules } from './orderRules';
