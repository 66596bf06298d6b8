/**
 * Bundled by tests/robustness/xss.test.ts and injected into a blank page: the DOM builders
 * that put data on screen, called directly with payloads the validator would refuse.
 */
import { externalLink, h, safeHttpUrl } from '../../src/util/dom.js';
import { projectPopup, zonePopup } from '../../src/map/popup-content.js';

(window as unknown as { __szm: unknown }).__szm = { externalLink, h, safeHttpUrl, projectPopup, zonePopup };
