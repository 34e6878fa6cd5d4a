// Where the player and thumbnails load a vault object from: the desktop shell serves it over its
// own media:// protocol, the browser harness at /media/<sha256>; both answer Range requests.
import { isDesktop } from '../../lib/api.js';

export const mediaUrl = (sha256: string): string => (isDesktop() ? `media://vault/${sha256}` : `/media/${sha256}`);
