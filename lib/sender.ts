// Who sent a runtime message. Nothing outside the extension can message it (no
// externally_connectable), but a message from a content script carries whatever the page made it
// do, so each handler says which senders it accepts: content scripts (in a web page's tab) or the
// extension's own pages (popup, options; the options page may sit in a tab of its own).
import { browser, type Browser } from 'wxt/browser';

type Sender = Browser.runtime.MessageSender;

function isExtensionUrl(url: string | undefined): boolean {
  return typeof url === 'string' && url.startsWith(browser.runtime.getURL('/'));
}

/** The popup or the options page. */
export function isFromExtensionPage(sender: Sender): boolean {
  return sender.id === browser.runtime.id && isExtensionUrl(sender.url);
}

/** Our content script, in a tab showing a web page. */
export function isFromContentScript(sender: Sender): boolean {
  return sender.id === browser.runtime.id && sender.tab?.id !== undefined && !isExtensionUrl(sender.url ?? sender.tab.url);
}
