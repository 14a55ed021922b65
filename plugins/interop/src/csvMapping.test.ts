import { describe, expect, it } from 'vitest';
import { guessChoices, mappingOf, readWithChoices } from './csvMapping.ts';

const SHEET = [
  'Name,Role,Mentor,Years',
  'Ana Lopez,facilitator,,4',
  'Ben Ortiz,member,Ana Lopez,lots',
  'Zoe Quinn',
].join('\n');

describe('the CSV mapping step', () => {
  it('guesses title, id and kind columns from the header and makes the rest fields', () => {
    expect(guessChoices(['ID', 'Full name', 'Type', 'Email'], 'member')).toEqual({
      kind: 'member',
      columns: [
        { column: 'ID', use: 'id' },
        { column: 'Full name', use: 'title' },
        { column: 'Type', use: 'kind' },
        { column: 'Email', use: 'field', type: 'string', name: 'email' },
      ],
    });
  });

  it('turns the member’s choices into relations, typed fields and problems by row', () => {
    const choices = guessChoices(['Name', 'Role', 'Mentor', 'Years'], 'member');
    const mentor = choices.columns[2];
    const years = choices.columns[3];
    if (!mentor || !years) throw new Error('columns missing');
    Object.assign(mentor, { use: 'relation', name: 'mentors' });
    Object.assign(years, { type: 'number' });
    const read = readWithChoices(SHEET, choices);
    if ('problem' in read) throw new Error(read.problem);
    expect(read.result.graph.entities.map((e) => [e.title, e.kind, e.fields])).toEqual([
      ['Ana Lopez', 'member', { role: 'facilitator', years: 4 }],
      ['Ben Ortiz', 'member', { role: 'member' }],
    ]);
    expect(read.result.graph.relations).toEqual([
      { from: 'row-2', type: 'mentors', to: 'row-1', attributes: {} },
    ]);
    expect(read.result.issues.map((i) => [i.row, i.line, i.message])).toEqual([
      [3, 4, 'has 1 cells where the header has 4'],
      [2, 3, "'lots' in 'Years' is not a number"],
    ]);
  });

  it('refuses a mapping without a title or with two, and changes nothing', () => {
    const choices = guessChoices(['Name', 'Role'], 'member');
    const [name, role] = choices.columns;
    if (!name || !role) throw new Error('columns missing');
    role.use = 'title';
    expect(mappingOf(choices)).toEqual({
      problem: "Only one column can be the title: 'Name' and 'Role' both are.",
    });
    name.use = 'skip';
    role.use = 'skip';
    expect(readWithChoices(SHEET, choices)).toEqual({
      problem: 'Choose the column that holds each row’s title.',
    });
  });
});
