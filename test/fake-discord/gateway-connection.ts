import zlib from "node:zlib";
import type { WebSocket } from "ws";

export interface GatewayPayload {
  op: number;
  d: unknown;
  s: number | null;
  t: string | null;
}

export interface GatewayEvent {
  s: number;
  t: string;
  d: unknown;
}

/** An identified gateway session; it outlives its socket so a client can RESUME and get what it missed. */
export class GatewaySession {
  seq = 0;
  /** Recent dispatches, for replay on RESUME. */
  readonly events: GatewayEvent[] = [];
  connection: GatewayConnection | null = null;

  constructor(
    readonly id: string,
    readonly intents: number,
    readonly shard: [number, number],
  ) {}

  record(t: string, d: unknown): GatewayEvent {
    const event = { s: ++this.seq, t, d };
    this.events.push(event);
    if (this.events.length > 1000) this.events.shift();
    return event;
  }
}

/**
 * One WebSocket. Encodes outgoing payloads per what the client asked for: plain JSON text, `compress=zlib-stream`
 * (one zlib context for the connection, each payload ending in a Z_SYNC_FLUSH marker), or IDENTIFY's
 * `compress: true` (each payload its own zlib stream). discord.js uses zlib-stream only when zlib-sync is installed.
 */
export class GatewayConnection {
  session: GatewaySession | null = null;
  identifyCompress = false;
  lastHeartbeatAt = 0;
  private readonly deflate: zlib.Deflate | null;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly ws: WebSocket,
    zlibStream: boolean,
  ) {
    this.deflate = zlibStream ? zlib.createDeflate() : null;
  }

  get open(): boolean {
    return this.ws.readyState === this.ws.OPEN;
  }

  send(payload: GatewayPayload): void {
    const text = JSON.stringify(payload);
    if (this.deflate) {
      // Chained so frames leave in order even though flushing is asynchronous.
      this.queue = this.queue.then(() => this.sendStreamed(text)).catch(() => {});
    } else if (this.identifyCompress) {
      this.sendRaw(zlib.deflateSync(text));
    } else {
      this.sendRaw(text);
    }
  }

  private sendStreamed(text: string): Promise<void> {
    const deflate = this.deflate!;
    return new Promise((resolve) => {
      deflate.write(text);
      deflate.flush(zlib.constants.Z_SYNC_FLUSH, () => {
        const chunks: Buffer[] = [];
        for (let chunk = deflate.read(); chunk !== null; chunk = deflate.read()) chunks.push(chunk as Buffer);
        this.sendRaw(Buffer.concat(chunks));
        resolve();
      });
    });
  }

  private sendRaw(data: string | Buffer): void {
    if (this.open) this.ws.send(data);
  }

  close(code: number, reason = ""): void {
    if (this.open) this.ws.close(code, reason);
    this.deflate?.close();
  }
}
