/**
 * The sounds an alert can make: the system's own notification sound, one of LiqGuard's, or none. LiqGuard's are
 * synthesized from these tones (Web Audio oscillators), so the extension ships no audio files.
 */

export const ALERT_SOUNDS = ['system', 'chime', 'siren', 'off'] as const;
export type AlertSound = (typeof ALERT_SOUNDS)[number];

/** One tone of a sound: its pitch (Hz), when it starts and how long it lasts (s), its waveform. */
export interface Tone {
  frequency: number;
  start: number;
  duration: number;
  wave: 'sine' | 'triangle' | 'square';
}

/** A soft two-note chime (E5 then A5), and an insistent siren that alternates two pitches four times. */
export const SOUND_TONES: Record<'chime' | 'siren', readonly Tone[]> = {
  chime: [
    { frequency: 659.25, start: 0, duration: 0.35, wave: 'sine' },
    { frequency: 880, start: 0.18, duration: 0.5, wave: 'sine' },
  ],
  siren: [0, 1, 2, 3, 4, 5, 6, 7].map((i) => ({
    frequency: i % 2 === 0 ? 880 : 660,
    start: i * 0.2,
    duration: 0.18,
    wave: 'square' as const,
  })),
};

export const isAlertSound = (value: unknown): value is AlertSound => ALERT_SOUNDS.includes(value as AlertSound);

/** The sounds LiqGuard plays itself (the others are the system's notification sound, or silence). */
export const playsItself = (sound: AlertSound): sound is keyof typeof SOUND_TONES => sound in SOUND_TONES;
