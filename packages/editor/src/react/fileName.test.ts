import { describe, expect, it } from 'vitest';
import { fileNameFor } from './ExportImportMenu.tsx';

describe('export file names', () => {
  it('keep letters, digits, spaces and dashes of the title, in any script', () => {
    expect(fileNameFor('Meeting notes: 12/03 — “walks”')).toBe('Meeting notes 1203 walks');
    expect(fileNameFor('Élèves à l’écoute')).toBe('Élèves à lécoute');
    expect(fileNameFor('../../etc/passwd')).toBe('etcpasswd');
    expect(fileNameFor('///')).toBe('document');
  });
});
