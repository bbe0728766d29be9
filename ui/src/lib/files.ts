// A file the user picked, read into the bytes the backend's importers take over IPC.

/** The file's bytes, as the number array a Rust `Vec<u8>` arrives from. */
export function readBytes(picked: File): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(Array.from(new Uint8Array(reader.result as ArrayBuffer)));
    reader.onerror = () => reject(reader.error ?? new Error("the file could not be read"));
    reader.readAsArrayBuffer(picked);
  });
}
