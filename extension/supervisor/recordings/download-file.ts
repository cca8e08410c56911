/** Saves a file the page built, through the browser's own download (an <a download> click). */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The click starts the download asynchronously: give it time before letting the blob go.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
