// Writes text to the clipboard. The async Clipboard API needs a secure context (https or localhost);
// a runbook opened from a plain-http internal host falls back to a hidden textarea and execCommand.
export async function writeToClipboard(text: string): Promise<boolean> {
  // Browsers leave navigator.clipboard undefined outside a secure context.
  if (typeof navigator !== 'undefined' && typeof navigator.clipboard?.writeText === 'function') {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Permission refused or document not focused: try the legacy path below.
    }
  }
  return copyWithTextarea(text);
}

function copyWithTextarea(text: string): boolean {
  const active = document.activeElement;
  const textarea = document.createElement('textarea');
  textarea.value = text;
  textarea.setAttribute('readonly', '');
  textarea.setAttribute('aria-hidden', 'true');
  textarea.tabIndex = -1;
  // Off screen rather than display:none, which cannot be selected.
  textarea.className = 'fixed -left-[9999px] top-0 opacity-0';
  document.body.append(textarea);
  textarea.select();
  let isCopied: boolean;
  try {
    isCopied = document.execCommand('copy');
  } catch {
    isCopied = false;
  }
  textarea.remove();
  // Give focus back to the button that asked for the copy.
  if (active instanceof HTMLElement) active.focus();
  return isCopied;
}
