import { expect, it } from 'vitest';
import { expandReferences } from './references.ts';

const resolve = (ref: { key: string; trigger: string }) => {
  if (ref.key === 'priya')
    return { id: 'sample-member-priya', kind: 'member', title: 'Priya Raman' };
  if (ref.key === 'dcp')
    return { id: 'sample-practice-dcp', kind: 'practice', title: 'Digital [Citizenship]' };
  throw new Error(`unknown ${ref.key}`);
};

it('writes @key and [[key]] as the chips the editor exports, escaping the title', () => {
  expect(expandReferences("@priya's plan for [[dcp]], mail a@b.org", resolve)).toBe(
    "[@Priya Raman](repertoire:member/sample-member-priya)'s plan for " +
      '[\\[\\[Digital \\[Citizenship\\]\\]\\]](repertoire:practice/sample-practice-dcp), mail a@b.org',
  );
});

it('refuses a reference to something that does not exist', () => {
  expect(() => expandReferences('ask @nobody', resolve)).toThrow('unknown nobody');
});
