import { describe, expect, it } from 'vitest';
import { compareEntities, naturalCompare } from './naturalOrder.ts';

describe('natural order', () => {
  it('sorts numbers inside titles by value, not as text', () => {
    const titles = ['Committee meeting 10', 'Committee meeting 2', 'Committee meeting 1'];
    expect(titles.sort(naturalCompare)).toEqual([
      'Committee meeting 1',
      'Committee meeting 2',
      'Committee meeting 10',
    ]);
  });

  it('ignores case and accents, as a reader does', () => {
    expect(['écoute', 'Ecole', 'banana'].sort(naturalCompare)).toEqual([
      'banana',
      'Ecole',
      'écoute',
    ]);
  });

  it('lists dated entities newest first, then undated ones by title', () => {
    const list = [
      { title: 'Notes', fields: {} },
      { title: 'Meeting 2', fields: { date: '2025-02-01' } },
      { title: 'Meeting 10', fields: { date: '2025-10-01' } },
      { title: 'Agenda 3', fields: {} },
    ];
    expect(list.sort(compareEntities).map((e) => e.title)).toEqual([
      'Meeting 10',
      'Meeting 2',
      'Agenda 3',
      'Notes',
    ]);
  });
});
