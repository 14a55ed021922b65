import {
  $applyNodeReplacement,
  DecoratorNode,
  type DOMConversionMap,
  type DOMConversionOutput,
  type DOMExportOutput,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import { createElement, type JSX } from 'react';
import { EntityChip } from '../react/EntityChip.ts';
import type { MentionTrigger } from './mentionTrigger.ts';

export type { MentionTrigger };

/** The JSON form of a {@link MentionNode}. */
export type SerializedMentionNode = Spread<
  { entityId: string; kind: string; label: string; trigger: MentionTrigger },
  SerializedLexicalNode
>;

/** The URL scheme mentions use in exported Markdown and HTML, so an import can restore the chip. */
export const ENTITY_URL_PREFIX = 'repertoire:';

/** `repertoire:<kind>/<id>`: how a reference to an entity is written outside the editor. */
export function entityUrl(kind: string, entityId: string): string {
  return `${ENTITY_URL_PREFIX}${encodeURIComponent(kind)}/${encodeURIComponent(entityId)}`;
}

/** Parses {@link entityUrl}; undefined for any other URL. */
export function parseEntityUrl(url: string): { kind: string; entityId: string } | undefined {
  if (!url.startsWith(ENTITY_URL_PREFIX)) return undefined;
  const rest = url.slice(ENTITY_URL_PREFIX.length);
  const slash = rest.indexOf('/');
  if (slash <= 0 || slash === rest.length - 1) return undefined;
  return {
    kind: decodeURIComponent(rest.slice(0, slash)),
    entityId: decodeURIComponent(rest.slice(slash + 1)),
  };
}

/**
 * An `@member` mention or a `[[practice]]` link: an inline, atomic chip that stores the entity's
 * id (so it survives renames) and the title it had when inserted (shown only when the entity can
 * no longer be found). Its properties are plain strings, so `@lexical/yjs` syncs it as is.
 */
export class MentionNode extends DecoratorNode<JSX.Element> {
  __entityId: string;
  __kind: string;
  __label: string;
  __trigger: MentionTrigger;

  static override getType(): string {
    return 'entity-mention';
  }

  static override clone(node: MentionNode): MentionNode {
    return new MentionNode(node.__entityId, node.__kind, node.__label, node.__trigger, node.__key);
  }

  static override importJSON(json: SerializedMentionNode): MentionNode {
    return $createMentionNode({
      entityId: json.entityId,
      kind: json.kind,
      label: json.label,
      trigger: json.trigger,
    });
  }

  static override importDOM(): DOMConversionMap | null {
    return {
      a: (element: HTMLElement) =>
        element.hasAttribute('data-entity-id') || parseEntityUrl(element.getAttribute('href') ?? '')
          ? { conversion: $convertMentionElement, priority: 3 }
          : null,
      span: (element: HTMLElement) =>
        element.hasAttribute('data-entity-id')
          ? { conversion: $convertMentionElement, priority: 3 }
          : null,
    };
  }

  constructor(
    entityId = '',
    kind = '',
    label = '',
    trigger: MentionTrigger = 'mention',
    key?: NodeKey,
  ) {
    super(key);
    this.__entityId = entityId;
    this.__kind = kind;
    this.__label = label;
    this.__trigger = trigger;
  }

  override exportJSON(): SerializedMentionNode {
    return {
      ...super.exportJSON(),
      type: 'entity-mention',
      version: 1,
      entityId: this.__entityId,
      kind: this.__kind,
      label: this.__label,
      trigger: this.__trigger,
    };
  }

  override createDOM(): HTMLElement {
    const span = document.createElement('span');
    span.className = 'rp-mention-host';
    return span;
  }

  override updateDOM(): boolean {
    return false;
  }

  override exportDOM(): DOMExportOutput {
    const a = document.createElement('a');
    a.setAttribute('href', entityUrl(this.__kind, this.__entityId));
    a.setAttribute('data-entity-id', this.__entityId);
    a.setAttribute('data-entity-kind', this.__kind);
    a.setAttribute('data-trigger', this.__trigger);
    a.className = `mention mention-${this.__trigger}`;
    a.textContent = this.getTextContent();
    return { element: a };
  }

  override isInline(): boolean {
    return true;
  }

  override isKeyboardSelectable(): boolean {
    return true;
  }

  override getTextContent(): string {
    const label = this.getLatest().__label;
    return this.getLatest().__trigger === 'mention' ? `@${label}` : `[[${label}]]`;
  }

  /** The referenced entity's id. */
  getEntityId(): string {
    return this.getLatest().__entityId;
  }

  /** The referenced entity's kind. */
  getKind(): string {
    return this.getLatest().__kind;
  }

  /** The title the entity had when the chip was inserted. */
  getLabel(): string {
    return this.getLatest().__label;
  }

  /** `mention` for `@`, `link` for `[[`. */
  getTrigger(): MentionTrigger {
    return this.getLatest().__trigger;
  }

  override decorate(): JSX.Element {
    // createElement rather than JSX keeps this file plain TypeScript, which Node can load.
    return createElement(EntityChip, {
      entityId: this.__entityId,
      kind: this.__kind,
      fallbackLabel: this.__label,
      trigger: this.__trigger,
    });
  }
}

function $convertMentionElement(element: HTMLElement): DOMConversionOutput {
  const fromUrl = parseEntityUrl(element.getAttribute('href') ?? '');
  const entityId = element.getAttribute('data-entity-id') ?? fromUrl?.entityId ?? '';
  const kind = element.getAttribute('data-entity-kind') ?? fromUrl?.kind ?? '';
  const text = (element.textContent ?? '').trim();
  const trigger: MentionTrigger =
    element.getAttribute('data-trigger') === 'link' || text.startsWith('[[') ? 'link' : 'mention';
  const label = trigger === 'link' ? text.replace(/^\[\[|\]\]$/g, '') : text.replace(/^@/, '');
  return { node: $createMentionNode({ entityId, kind, label, trigger }) };
}

/** Creates a mention chip. Must run inside an editor update. */
export function $createMentionNode(props: {
  entityId: string;
  kind: string;
  label: string;
  trigger?: MentionTrigger;
}): MentionNode {
  if (!props.entityId) throw new Error('$createMentionNode: entityId is required');
  return $applyNodeReplacement(
    new MentionNode(props.entityId, props.kind, props.label, props.trigger ?? 'mention'),
  );
}

/** Whether `node` is a mention chip. */
export function $isMentionNode(node: LexicalNode | null | undefined): node is MentionNode {
  return node instanceof MentionNode;
}
