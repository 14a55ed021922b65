import { describe, expect, it } from 'vitest';
import { MemoryGraphSource } from '../memoryGraphSource.ts';
import { sampleCommunity } from '../sampleCommunity.ts';
import { activityRange } from './activityRange.ts';
import { kindLooks, singularOf } from './kindLooks.ts';

describe('the time bar’s span', () => {
  it('runs from the first entity made to the last, not to today', () => {
    const range = activityRange(new MemoryGraphSource(sampleCommunity()), new Date('2027-06-01'));
    expect(range.from.toISOString().slice(0, 10)).toBe('2026-01-10');
    expect(range.to.toISOString().slice(0, 10)).toBe('2026-09-20');
  });

  it('grows with a live change: something made today moves its end to today', () => {
    const source = new MemoryGraphSource(sampleCommunity());
    source.put({
      entities: [{ id: 'm-new', kind: 'member', title: 'Gus', createdAt: '2026-12-01' }],
    });
    expect(activityRange(source).to.toISOString().slice(0, 10)).toBe('2026-12-01');
  });

  it('without any dates, covers the last 30 days', () => {
    const source = new MemoryGraphSource({
      entities: [{ id: 'a', kind: 'member', title: 'A' }],
      relations: [],
    });
    const now = new Date('2026-12-01T00:00:00Z');
    const range = activityRange(source, now);
    expect(range.to).toEqual(now);
    expect(range.from.toISOString().slice(0, 10)).toBe('2026-11-01');
  });
});

describe('kind names', () => {
  it('names one entity in the singular and a filter in the plural', () => {
    const looks = kindLooks([
      { kind: 'cycle', label: 'Inquiry cycles', singularLabel: 'Inquiry cycle' },
    ]);
    expect(singularOf(looks, 'member')).toBe('Member');
    expect(looks.labels.member).toBe('Members');
    expect(singularOf(looks, 'cycle')).toBe('Inquiry cycle');
    expect(singularOf(looks, 'badge')).toBe('Badge');
  });
});
