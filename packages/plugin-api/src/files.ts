/** A file the member chose to open, read whole. */
export interface OpenedFile {
  /** Its name, e.g. `members.csv`. */
  readonly name: string;
  /**
   * Its path inside the chosen folder (`Meetings/2025-02-03.md`) when a folder was opened; its
   * name otherwise.
   */
  readonly path: string;
  /** Its bytes. Decode text yourself: a file may not be UTF-8, and the plugin should say so. */
  readonly data: Uint8Array;
}

/** What {@link FilesApi.showOpenDialog} asks for. */
export interface OpenDialogOptions {
  /** The dialog's purpose, e.g. "Import a vault". */
  title?: string;
  /** Extensions offered, with the dot: `['.gexf', '.xml']`. Any file when absent. */
  extensions?: string[];
  /** Let the member pick several files. */
  multiple?: boolean;
  /** Pick a folder and read every file in it (a Markdown vault). */
  folder?: boolean;
}

/**
 * Files the member opens and saves, for importers and exporters. Needs the `files` permission.
 * The plugin never sees the file system: it receives exactly the files the member picks, and
 * what it saves is offered to the member as a download.
 */
export interface FilesApi {
  /** Asks the member for files (or a folder); resolves with them, or undefined when cancelled. */
  showOpenDialog(options?: OpenDialogOptions): Promise<OpenedFile[] | undefined>;
  /** Offers a file to the member (a download in the browser). */
  saveFile(name: string, data: string | Uint8Array, mimeType?: string): Promise<void>;
}
