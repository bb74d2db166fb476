import { SOUND_TONES } from '@/lib/model/sounds';

/** Loud enough to hear over music, never at full scale. */
const VOLUME = 0.2;
/** A browser that will not start audio (no user gesture, no audio device) says so within this time. */
const START_TIMEOUT_MS = 2000;

/**
 * Plays one of LiqGuard's alert sounds with Web Audio oscillators (`lib/model/sounds.ts`): in the options page (the
 * preview), the offscreen document (Chrome's worker has no audio) and Firefox's background page. Resolves when it has
 * played; rejects, saying why, when the browser would not start audio.
 */
export async function playSound(sound: keyof typeof SOUND_TONES): Promise<void> {
  const context = new AudioContext();
  try {
    if (context.state !== 'running') {
      await Promise.race([
        context.resume(),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`audio stayed ${context.state}`)), START_TIMEOUT_MS)),
      ]);
    }
    const start = context.currentTime;
    let end = 0;
    for (const tone of SOUND_TONES[sound]) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = tone.wave;
      oscillator.frequency.value = tone.frequency;
      // A fade in and out, so a tone does not click.
      const at = start + tone.start;
      gain.gain.setValueAtTime(0, at);
      gain.gain.linearRampToValueAtTime(VOLUME, at + 0.01);
      gain.gain.exponentialRampToValueAtTime(0.001, at + tone.duration);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(at);
      oscillator.stop(at + tone.duration);
      end = Math.max(end, tone.start + tone.duration);
    }
    await new Promise((resolve) => setTimeout(resolve, end * 1000 + 50));
  } finally {
    await context.close();
  }
}
