// Chromium switches for running the unpacked extension here: load only it, and keep Chromium
// from reaching out to Google's services (this machine has no network, and Clearline sends nothing).
export function chromiumArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--disable-default-apps',
  ];
}
