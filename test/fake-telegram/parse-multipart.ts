// Minimal multipart/form-data reader for what grammY uploads: text fields and one file per field.
export function parseMultipart(body: Buffer, contentType: string): Record<string, string | Uint8Array> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!boundary) throw new Error("multipart body without a boundary");
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const fields: Record<string, string | Uint8Array> = {};
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const partStart = start + delimiter.length;
    if (body.subarray(partStart, partStart + 2).toString() === "--") break;
    const next = body.indexOf(delimiter, partStart);
    if (next < 0) break;
    const part = body.subarray(partStart, next);
    const headerEnd = part.indexOf("\r\n\r\n");
    const headers = part.subarray(0, headerEnd).toString("utf8");
    let content = part.subarray(headerEnd + 4);
    if (content.subarray(-2).toString() === "\r\n") content = content.subarray(0, -2);
    const name = /name="([^"]+)"/i.exec(headers)?.[1];
    if (name) fields[name] = /filename=/i.test(headers) ? new Uint8Array(content) : content.toString("utf8");
    start = next;
  }
  return fields;
}
