import { browser } from 'wxt/browser';

import { playSound } from '@/components/playSound';
import type { PlaySoundRequest } from '@/lib/protocol/messages';
import type { SOUND_TONES } from '@/lib/model/sounds';

const OFFSCREEN_PATH = '/offscreen.html';

/** The offscreen document being opened, so that two alerts at once do not open two (Chrome allows one). */
const state: { opening: Promise<void> | null } = { opening: null };

/** Chrome's worker has no audio: the sound plays in an offscreen document, opened when none is (Chrome closes it when silent). */
async function offscreenDocument(): Promise<void> {
  const url = browser.runtime.getURL(OFFSCREEN_PATH);
  const open = await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT], documentUrls: [url] });
  if (open.length > 0) return;
  state.opening ??= chrome.offscreen
    .createDocument({ url, reasons: [chrome.offscreen.Reason.AUDIO_PLAYBACK], justification: 'the alert sound chosen in the options' })
    .finally(() => (state.opening = null));
  await state.opening;
}

/** Plays the alert sound chosen in the options: in Firefox's background page itself, in Chrome through the offscreen document. */
export async function playAlertSound(sound: keyof typeof SOUND_TONES): Promise<void> {
  if (import.meta.env.FIREFOX) return playSound(sound);
  await offscreenDocument();
  const request: PlaySoundRequest = { type: 'play-sound', sound };
  const answer = (await browser.runtime.sendMessage(request)) as { played?: boolean; reason?: string } | undefined;
  if (!answer?.played) throw new Error(`the alert sound did not play: ${answer?.reason ?? 'no answer'}`);
}
