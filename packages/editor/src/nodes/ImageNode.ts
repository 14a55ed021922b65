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

/** The JSON form of an {@link ImageNode}. */
export type SerializedImageNode = Spread<{ src: string; alt: string }, SerializedLexicalNode>;

/** Only web images: an image URL that runs script or reads local files is refused. */
export function isSafeImageUrl(src: string): boolean {
  try {
    const url = new URL(src, 'https://example.invalid/');
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** An image shown from a URL (the editor stores no files). */
export class ImageNode extends DecoratorNode<JSX.Element> {
  __src: string;
  __alt: string;

  static override getType(): string {
    return 'image';
  }

  static override clone(node: ImageNode): ImageNode {
    return new ImageNode(node.__src, node.__alt, node.__key);
  }

  static override importJSON(json: SerializedImageNode): ImageNode {
    return $createImageNode({ src: json.src, alt: json.alt });
  }

  static override importDOM(): DOMConversionMap | null {
    return { img: () => ({ conversion: $convertImageElement, priority: 0 }) };
  }

  constructor(src = '', alt = '', key?: NodeKey) {
    super(key);
    this.__src = src;
    this.__alt = alt;
  }

  override exportJSON(): SerializedImageNode {
    return { ...super.exportJSON(), type: 'image', version: 1, src: this.__src, alt: this.__alt };
  }

  override createDOM(): HTMLElement {
    const span = document.createElement('span');
    span.className = 'rp-image';
    return span;
  }

  override updateDOM(): boolean {
    return false;
  }

  override exportDOM(): DOMExportOutput {
    const img = document.createElement('img');
    img.setAttribute('src', this.__src);
    img.setAttribute('alt', this.__alt);
    return { element: img };
  }

  override isInline(): boolean {
    return true;
  }

  override getTextContent(): string {
    return '';
  }

  /** The image's URL. */
  getSrc(): string {
    return this.getLatest().__src;
  }

  /** Its alternative text. */
  getAlt(): string {
    return this.getLatest().__alt;
  }

  override decorate(): JSX.Element {
    // createElement rather than JSX keeps this file plain TypeScript, which Node can load.
    return createElement('img', {
      src: this.__src,
      alt: this.__alt,
      className: 'rp-image-img',
      draggable: false,
    });
  }
}

function $convertImageElement(element: HTMLElement): DOMConversionOutput {
  const src = element.getAttribute('src') ?? '';
  if (!isSafeImageUrl(src)) return { node: null };
  return { node: $createImageNode({ src, alt: element.getAttribute('alt') ?? '' }) };
}

/** Creates an image node; throws on a URL that is not http(s). Must run inside an editor update. */
export function $createImageNode(props: { src: string; alt?: string }): ImageNode {
  if (!isSafeImageUrl(props.src))
    throw new Error(`$createImageNode: src must be an http(s) URL, got "${props.src}"`);
  return $applyNodeReplacement(new ImageNode(props.src, props.alt ?? ''));
}

/** Whether `node` is an image. */
export function $isImageNode(node: LexicalNode | null | undefined): node is ImageNode {
  return node instanceof ImageNode;
}
