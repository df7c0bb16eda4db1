import { describe, expect, it } from 'vitest';
import { timeZoneOffsetMs, utcToZonedLocal, zonedLocalToUtc } from './zoned';

describe('zonedLocalToUtc', () => {
  it('reads Baghdad wall time as UTC+3 all year round (no daylight saving)', () => {
    expect(zonedLocalToUtc('2024-01-05T12:00', 'Asia/Baghdad')?.toISOString()).toBe('2024-01-05T09:00:00.000Z');
    expect(zonedLocalToUtc('2024-07-05T12:00', 'Asia/Baghdad')?.toISOString()).toBe('2024-07-05T09:00:00.000Z');
    expect(zonedLocalToUtc('2024-03-01T01:30:15', 'Asia/Baghdad')?.toISOString()).toBe('2024-02-29T22:30:15.000Z');
  });

  it('follows daylight saving in a zone that has it (Europe/Berlin: +1 in winter, +2 in summer)', () => {
    expect(zonedLocalToUtc('2024-01-15T10:00', 'Europe/Berlin')?.toISOString()).toBe('2024-01-15T09:00:00.000Z');
    expect(zonedLocalToUtc('2024-07-15T10:00', 'Europe/Berlin')?.toISOString()).toBe('2024-07-15T08:00:00.000Z');
    // The hours around the switch (31 March 2024, 02:00 → 03:00).
    expect(zonedLocalToUtc('2024-03-31T01:59', 'Europe/Berlin')?.toISOString()).toBe('2024-03-31T00:59:00.000Z');
    expect(zonedLocalToUtc('2024-03-31T03:00', 'Europe/Berlin')?.toISOString()).toBe('2024-03-31T01:00:00.000Z');
  });

  it('moves a time that does not exist (spring forward) forward by the gap, and takes the first of a repeated time', () => {
    expect(zonedLocalToUtc('2024-03-31T02:30', 'Europe/Berlin')?.toISOString()).toBe('2024-03-31T01:30:00.000Z');
    // 27 October 2024, 02:30 happens twice in Berlin: first at +2 (00:30Z), then at +1 (01:30Z).
    expect(zonedLocalToUtc('2024-10-27T02:30', 'Europe/Berlin')?.toISOString()).toBe('2024-10-27T00:30:00.000Z');
    expect(zonedLocalToUtc('2024-10-27T03:30', 'Europe/Berlin')?.toISOString()).toBe('2024-10-27T02:30:00.000Z');
  });

  it('handles zones west of UTC and across the date line', () => {
    expect(zonedLocalToUtc('2024-11-03T01:30', 'America/New_York')?.toISOString()).toBe('2024-11-03T05:30:00.000Z');
    expect(zonedLocalToUtc('2024-06-01T00:15', 'Pacific/Auckland')?.toISOString()).toBe('2024-05-31T12:15:00.000Z');
  });

  it('refuses what is not a local date-time', () => {
    for (const input of ['', '2024-01-05', '2024-01-05 12:00', '2024-13-01T10:00', '2024-04-31T10:00', '2024-01-05T24:00', 'غدًا', '2024-01-05T12:00Z']) {
      expect(zonedLocalToUtc(input, 'Asia/Baghdad'), input).toBeNull();
    }
  });

  it('round-trips with utcToZonedLocal', () => {
    const instant = new Date('2025-05-20T17:45:00Z');
    expect(utcToZonedLocal(instant, 'Asia/Baghdad')).toBe('2025-05-20T20:45');
    expect(zonedLocalToUtc(utcToZonedLocal(instant, 'Europe/Berlin'), 'Europe/Berlin')?.getTime()).toBe(instant.getTime());
    expect(timeZoneOffsetMs(instant.getTime(), 'Asia/Baghdad')).toBe(3 * 3_600_000);
  });
});
