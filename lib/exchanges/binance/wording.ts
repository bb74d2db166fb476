/**
 * What a trader can do about a Binance position in danger, in Binance's own words for each language LiqGuard speaks:
 * a cross position draws on the futures wallet, funded by a transfer; an isolated one takes margin through the
 * position's Margin ✎ dialog; a close is a reduce-only market order. `{amount}`, `{wallet}`, `{size}`, `{share}` are
 * filled by the adapter.
 */
import type { UiLanguage } from '../../core/i18n';

interface Wording {
  crossLiquidation: string;
  transfer: string;
  addIsolated: string;
  close: string;
}

export const BINANCE_WORDING: Record<UiLanguage, Wording> = {
  en: {
    crossLiquidation: 'Binance liquidates cross positions when the margin ratio reaches 100%.',
    transfer: 'Transfer {amount} from Spot or Funding to the {wallet} Futures wallet',
    addIsolated: 'Add {amount} margin to this position (Margin ✎)',
    close: 'Close {size} ({share}) at market, reduce-only',
  },
  'zh-CN': {
    crossLiquidation: '保证金比率达到 100% 时，币安会强平全仓仓位。',
    transfer: '从现货或资金账户划转 {amount} 到 {wallet} 合约账户',
    addIsolated: '为此仓位追加 {amount} 保证金（保证金 ✎）',
    close: '以市价平仓 {size}（{share}），只减仓',
  },
  'zh-TW': {
    crossLiquidation: '保證金比率達到 100% 時，幣安會強平全倉倉位。',
    transfer: '從現貨或資金帳戶劃轉 {amount} 到 {wallet} 合約帳戶',
    addIsolated: '為此倉位追加 {amount} 保證金（保證金 ✎）',
    close: '以市價平倉 {size}（{share}），只減倉',
  },
  es: {
    crossLiquidation: 'Binance liquida las posiciones en margen cruzado cuando el ratio de margen llega al 100%.',
    transfer: 'Transfiera {amount} de Spot o Fondos a la billetera de Futuros {wallet}',
    addIsolated: 'Añada {amount} de margen a esta posición (Margen ✎)',
    close: 'Cierre {size} ({share}) a mercado, solo reducir',
  },
  ru: {
    crossLiquidation: 'Binance ликвидирует кросс-позиции, когда коэффициент маржи достигает 100%.',
    transfer: 'Переведите {amount} со спотового или финансового кошелька на фьючерсный кошелёк {wallet}',
    addIsolated: 'Добавьте {amount} маржи к этой позиции (Маржа ✎)',
    close: 'Закройте {size} ({share}) по рынку, только сокращение',
  },
  tr: {
    crossLiquidation: 'Binance, marjin oranı %100’e ulaştığında çapraz pozisyonları tasfiye eder.',
    transfer: 'Spot veya Fonlama cüzdanından {wallet} Vadeli cüzdanına {amount} transfer edin',
    addIsolated: 'Bu pozisyona {amount} marjin ekleyin (Marjin ✎)',
    close: '{size} ({share}) piyasa fiyatından kapatın, yalnızca azalt',
  },
  vi: {
    crossLiquidation: 'Binance thanh lý các vị thế Cross khi Tỉ lệ Margin đạt 100%.',
    transfer: 'Chuyển {amount} từ ví Spot hoặc Funding sang ví Futures {wallet}',
    addIsolated: 'Thêm {amount} margin cho vị thế này (Margin ✎)',
    close: 'Đóng {size} ({share}) theo giá thị trường, chỉ giảm',
  },
  ja: {
    crossLiquidation: 'Binance は証拠金率が 100% に達するとクロスポジションを清算します。',
    transfer: '現物または資金調達ウォレットから {wallet} 先物ウォレットへ {amount} を振替',
    addIsolated: 'このポジションに証拠金 {amount} を追加（証拠金 ✎）',
    close: '{size}（{share}）を成行で決済、リデュースオンリー',
  },
  ko: {
    crossLiquidation: '바이낸스는 마진 비율이 100%에 도달하면 교차 포지션을 청산합니다.',
    transfer: '현물 또는 펀딩 지갑에서 {wallet} 선물 지갑으로 {amount} 이체',
    addIsolated: '이 포지션에 마진 {amount} 추가 (마진 ✎)',
    close: '{size} ({share}) 시장가로 종료, 감소 전용',
  },
  pt: {
    crossLiquidation: 'A Binance liquida as posições de margem cruzada quando o índice de margem chega a 100%.',
    transfer: 'Transfira {amount} de Spot ou Financiamento para a carteira de Futuros {wallet}',
    addIsolated: 'Adicione {amount} de margem a esta posição (Margem ✎)',
    close: 'Feche {size} ({share}) a mercado, somente redução',
  },
  fr: {
    crossLiquidation: 'Binance liquide les positions en marge croisée quand le ratio de marge atteint 100%.',
    transfer: 'Transférez {amount} du portefeuille Spot ou Financement vers le portefeuille Futures {wallet}',
    addIsolated: 'Ajoutez {amount} de marge à cette position (Marge ✎)',
    close: 'Clôturez {size} ({share}) au marché, réduction uniquement',
  },
  de: {
    crossLiquidation: 'Binance liquidiert Cross-Positionen, wenn die Margin-Quote 100% erreicht.',
    transfer: 'Übertragen Sie {amount} von Spot oder Funding in die {wallet}-Futures-Wallet',
    addIsolated: 'Fügen Sie dieser Position {amount} Margin hinzu (Margin ✎)',
    close: 'Schließen Sie {size} ({share}) zum Marktpreis, nur reduzieren',
  },
  uk: {
    crossLiquidation: 'Binance ліквідує крос-позиції, коли коефіцієнт маржі досягає 100%.',
    transfer: 'Переказати {amount} зі спотового чи фінансового гаманця на ф’ючерсний гаманець {wallet}',
    addIsolated: 'Додати {amount} маржі до цієї позиції (Маржа ✎)',
    close: 'Закрити {size} ({share}) за ринком, лише зменшення',
  },
};
