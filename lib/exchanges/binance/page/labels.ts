/**
 * Every label the Binance futures page shows that the reader looks for, per language, in one place.
 *
 * SEEN (../shared/research/dom.md): English column and tab labels, Vietnamese columns, the zh-CN tab labels,
 * "Cross 20x" / "全仓 20x" / "Isolated 10x", "Perp" / "永续", the order form's "Avbl" / "可用" (other languages: English's
 * "Avbl" is tried, their own word is not known). The other languages are INFERRED from the
 * exchange's usual terms and must be checked against live pages; matching is loose (case, spaces and
 * punctuation ignored, a label may be followed by a unit such as "Size(ETH)"), and every language's labels are
 * tried after the page's own, so a page in an unlisted language still reads when it uses English terms.
 * Each language is paired with the fixture pages that must match it (`test/fixtures/binance/`, see FIXTURES).
 */

export type ColumnKey =
  | 'symbol'
  | 'size'
  | 'entryPrice'
  | 'breakEvenPrice'
  | 'markPrice'
  | 'liquidationPrice'
  | 'marginRatio'
  | 'margin'
  | 'pnl'
  | 'fundingFee'
  | 'tpsl';

/** The account panel's figures; `availableBalance` is the order form's "Avbl" (what a new order may use). */
export type AccountKey = 'marginRatio' | 'maintenanceMargin' | 'marginBalance' | 'walletBalance' | 'availableBalance';

export interface LanguageLabels {
  columns: Record<ColumnKey, string[]>;
  account: Record<AccountKey, string[]>;
  tabs: { positions: string[] };
  modes: { cross: string[]; isolated: string[] };
  sides: { long: string[]; short: string[] };
  perpetual: string[];
  contracts: string[];
}

export type Language = 'en' | 'zh-CN' | 'zh-TW' | 'es' | 'ru' | 'tr' | 'vi' | 'ja' | 'ko' | 'pt' | 'fr' | 'de' | 'uk';

export const LABELS: Record<Language, LanguageLabels> = {
  en: {
    columns: {
      symbol: ['Symbol', 'Contract'],
      size: ['Size', 'Amount'],
      entryPrice: ['Entry Price'],
      breakEvenPrice: ['Break Even Price', 'Breakeven Price'],
      markPrice: ['Mark Price'],
      liquidationPrice: ['Liq.Price', 'Liq. Price', 'Liquidation Price'],
      marginRatio: ['Margin Ratio'],
      margin: ['Margin'],
      pnl: ['PNL (ROI %)', 'PNL(ROI%)', 'PNL', 'Unrealized PNL'],
      fundingFee: ['Est. Funding Fee', 'Funding Fee'],
      tpsl: ['TP/SL for position', 'TP/SL'],
    },
    account: {
      marginRatio: ['Margin Ratio'],
      maintenanceMargin: ['Maintenance Margin'],
      marginBalance: ['Margin Balance'],
      walletBalance: ['Wallet Balance', 'Balance'],
      availableBalance: ['Avbl'],
    },
    tabs: { positions: ['Positions', 'Position'] },
    modes: { cross: ['Cross'], isolated: ['Isolated'] },
    sides: { long: ['Long', 'Buy'], short: ['Short', 'Sell'] },
    perpetual: ['Perp', 'Perpetual'],
    contracts: ['Cont', 'Contracts', 'Contract'],
  },
  'zh-CN': {
    columns: {
      symbol: ['合约', '符号'],
      size: ['数量', '大小', '仓位'],
      entryPrice: ['开仓价格', '开仓均价'],
      breakEvenPrice: ['盈亏平衡价格', '保本价格'],
      markPrice: ['标记价格'],
      liquidationPrice: ['强平价格'],
      marginRatio: ['保证金比率'],
      margin: ['保证金'],
      pnl: ['收益额（收益率）', '收益额(收益率)', '未实现盈亏', '盈亏'],
      fundingFee: ['预估资金费用', '资金费用'],
      tpsl: ['止盈/止损'],
    },
    account: {
      marginRatio: ['保证金比率'],
      maintenanceMargin: ['维持保证金'],
      marginBalance: ['保证金余额'],
      walletBalance: ['钱包余额', '余额'],
      availableBalance: ['可用'],
    },
    tabs: { positions: ['仓位', '持仓'] },
    modes: { cross: ['全仓'], isolated: ['逐仓'] },
    sides: { long: ['多', '做多'], short: ['空', '做空'] },
    perpetual: ['永续'],
    contracts: ['张'],
  },
  'zh-TW': {
    columns: {
      symbol: ['合約', '符號'],
      size: ['數量', '大小', '倉位'],
      entryPrice: ['開倉價格', '開倉均價'],
      breakEvenPrice: ['盈虧平衡價格', '保本價格'],
      markPrice: ['標記價格'],
      liquidationPrice: ['強平價格'],
      marginRatio: ['保證金比率'],
      margin: ['保證金'],
      pnl: ['收益額（收益率）', '收益額(收益率)', '未實現盈虧', '盈虧'],
      fundingFee: ['預估資金費用', '資金費用'],
      tpsl: ['止盈/止損'],
    },
    account: {
      marginRatio: ['保證金比率'],
      maintenanceMargin: ['維持保證金'],
      marginBalance: ['保證金餘額'],
      walletBalance: ['錢包餘額', '餘額'],
      availableBalance: ['可用'],
    },
    tabs: { positions: ['倉位', '持倉'] },
    modes: { cross: ['全倉'], isolated: ['逐倉'] },
    sides: { long: ['多', '做多'], short: ['空', '做空'] },
    perpetual: ['永續'],
    contracts: ['張'],
  },
  es: {
    columns: {
      symbol: ['Símbolo', 'Contrato'],
      size: ['Tamaño', 'Cantidad'],
      entryPrice: ['Precio de entrada'],
      breakEvenPrice: ['Precio de equilibrio', 'Precio de break even'],
      markPrice: ['Precio de marca'],
      liquidationPrice: ['Precio de liq.', 'Precio de liquidación'],
      marginRatio: ['Ratio de margen', 'Tasa de margen'],
      margin: ['Margen'],
      pnl: ['PNL (ROI %)', 'PnL (ROI %)'],
      fundingFee: ['Tasa de financiación est.', 'Comisión de financiación'],
      tpsl: ['TP/SL de la posición', 'TP/SL'],
    },
    account: {
      marginRatio: ['Ratio de margen', 'Tasa de margen'],
      maintenanceMargin: ['Margen de mantenimiento'],
      marginBalance: ['Saldo de margen'],
      walletBalance: ['Saldo de la billetera', 'Saldo'],
      availableBalance: [],
    },
    tabs: { positions: ['Posiciones'] },
    modes: { cross: ['Cruzado', 'Cross'], isolated: ['Aislado'] },
    sides: { long: ['Largo', 'Long'], short: ['Corto', 'Short'] },
    perpetual: ['Perp', 'Perpetuo'],
    contracts: ['Cont', 'Contratos'],
  },
  ru: {
    columns: {
      symbol: ['Символ', 'Контракт'],
      size: ['Размер', 'Объем'],
      entryPrice: ['Цена входа'],
      breakEvenPrice: ['Цена безубыточности'],
      markPrice: ['Цена маркировки', 'Маркировочная цена'],
      liquidationPrice: ['Цена ликв.', 'Цена ликвидации'],
      marginRatio: ['Коэффициент маржи'],
      margin: ['Маржа'],
      pnl: ['PNL (ROI %)', 'PnL (ROI %)'],
      fundingFee: ['Расч. ставка финансирования', 'Ставка финансирования'],
      tpsl: ['TP/SL для позиции', 'TP/SL'],
    },
    account: {
      marginRatio: ['Коэффициент маржи'],
      maintenanceMargin: ['Поддерживающая маржа'],
      marginBalance: ['Баланс маржи'],
      walletBalance: ['Баланс кошелька', 'Баланс'],
      availableBalance: [],
    },
    tabs: { positions: ['Позиции'] },
    modes: { cross: ['Кросс', 'Cross'], isolated: ['Изолированная', 'Изолир.'] },
    sides: { long: ['Лонг', 'Long'], short: ['Шорт', 'Short'] },
    perpetual: ['Бессрочный', 'Perp'],
    contracts: ['Конт.', 'Контр.'],
  },
  tr: {
    columns: {
      symbol: ['Sembol', 'Kontrat'],
      size: ['Boyut', 'Miktar'],
      entryPrice: ['Giriş Fiyatı'],
      breakEvenPrice: ['Başa Baş Fiyatı'],
      markPrice: ['Mark Fiyatı', 'Piyasa Fiyatı'],
      liquidationPrice: ['Lik. Fiyatı', 'Likidasyon Fiyatı'],
      marginRatio: ['Marjin Oranı'],
      margin: ['Marjin'],
      pnl: ['PNL (ROI %)', 'K&Z (ROI %)'],
      fundingFee: ['Tahmini Fonlama Ücreti', 'Fonlama Ücreti'],
      tpsl: ['Pozisyon için TP/SL', 'TP/SL'],
    },
    account: {
      marginRatio: ['Marjin Oranı'],
      maintenanceMargin: ['Bakım Marjini', 'İdame Marjini'],
      marginBalance: ['Marjin Bakiyesi'],
      walletBalance: ['Cüzdan Bakiyesi', 'Bakiye'],
      availableBalance: [],
    },
    tabs: { positions: ['Pozisyonlar'] },
    modes: { cross: ['Çapraz', 'Cross'], isolated: ['İzole'] },
    sides: { long: ['Long', 'Uzun'], short: ['Short', 'Kısa'] },
    perpetual: ['Sürekli', 'Perp'],
    contracts: ['Kont.', 'Kontrat'],
  },
  vi: {
    columns: {
      symbol: ['Mã', 'Hợp đồng'],
      size: ['Kích thước'],
      entryPrice: ['Giá vào'],
      breakEvenPrice: ['Giá hòa vốn'],
      markPrice: ['Giá đánh dấu'],
      liquidationPrice: ['Giá thanh lí', 'Giá thanh lý'],
      marginRatio: ['Tỉ lệ Margin', 'Tỷ lệ ký quỹ'],
      margin: ['Margin', 'Ký quỹ'],
      pnl: ['PNL (ROI %)'],
      fundingFee: ['Phí funding ước tính'],
      tpsl: ['TP/SL cho vị thế', 'TP/SL'],
    },
    account: {
      marginRatio: ['Tỉ lệ Margin', 'Tỷ lệ ký quỹ'],
      maintenanceMargin: ['Margin duy trì', 'Ký quỹ duy trì'],
      marginBalance: ['Số dư Margin', 'Số dư ký quỹ'],
      walletBalance: ['Số dư ví', 'Số dư'],
      availableBalance: [],
    },
    tabs: { positions: ['Vị thế'] },
    modes: { cross: ['Cross', 'Chéo'], isolated: ['Isolated', 'Riêng lẻ'] },
    sides: { long: ['Long', 'Mua'], short: ['Short', 'Bán'] },
    perpetual: ['Vĩnh cửu', 'Perp'],
    contracts: ['HĐ', 'Hợp đồng'],
  },
  ja: {
    columns: {
      symbol: ['シンボル', '銘柄'],
      size: ['サイズ', '数量'],
      entryPrice: ['エントリー価格'],
      breakEvenPrice: ['損益分岐価格'],
      markPrice: ['マーク価格'],
      liquidationPrice: ['清算価格'],
      marginRatio: ['証拠金率'],
      margin: ['証拠金'],
      pnl: ['PNL (ROI %)', '損益 (ROI %)'],
      fundingFee: ['推定資金調達手数料'],
      tpsl: ['ポジションのTP/SL', 'TP/SL'],
    },
    account: {
      marginRatio: ['証拠金率'],
      maintenanceMargin: ['維持証拠金'],
      marginBalance: ['証拠金残高'],
      walletBalance: ['ウォレット残高', '残高'],
      availableBalance: [],
    },
    tabs: { positions: ['ポジション'] },
    modes: { cross: ['クロス'], isolated: ['分離'] },
    sides: { long: ['ロング'], short: ['ショート'] },
    perpetual: ['無期限', 'Perp'],
    contracts: ['枚', '契約'],
  },
  ko: {
    columns: {
      symbol: ['심볼', '계약'],
      size: ['크기', '수량'],
      entryPrice: ['진입 가격', '진입가'],
      breakEvenPrice: ['손익분기 가격', '손익분기점'],
      markPrice: ['시장 평균가', '마크 가격'],
      liquidationPrice: ['청산 가격', '청산가'],
      marginRatio: ['증거금 비율', '마진 비율'],
      margin: ['증거금', '마진'],
      pnl: ['PNL (ROI %)', '손익 (ROI %)'],
      fundingFee: ['예상 펀딩 수수료'],
      tpsl: ['포지션 TP/SL', 'TP/SL'],
    },
    account: {
      marginRatio: ['증거금 비율', '마진 비율'],
      maintenanceMargin: ['유지 증거금', '유지 마진'],
      marginBalance: ['증거금 잔고', '마진 잔고'],
      walletBalance: ['지갑 잔고', '잔고'],
      availableBalance: [],
    },
    tabs: { positions: ['포지션'] },
    modes: { cross: ['교차'], isolated: ['격리'] },
    sides: { long: ['롱'], short: ['숏'] },
    perpetual: ['무기한', 'Perp'],
    contracts: ['계약'],
  },
  pt: {
    columns: {
      symbol: ['Símbolo', 'Contrato'],
      size: ['Tamanho', 'Quantidade'],
      entryPrice: ['Preço de entrada'],
      breakEvenPrice: ['Preço de equilíbrio', 'Preço de break even'],
      markPrice: ['Preço de marcação', 'Preço marcado'],
      liquidationPrice: ['Preço de liq.', 'Preço de liquidação'],
      marginRatio: ['Índice de margem', 'Taxa de margem'],
      margin: ['Margem'],
      pnl: ['PNL (ROI %)', 'PnL (ROI %)'],
      fundingFee: ['Taxa de financiamento est.'],
      tpsl: ['TP/SL da posição', 'TP/SL'],
    },
    account: {
      marginRatio: ['Índice de margem', 'Taxa de margem'],
      maintenanceMargin: ['Margem de manutenção'],
      marginBalance: ['Saldo de margem'],
      walletBalance: ['Saldo da carteira', 'Saldo'],
      availableBalance: [],
    },
    tabs: { positions: ['Posições'] },
    modes: { cross: ['Cruzada', 'Cross'], isolated: ['Isolada'] },
    sides: { long: ['Long', 'Compra'], short: ['Short', 'Venda'] },
    perpetual: ['Perpétuo', 'Perp'],
    contracts: ['Cont', 'Contratos'],
  },
  fr: {
    columns: {
      symbol: ['Symbole', 'Contrat'],
      size: ['Taille', 'Quantité'],
      entryPrice: ["Prix d'entrée"],
      breakEvenPrice: ["Prix d'équilibre", 'Seuil de rentabilité'],
      markPrice: ['Prix de marque', 'Prix mark'],
      liquidationPrice: ['Prix de liq.', 'Prix de liquidation'],
      marginRatio: ['Ratio de marge'],
      margin: ['Marge'],
      pnl: ['PNL (ROI %)', 'PnL (ROI %)'],
      fundingFee: ['Frais de financement est.'],
      tpsl: ['TP/SL de la position', 'TP/SL'],
    },
    account: {
      marginRatio: ['Ratio de marge'],
      maintenanceMargin: ['Marge de maintenance'],
      marginBalance: ['Solde de marge'],
      walletBalance: ['Solde du portefeuille', 'Solde'],
      availableBalance: [],
    },
    tabs: { positions: ['Positions'] },
    modes: { cross: ['Croisée', 'Cross'], isolated: ['Isolée'] },
    sides: { long: ['Long', 'Achat'], short: ['Short', 'Vente'] },
    perpetual: ['Perpétuel', 'Perp'],
    contracts: ['Cont', 'Contrats'],
  },
  de: {
    columns: {
      symbol: ['Symbol', 'Kontrakt'],
      size: ['Größe', 'Menge'],
      entryPrice: ['Einstiegspreis'],
      breakEvenPrice: ['Break-Even-Preis', 'Gewinnschwelle'],
      markPrice: ['Markpreis', 'Mark-Preis'],
      liquidationPrice: ['Liq.-Preis', 'Liquidationspreis'],
      marginRatio: ['Margin-Quote', 'Margin-Verhältnis'],
      margin: ['Margin'],
      pnl: ['PNL (ROI %)', 'GuV (ROI %)'],
      fundingFee: ['Geschätzte Finanzierungsgebühr', 'Finanzierungsgebühr'],
      tpsl: ['TP/SL für Position', 'TP/SL'],
    },
    account: {
      marginRatio: ['Margin-Quote', 'Margin-Verhältnis'],
      maintenanceMargin: ['Erhaltungsmargin', 'Wartungsmargin'],
      marginBalance: ['Margin-Guthaben', 'Margin-Saldo'],
      walletBalance: ['Wallet-Guthaben', 'Guthaben'],
      availableBalance: [],
    },
    tabs: { positions: ['Positionen'] },
    modes: { cross: ['Cross', 'Übergreifend'], isolated: ['Isoliert'] },
    sides: { long: ['Long', 'Kauf'], short: ['Short', 'Verkauf'] },
    perpetual: ['Perpetual', 'Perp', 'Unbefristet'],
    contracts: ['Kontr.', 'Kontrakte'],
  },
  uk: {
    columns: {
      symbol: ['Символ', 'Контракт'],
      size: ['Розмір', 'Обсяг'],
      entryPrice: ['Ціна входу'],
      breakEvenPrice: ['Ціна беззбитковості'],
      markPrice: ['Ціна маркування', 'Маркувальна ціна'],
      liquidationPrice: ['Ціна ліквід.', 'Ціна ліквідації'],
      marginRatio: ['Коефіцієнт маржі'],
      margin: ['Маржа'],
      pnl: ['PNL (ROI %)', 'PnL (ROI %)'],
      fundingFee: ['Очікувана комісія за фінансування'],
      tpsl: ['TP/SL для позиції', 'TP/SL'],
    },
    account: {
      marginRatio: ['Коефіцієнт маржі'],
      maintenanceMargin: ['Підтримувальна маржа'],
      marginBalance: ['Баланс маржі'],
      walletBalance: ['Баланс гаманця', 'Баланс'],
      availableBalance: [],
    },
    tabs: { positions: ['Позиції'] },
    modes: { cross: ['Крос', 'Cross'], isolated: ['Ізольована', 'Ізольов.'] },
    sides: { long: ['Лонг', 'Long'], short: ['Шорт', 'Short'] },
    perpetual: ['Безстроковий', 'Perp'],
    contracts: ['Конт.', 'Контр.'],
  },
};

export const LANGUAGES = Object.keys(LABELS) as Language[];

export type OrderColumnKey = 'symbol' | 'type' | 'side' | 'price' | 'amount' | 'filled' | 'reduceOnly' | 'trigger';

/** The Open Orders tab and its list. */
export interface OrderLabels {
  tab: string[];
  columns: Record<OrderColumnKey, string[]>;
  /** One-way mode shows Buy / Sell; hedge mode says which side an order opens or closes. */
  sides: { buy: string[]; sell: string[]; openLong: string[]; openShort: string[]; closeLong: string[]; closeShort: string[] };
  /** "Yes" and "No" in the Reduce Only column. */
  yes: string[];
  no: string[];
  /** The Price cell of a market (or stop-market) order. */
  marketPrice: string[];
}

/**
 * The Open Orders labels. SEEN (dom.md): the tab "Open Orders" / 当前委托 and its empty states. INFERRED: the
 * column and side labels (the exchange's usual terms); only these languages so far, and English is tried on
 * every page after its own, like the positions labels. Paired fixtures: en-open-orders, zh-CN-open-orders.
 */
export const ORDER_LABELS: Partial<Record<Language, OrderLabels>> = {
  en: {
    tab: ['Open Orders'],
    columns: {
      symbol: ['Symbol', 'Contract'],
      type: ['Type'],
      side: ['Side'],
      price: ['Price'],
      amount: ['Amount', 'Quantity', 'Size'],
      filled: ['Filled'],
      reduceOnly: ['Reduce Only'],
      trigger: ['Trigger Conditions', 'Trigger Condition', 'Trigger'],
    },
    sides: {
      buy: ['Buy'],
      sell: ['Sell'],
      openLong: ['Open Long'],
      openShort: ['Open Short'],
      closeLong: ['Close Long'],
      closeShort: ['Close Short'],
    },
    yes: ['Yes'],
    no: ['No'],
    marketPrice: ['Market'],
  },
  'zh-CN': {
    tab: ['当前委托'],
    columns: {
      symbol: ['合约', '符号'],
      type: ['类型'],
      side: ['方向'],
      price: ['价格'],
      amount: ['数量'],
      filled: ['成交数量', '已成交', '成交'],
      reduceOnly: ['只减仓'],
      trigger: ['触发条件'],
    },
    sides: { buy: ['买入'], sell: ['卖出'], openLong: ['开多'], openShort: ['开空'], closeLong: ['平多'], closeShort: ['平空'] },
    yes: ['是'],
    no: ['否'],
    marketPrice: ['市价'],
  },
};

/** The page's language's Open Orders labels first, then the others. */
export function orderLanguagesFor(language: Language): OrderLabels[] {
  const own = ORDER_LABELS[language];
  return [...(own ? [own] : []), ...Object.values(ORDER_LABELS).filter((labels) => labels !== own)];
}

/** The page's language from `<html lang>` and the URL's first segment: "zh-CN", "en", "pt-BR" → "pt". */
export function pageLanguage(htmlLang: string | null, urlLanguage: string | null): Language {
  for (const candidate of [urlLanguage, htmlLang]) {
    if (!candidate) continue;
    const exact = LANGUAGES.find((l) => l.toLowerCase() === candidate.toLowerCase());
    if (exact) return exact;
    if (/^zh-(hk|tw|hant)/i.test(candidate)) return 'zh-TW';
    if (/^zh/i.test(candidate)) return 'zh-CN';
    const base = LANGUAGES.find((l) => l === candidate.slice(0, 2).toLowerCase());
    if (base) return base;
  }
  return 'en';
}

/** The page's language first, then every other, so unlisted variants still read. */
export function languagesFor(language: Language): LanguageLabels[] {
  return [LABELS[language], ...LANGUAGES.filter((l) => l !== language).map((l) => LABELS[l])];
}
