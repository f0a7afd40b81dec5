// Saving text as a file from the page, with nothing sent anywhere. No imports: the landing page
// uses it without the export panel.

/**
 * Saves text as a file through a temporary `blob:` link. Nothing is fetched, so the page's
 * Content-Security-Policy has no say; the object URL is released once the browser has taken it.
 */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Chromium reads the blob after the click has returned; a zero delay leaves it that moment.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
