import { browser, type Browser } from 'wxt/browser';

import { parseMessage, type Message, type OpenFuturesPage, type PingRequest, type StatusResponse } from '@/lib/messages';
import { lastSnapshots, openFuturesPages } from '@/lib/storage';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return;
    const message = parseMessage(raw);
    if (!message) {
      console.warn('LiqGuard: dropped a malformed message', raw);
      return;
    }
    return handle(message, sender);
  });

  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
});

async function handle(message: Message, sender: Browser.runtime.MessageSender): Promise<StatusResponse | void> {
  switch (message.type) {
    case 'page-status': {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return;
      const pages = await openFuturesPages.getValue();
      if (message.route) pages[tabId] = message.route;
      else delete pages[tabId];
      await openFuturesPages.setValue(pages);
      return;
    }
    case 'page-snapshot': {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return;
      const snapshots = await lastSnapshots.getValue();
      snapshots[tabId] = message.snapshot;
      await lastSnapshots.setValue(snapshots);
      return;
    }
    case 'get-status':
      return { pages: await confirmOpenPages() };
    case 'ping':
      return;
  }
}

/**
 * A tab that navigated to a page outside our matches never says goodbye (no content script runs there),
 * so ask each recorded tab's content script what it shows now, and forget the ones that do not answer.
 */
async function confirmOpenPages(): Promise<OpenFuturesPage[]> {
  const recorded = await openFuturesPages.getValue();
  const answers = await Promise.all(
    Object.keys(recorded).map(async (key) => {
      const tabId = Number(key);
      const ping: PingRequest = { type: 'ping' };
      const answer = parseMessage(await browser.tabs.sendMessage(tabId, ping).catch(() => null));
      return answer?.type === 'page-status' && answer.route ? { tabId, route: answer.route } : null;
    }),
  );
  const pages = answers.filter((page) => page !== null);
  await openFuturesPages.setValue(Object.fromEntries(pages.map((page) => [page.tabId, page.route])));
  return pages;
}

async function forgetTab(tabId: number) {
  const pages = await openFuturesPages.getValue();
  if (!(tabId in pages)) return;
  delete pages[tabId];
  await openFuturesPages.setValue(pages);
}
