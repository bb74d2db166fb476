import { browser } from 'wxt/browser';

import { playSound } from '@/components/playSound';
import { isPlaySound } from '@/lib/protocol/messages';

/** Chrome's offscreen document: the worker has no audio, so it asks this page to play an alert's sound. */
browser.runtime.onMessage.addListener((message: unknown, sender) => {
  if (sender.id !== browser.runtime.id || !isPlaySound(message)) return undefined;
  return playSound(message.sound).then(
    () => ({ played: true }),
    (error: unknown) => ({ played: false, reason: String(error) }),
  );
});
