// multipart/form-data as @discordjs/rest sends it (undici FormData): a `payload_json` text part plus one part per
// file, named `files[n]` (n matching the body's attachments[].id), each with a filename and Content-Type.
export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

export function parseMultipart(body: Buffer, contentType: string): MultipartPart[] {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!match) throw new Error("multipart body without a boundary");
  const delimiter = Buffer.from(`--${match[1] ?? match[2]}`);
  const parts: MultipartPart[] = [];
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const partStart = start + delimiter.length;
    // The closing delimiter is followed by "--".
    if (body[partStart] === 0x2d && body[partStart + 1] === 0x2d) break;
    const next = body.indexOf(delimiter, partStart);
    if (next < 0) break;
    // Each part is "\r\n<headers>\r\n\r\n<content>\r\n" between delimiters.
    const part = body.subarray(partStart + 2, next - 2);
    const headerEnd = part.indexOf("\r\n\r\n");
    const headers = part.subarray(0, headerEnd).toString("utf8");
    const data = part.subarray(headerEnd + 4);
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    if (name !== undefined) {
      parts.push({
        name,
        filename: /filename="([^"]*)"/i.exec(headers)?.[1],
        contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim(),
        data: Buffer.from(data),
      });
    }
    start = next;
  }
  return parts;
}
