import { expect, it } from 'vitest';
import { editorMatch } from './entityEditors.ts';
import { allowedRelations, fieldDefinitionOf, validateFieldValue } from './entityFields.ts';

it('matches a kind the view names above a view for every kind, and no view without entities', () => {
  expect(editorMatch({ entities: ['meeting'] }, 'meeting')).toBeGreaterThan(
    editorMatch({ entities: '*' }, 'meeting'),
  );
  expect(editorMatch({ entities: '*' }, 'member')).toBeGreaterThan(0);
  expect(editorMatch({ entities: ['meeting'] }, 'member')).toBe(0);
  expect(editorMatch({ documents: true }, 'member')).toBe(0);
  expect(editorMatch(undefined, 'member')).toBe(0);
});

it('checks a field value as the host will, and says which field and why', () => {
  const role = { name: 'role', label: 'Role', type: 'enum', options: ['member', 'guest'] };
  expect(validateFieldValue(role, 'guest')).toBeUndefined();
  expect(validateFieldValue(role, 'emperor')).toMatch(/^Role: /);
  expect(validateFieldValue({ ...role, required: true }, null)).toBe('Role is required.');
  expect(validateFieldValue(role, null)).toBeUndefined();
  expect(validateFieldValue({ name: 'n', label: 'N', type: 'number', min: 1 }, 0)).toMatch(/^N: /);
  expect(validateFieldValue({ name: 'x', type: 'colour' }, 'red')).toBe(
    'x has no valid definition.',
  );
  expect(fieldDefinitionOf(role)?.options).toEqual(['member', 'guest']);
  expect(fieldDefinitionOf({ name: 'Bad name', label: 'B', type: 'string' })).toBeUndefined();
});

it('offers the relations a kind may have to another, never the derived mentions', () => {
  const kinds = [
    { type: 'practises', label: 'practises', from: ['member'], to: ['practice'] },
    { type: 'mentions', label: 'mentions', from: ['*'], to: ['*'] },
    { type: 'about', label: 'is about', from: ['*'], to: ['domain'] },
  ];
  expect(allowedRelations(kinds, 'member', 'practice').map((k) => k.type)).toEqual(['practises']);
  expect(allowedRelations(kinds, 'meeting', 'domain').map((k) => k.type)).toEqual(['about']);
  expect(allowedRelations(kinds, 'practice', 'member')).toEqual([]);
});
