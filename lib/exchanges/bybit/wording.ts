/**
 * What a trader can do about a Bybit position in danger, in Bybit's words for each language LiqGuard speaks (INFERRED
 * outside English, like the reader's labels): a cross position draws on the Unified Trading Account, funded by a
 * transfer; an isolated one takes margin through its Position Margin ✎; a close is the row's Close By: Market.
 */
import type { UiLanguage } from '../../core/i18n';

interface Wording {
  crossLiquidation: string;
  transfer: string;
  addIsolated: string;
  close: string;
}

export const BYBIT_WORDING: Record<UiLanguage, Wording> = {
  en: {
    crossLiquidation: "Bybit liquidates cross positions when the account's maintenance margin rate reaches 100%.",
    transfer: 'Transfer {amount} to the Unified Trading Account',
    addIsolated: 'Add {amount} margin to this position (Position Margin ✎)',
    close: 'Close {size} ({share}) at market (Close By: Market)',
  },
  'zh-CN': {
    crossLiquidation: '账户维持保证金率达到 100% 时，Bybit 会强平全仓仓位。',
    transfer: '划转 {amount} 到统一交易账户',
    addIsolated: '为此仓位追加 {amount} 保证金（仓位保证金 ✎）',
    close: '以市价平仓 {size}（{share}）（平仓方式：市价）',
  },
  'zh-TW': {
    crossLiquidation: '帳戶維持保證金率達到 100% 時，Bybit 會強平全倉倉位。',
    transfer: '劃轉 {amount} 到統一交易帳戶',
    addIsolated: '為此倉位追加 {amount} 保證金（倉位保證金 ✎）',
    close: '以市價平倉 {size}（{share}）（平倉方式：市價）',
  },
  es: {
    crossLiquidation: 'Bybit liquida las posiciones cruzadas cuando la tasa de margen de mantenimiento de la cuenta llega al 100%.',
    transfer: 'Transfiera {amount} a la Cuenta de Trading Unificada',
    addIsolated: 'Añada {amount} de margen a esta posición (Margen de posición ✎)',
    close: 'Cierre {size} ({share}) a mercado (Cerrar por: Mercado)',
  },
  ru: {
    crossLiquidation: 'Bybit ликвидирует кросс-позиции, когда ставка поддерживающей маржи аккаунта достигает 100%.',
    transfer: 'Переведите {amount} на Единый торговый аккаунт',
    addIsolated: 'Добавьте {amount} маржи к этой позиции (Маржа позиции ✎)',
    close: 'Закройте {size} ({share}) по рынку (Закрыть: По рынку)',
  },
  tr: {
    crossLiquidation: 'Bybit, hesabın sürdürme marjini oranı %100’e ulaştığında çapraz pozisyonları tasfiye eder.',
    transfer: '{amount} tutarını Birleşik Alım Satım Hesabına transfer edin',
    addIsolated: 'Bu pozisyona {amount} marjin ekleyin (Pozisyon Marjini ✎)',
    close: '{size} ({share}) piyasa fiyatından kapatın (Kapatma: Piyasa)',
  },
  vi: {
    crossLiquidation: 'Bybit thanh lý các vị thế Cross khi tỷ lệ ký quỹ duy trì của tài khoản đạt 100%.',
    transfer: 'Chuyển {amount} vào Tài khoản Giao dịch Hợp nhất',
    addIsolated: 'Thêm {amount} ký quỹ cho vị thế này (Ký quỹ vị thế ✎)',
    close: 'Đóng {size} ({share}) theo giá thị trường (Đóng bằng: Thị trường)',
  },
  ja: {
    crossLiquidation: 'Bybit は口座の維持証拠金率が 100% に達するとクロスポジションを清算します。',
    transfer: '{amount} をユニファイドトレードアカウントへ振替',
    addIsolated: 'このポジションに証拠金 {amount} を追加（ポジション証拠金 ✎）',
    close: '{size}（{share}）を成行で決済（決済方法：成行）',
  },
  ko: {
    crossLiquidation: 'Bybit는 계정의 유지 증거금률이 100%에 도달하면 교차 포지션을 청산합니다.',
    transfer: '{amount}을(를) 통합 거래 계정으로 이체',
    addIsolated: '이 포지션에 증거금 {amount} 추가 (포지션 증거금 ✎)',
    close: '{size} ({share}) 시장가로 종료 (종료 방식: 시장가)',
  },
  pt: {
    crossLiquidation: 'A Bybit liquida as posições cruzadas quando a taxa de margem de manutenção da conta chega a 100%.',
    transfer: 'Transfira {amount} para a Conta de Trading Unificada',
    addIsolated: 'Adicione {amount} de margem a esta posição (Margem da posição ✎)',
    close: 'Feche {size} ({share}) a mercado (Fechar por: Mercado)',
  },
  fr: {
    crossLiquidation: 'Bybit liquide les positions croisées quand le taux de marge de maintenance du compte atteint 100%.',
    transfer: 'Transférez {amount} vers le Compte de trading unifié',
    addIsolated: 'Ajoutez {amount} de marge à cette position (Marge de position ✎)',
    close: 'Clôturez {size} ({share}) au marché (Clôturer par : Marché)',
  },
  de: {
    crossLiquidation: 'Bybit liquidiert Cross-Positionen, wenn die Maintenance-Margin-Rate des Kontos 100% erreicht.',
    transfer: 'Übertragen Sie {amount} auf das Unified Trading Account',
    addIsolated: 'Fügen Sie dieser Position {amount} Margin hinzu (Positionsmargin ✎)',
    close: 'Schließen Sie {size} ({share}) zum Marktpreis (Schließen per: Markt)',
  },
  uk: {
    crossLiquidation: 'Bybit ліквідує крос-позиції, коли ставка підтримувальної маржі акаунта досягає 100%.',
    transfer: 'Переказати {amount} на Єдиний торговий акаунт',
    addIsolated: 'Додати {amount} маржі до цієї позиції (Маржа позиції ✎)',
    close: 'Закрити {size} ({share}) за ринком (Закрити: За ринком)',
  },
};
