/** The 13 languages LiqGuard speaks: those the page reader knows. */
export const UI_LANGUAGES = ['en', 'zh-CN', 'zh-TW', 'es', 'ru', 'tr', 'vi', 'ja', 'ko', 'pt', 'fr', 'de', 'uk'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
