/** Places in the shell that show contributed menu items. */
export type MenuLocation =
  | 'explorer/context'
  | 'explorer/title'
  | 'editor/title'
  | 'entity/context'
  | 'view/title'
  | (string & {});

/** A command shown in a menu. */
export interface MenuItem {
  readonly id: string;
  readonly menu: MenuLocation;
  readonly command: string;
  /** Items sort by group, then order. */
  readonly group?: string;
  readonly order?: number;
  /** When given, the item shows only if it returns true for the menu's context argument. */
  readonly when?: (context: unknown) => boolean;
}
