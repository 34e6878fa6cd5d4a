import type { PublicItem } from '../../../shared/disclosure-types.js';

/** One item as the site shows it: its frozen public form (attachments by content address). */
export interface SiteItem extends PublicItem {
  seriesId: number;
  version: number;
  /** The version's content hash: lets a build reuse this item's rendered page (optional). */
  contentHash?: string;
}

/** Everything the site is built from. Same content → byte-identical files. */
export interface SiteContent {
  bureau: { name: string; websiteName: string; address: string; phone: string; creditCode: string };
  /** Public address for sitemap.xml (empty: relative addresses). */
  baseUrl: string;
  items: SiteItem[];
}

/** A file of the evidence vault published as is (the regenerated PDF, a flowchart image). */
export interface Attachment {
  sha256: string;
  size: number;
}

export interface BuiltSite {
  /** Generated files: pages, style sheet, script, items.json, sitemap.xml. */
  files: Map<string, Buffer>;
  /**
   * Attachments by path, named by the content address recorded at approval: they are not read
   * or hashed to build the site, only read (and verified against the address) when sent.
   */
  attachments: Map<string, Attachment>;
  /** Series ids shown by each file (for the final check). */
  itemsOf: Map<string, number[]>;
}

/** Reads an attachment's bytes by content address (the evidence vault). */
export type AttachmentReader = (sha256: string) => Buffer;
