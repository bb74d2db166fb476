import { describe, expect, it } from 'vitest';

import { PANEL_WIDTH, roomBeside, themeOf } from '@/lib/page/placement';

describe('the overlay’s default spot keeps clear of the page’s figures', () => {
  // The demo page at 1280×720: account panel in the right column from x = 980, positions tab bar at y = 372.
  const demo = {
    positions: [
      { top: 372, left: 16 },
      { top: 410, left: 16 },
    ],
    account: { top: 150, left: 980 },
  };

  it('sits left of the right-hand column and ends above the positions list, as tall as the space there', () => {
    const room = roomBeside({ width: 1280, height: 720 }, demo);
    expect(room.x + PANEL_WIDTH).toBeLessThanOrEqual(980);
    expect(room.y + room.maxHeight).toBeLessThanOrEqual(372);
    expect(room).toEqual({ x: 980 - PANEL_WIDTH - 12, y: 56, maxHeight: 372 - 12 - 56 });
  });

  it('without the account panel, leaves the exchanges’ order-form column free; without the list, the window’s height', () => {
    expect(roomBeside({ width: 1920, height: 1080 }, { positions: [], account: null })).toEqual({
      x: 1920 - 340 - PANEL_WIDTH - 12,
      y: 56,
      maxHeight: 1080 - 12 - 56,
    });
  });

  it('ignores an account panel on the left half (not the order-form column) and a list that starts under the top bar', () => {
    const room = roomBeside({ width: 1440, height: 900 }, { positions: [{ top: 40, left: 0 }], account: { top: 0, left: 100 } });
    expect(room).toEqual({ x: 1440 - 340 - PANEL_WIDTH - 12, y: 56, maxHeight: 900 - 12 - 56 });
  });

  it('never hands the panel less than a title and a row', () => {
    const room = roomBeside({ width: 800, height: 240 }, { positions: [{ top: 200, left: 0 }], account: null });
    expect(room.maxHeight).toBeGreaterThanOrEqual(96);
    expect(room.x).toBeGreaterThanOrEqual(8);
  });
});

describe('the overlay follows the page’s theme', () => {
  it.each([
    [['rgb(11, 14, 17)'], 'dark'],
    [['rgb(255, 255, 255)'], 'light'],
    [['rgba(0, 0, 0, 0)', 'rgb(24, 26, 32)'], 'dark'],
    [['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)'], 'light'],
    [['transparent', 'rgb(250, 250, 250)'], 'light'],
  ] as const)('%j → %s', (backgrounds, theme) => {
    expect(themeOf(backgrounds)).toBe(theme);
  });
});
