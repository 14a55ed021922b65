import { afterEach, describe, expect, it } from 'vitest';
import { planMeetingDates, RecurrenceError } from './recurrence.ts';

const term1 = { start: '2026-01-27', end: '2026-04-02' };

describe('planMeetingDates', () => {
  it('meets fortnightly on the community’s weekday from the first one on or after the start', () => {
    const { dates } = planMeetingDates({ ...term1, cadence: 'fortnightly', weekday: 'Tuesday' });
    expect(dates).toEqual(['2026-01-27', '2026-02-10', '2026-02-24', '2026-03-10', '2026-03-24']);
  });

  it('skips the dates a holiday covers and says which holiday took them', () => {
    const { dates, skipped } = planMeetingDates({
      start: '2026-03-02',
      end: '2026-04-30',
      cadence: 'weekly',
      weekday: 'Thursday',
      holidays: [
        { title: 'Easter break', start: '2026-04-03', end: '2026-04-19' },
        { title: 'Staff day', start: '2026-03-19' },
      ],
    });
    expect(skipped).toEqual([
      { date: '2026-03-19', holiday: 'Staff day' },
      { date: '2026-04-09', holiday: 'Easter break' },
      { date: '2026-04-16', holiday: 'Easter break' },
    ]);
    expect(dates).toEqual([
      '2026-03-05',
      '2026-03-12',
      '2026-03-26',
      '2026-04-02',
      '2026-04-23',
      '2026-04-30',
    ]);
  });

  it('keeps every date inside the term, the first and last days included', () => {
    const { dates } = planMeetingDates({
      start: '2026-02-03',
      end: '2026-02-24',
      cadence: 'weekly',
      weekday: 'Tuesday',
    });
    expect(dates.at(0)).toBe('2026-02-03');
    expect(dates.at(-1)).toBe('2026-02-24');
    expect(
      planMeetingDates({
        start: '2026-02-04',
        end: '2026-02-23',
        cadence: 'weekly',
        weekday: 'Tuesday',
      }).dates,
    ).toEqual(['2026-02-10', '2026-02-17']);
  });

  it('meets monthly in the same week of each month, the last week when it is the fifth', () => {
    expect(
      planMeetingDates({
        start: '2026-01-01',
        end: '2026-04-30',
        cadence: 'monthly',
        weekday: 'Wednesday',
      }).dates,
    ).toEqual(['2026-01-07', '2026-02-04', '2026-03-04', '2026-04-01']);
    expect(
      planMeetingDates({
        start: '2026-01-29',
        end: '2026-04-30',
        cadence: 'monthly',
        weekday: 'Thursday',
      }).dates,
    ).toEqual(['2026-01-29', '2026-02-26', '2026-03-26', '2026-04-30']);
  });

  describe('across daylight-saving changes', () => {
    const zone = process.env.TZ;
    afterEach(() => {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    });
    // Europe moves its clocks on 29 March 2026 and 25 October 2026, the US on 8 March and
    // 1 November, Sydney on 5 April: weekly Mondays across each stay Mondays in every zone.
    for (const tz of [
      'Europe/London',
      'America/New_York',
      'Australia/Sydney',
      'Pacific/Auckland',
    ]) {
      it(`keeps the same weekday and dates in ${tz}`, () => {
        process.env.TZ = tz;
        const spring = planMeetingDates({
          start: '2026-03-02',
          end: '2026-04-13',
          cadence: 'weekly',
          weekday: 'Monday',
        }).dates;
        expect(spring).toEqual([
          '2026-03-02',
          '2026-03-09',
          '2026-03-16',
          '2026-03-23',
          '2026-03-30',
          '2026-04-06',
          '2026-04-13',
        ]);
        const autumn = planMeetingDates({
          start: '2026-10-19',
          end: '2026-11-09',
          cadence: 'weekly',
          weekday: 'Monday',
        }).dates;
        expect(autumn).toEqual(['2026-10-19', '2026-10-26', '2026-11-02', '2026-11-09']);
      });
    }
  });

  it('refuses an impossible series with a clear reason', () => {
    const base = { ...term1, cadence: 'weekly' as const, weekday: 'Tuesday' as const };
    const refused = (spec: Parameters<typeof planMeetingDates>[0]) => {
      try {
        planMeetingDates(spec);
      } catch (error) {
        expect(error).toBeInstanceOf(RecurrenceError);
        return (error as Error).message;
      }
      throw new Error('the series was accepted');
    };
    expect(refused({ ...base, start: '2026-04-02', end: '2026-01-27' })).toMatch(
      /last day .* is before the first/,
    );
    expect(refused({ ...base, interval: 0 })).toMatch(/every 1 to 12 weeks; 0 cannot/);
    expect(refused({ ...base, interval: 1.5 })).toMatch(/1\.5 cannot/);
    expect(refused({ ...base, start: '2026-02-30' })).toMatch(/not a date/);
    expect(refused({ ...base, start: '2026-01-28', end: '2026-02-02' })).toMatch(
      /No Tuesday falls between/,
    );
    expect(
      refused({
        ...base,
        holidays: [{ title: 'Long break', start: '2026-01-01', end: '2026-12-31' }],
      }),
    ).toMatch(/Every Tuesday .* falls in a holiday \(Long break\)/);
    expect(
      refused({ ...base, holidays: [{ title: 'Odd', start: '2026-02-10', end: '2026-02-01' }] }),
    ).toMatch(/ends before it starts/);
  });
});
