import type { OpenDialogOptions, OpenedFile } from '@repertoire/plugin-api';

/**
 * Asks the member for files with the browser's own picker (a hidden `<input type=file>`, which
 * is all a page may use), and reads what they pick. A folder pick reads every file under it,
 * keeping each one's path inside the folder, as a vault needs.
 */
export function showOpenDialog(options: OpenDialogOptions): Promise<OpenedFile[] | undefined> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = options.multiple === true || options.folder === true;
    if (options.folder) input.setAttribute('webkitdirectory', '');
    if (options.extensions?.length) input.accept = options.extensions.join(',');
    if (options.title) input.title = options.title;
    input.style.display = 'none';
    document.body.append(input);
    const done = (files: OpenedFile[] | undefined) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('cancel', () => done(undefined), { once: true });
    input.addEventListener(
      'change',
      async () => {
        const picked = [...(input.files ?? [])];
        if (picked.length === 0) return done(undefined);
        const files = await Promise.all(
          picked.map(async (file) => {
            const relative = file.webkitRelativePath;
            // A folder's files come as `Folder/sub/note.md`: drop the folder itself.
            const path = relative ? relative.split('/').slice(1).join('/') : file.name;
            return { name: file.name, path, data: new Uint8Array(await file.arrayBuffer()) };
          }),
        );
        done(files);
      },
      { once: true },
    );
    input.click();
  });
}

/** Offers a file as a download, the way a page saves one. */
export async function saveFile(
  name: string,
  data: string | Uint8Array,
  mimeType: string,
): Promise<void> {
  const blob = new Blob([typeof data === 'string' ? data : new Uint8Array(data)], {
    type: mimeType,
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL is not needed past this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
