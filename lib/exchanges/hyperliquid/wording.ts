/**
 * What a trader can do about a Hyperliquid position in danger, in the app's words for each language LiqGuard speaks
 * (INFERRED outside English): a cross position draws on the perps account, funded by a deposit or a transfer from
 * Spot; an isolated one takes margin through its Margin ✎; a close is the row's Market close.
 */
import type { UiLanguage } from '../../core/i18n';

interface Wording {
  crossLiquidation: string;
  transfer: string;
  addIsolated: string;
  close: string;
}

export const HYPERLIQUID_WORDING: Record<UiLanguage, Wording> = {
  en: {
    crossLiquidation: "Hyperliquid liquidates cross positions when the account's equity falls below its maintenance margin.",
    transfer: 'Deposit {amount} to your perps account (or transfer it from Spot)',
    addIsolated: 'Add {amount} margin to this position (Margin ✎)',
    close: 'Close {size} ({share}) at market (the row’s Market close)',
  },
  'zh-CN': {
    crossLiquidation: '账户权益低于维持保证金时，Hyperliquid 会强平全仓仓位。',
    transfer: '向永续账户存入 {amount}（或从现货划转）',
    addIsolated: '为此仓位追加 {amount} 保证金（保证金 ✎）',
    close: '以市价平仓 {size}（{share}）（该行的市价平仓）',
  },
  'zh-TW': {
    crossLiquidation: '帳戶權益低於維持保證金時，Hyperliquid 會強平全倉倉位。',
    transfer: '向永續帳戶存入 {amount}（或從現貨劃轉）',
    addIsolated: '為此倉位追加 {amount} 保證金（保證金 ✎）',
    close: '以市價平倉 {size}（{share}）（該行的市價平倉）',
  },
  es: {
    crossLiquidation:
      'Hyperliquid liquida las posiciones cruzadas cuando el patrimonio de la cuenta cae por debajo de su margen de mantenimiento.',
    transfer: 'Deposite {amount} en su cuenta de perpetuos (o transfiéralo desde Spot)',
    addIsolated: 'Añada {amount} de margen a esta posición (Margen ✎)',
    close: 'Cierre {size} ({share}) a mercado (cierre a mercado de la fila)',
  },
  ru: {
    crossLiquidation: 'Hyperliquid ликвидирует кросс-позиции, когда капитал аккаунта падает ниже поддерживающей маржи.',
    transfer: 'Внесите {amount} на аккаунт бессрочных контрактов (или переведите со спота)',
    addIsolated: 'Добавьте {amount} маржи к этой позиции (Маржа ✎)',
    close: 'Закройте {size} ({share}) по рынку (рыночное закрытие в строке)',
  },
  tr: {
    crossLiquidation: 'Hyperliquid, hesap özkaynağı sürdürme marjininin altına düştüğünde çapraz pozisyonları tasfiye eder.',
    transfer: 'Sürekli vadeli hesabınıza {amount} yatırın (veya Spot’tan transfer edin)',
    addIsolated: 'Bu pozisyona {amount} marjin ekleyin (Marjin ✎)',
    close: '{size} ({share}) piyasa fiyatından kapatın (satırın Piyasa kapatması)',
  },
  vi: {
    crossLiquidation: 'Hyperliquid thanh lý các vị thế Cross khi vốn chủ sở hữu của tài khoản giảm dưới ký quỹ duy trì.',
    transfer: 'Nạp {amount} vào tài khoản hợp đồng vĩnh cửu (hoặc chuyển từ Spot)',
    addIsolated: 'Thêm {amount} ký quỹ cho vị thế này (Ký quỹ ✎)',
    close: 'Đóng {size} ({share}) theo giá thị trường (đóng thị trường ở dòng này)',
  },
  ja: {
    crossLiquidation: 'Hyperliquid は口座資産が維持証拠金を下回るとクロスポジションを清算します。',
    transfer: '無期限先物口座に {amount} を入金（または現物から振替）',
    addIsolated: 'このポジションに証拠金 {amount} を追加（証拠金 ✎）',
    close: '{size}（{share}）を成行で決済（行の成行決済）',
  },
  ko: {
    crossLiquidation: 'Hyperliquid는 계정 자산이 유지 증거금 아래로 떨어지면 교차 포지션을 청산합니다.',
    transfer: '무기한 계정에 {amount} 입금 (또는 현물에서 이체)',
    addIsolated: '이 포지션에 증거금 {amount} 추가 (증거금 ✎)',
    close: '{size} ({share}) 시장가로 종료 (해당 행의 시장가 종료)',
  },
  pt: {
    crossLiquidation: 'A Hyperliquid liquida as posições cruzadas quando o patrimônio da conta cai abaixo da margem de manutenção.',
    transfer: 'Deposite {amount} na sua conta de perpétuos (ou transfira do Spot)',
    addIsolated: 'Adicione {amount} de margem a esta posição (Margem ✎)',
    close: 'Feche {size} ({share}) a mercado (fechamento a mercado da linha)',
  },
  fr: {
    crossLiquidation: 'Hyperliquid liquide les positions croisées quand les fonds propres du compte passent sous sa marge de maintenance.',
    transfer: 'Déposez {amount} sur votre compte de perpétuels (ou transférez-le depuis le Spot)',
    addIsolated: 'Ajoutez {amount} de marge à cette position (Marge ✎)',
    close: 'Clôturez {size} ({share}) au marché (clôture au marché de la ligne)',
  },
  de: {
    crossLiquidation: 'Hyperliquid liquidiert Cross-Positionen, wenn das Kontokapital unter die Maintenance Margin fällt.',
    transfer: 'Zahlen Sie {amount} auf Ihr Perps-Konto ein (oder übertragen Sie es aus Spot)',
    addIsolated: 'Fügen Sie dieser Position {amount} Margin hinzu (Margin ✎)',
    close: 'Schließen Sie {size} ({share}) zum Marktpreis (Markt-Schließen der Zeile)',
  },
  uk: {
    crossLiquidation: 'Hyperliquid ліквідує крос-позиції, коли капітал акаунта падає нижче підтримувальної маржі.',
    transfer: 'Внести {amount} на акаунт безстрокових контрактів (або переказати зі спота)',
    addIsolated: 'Додати {amount} маржі до цієї позиції (Маржа ✎)',
    close: 'Закрити {size} ({share}) за ринком (ринкове закриття в рядку)',
  },
};
