import { OpenAIEmbeddings } from "@langchain/openai";
import OpenAI from "openai";
import { zodResponseFormat } from "openai/helpers/zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { fakeEmbedding } from "./hashed-embedding.ts";
import { type FakeOpenAI, startFakeOpenAI } from "./start-fake-openai.ts";

const Answer = z.object({
  answer: z.string(),
  confidence: z.number(),
  sources: z.array(z.string()),
  needs_human: z.boolean(),
});

const cosine = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);

describe("fake OpenAI", () => {
  let fake: FakeOpenAI;
  let client: OpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
    client = new OpenAI({ apiKey: "sk-test", baseURL: fake.url, maxRetries: 0 });
  });
  afterAll(() => fake.close());

  it("embeds deterministically, similar texts closer than unrelated ones, through the SDK's base64 default", async () => {
    const before = fake.stats();
    const res = await client.embeddings.create({
      model: "text-embedding-3-small",
      input: ["link my Binance account", "how to link a Binance account", "daily loss limit guardrail"],
    });
    const [a, b, c] = res.data.map((d) => d.embedding as number[]);
    expect(a).toHaveLength(256);
    expect(a?.[0]).toBeCloseTo(fakeEmbedding("link my Binance account")[0] ?? 0, 6);
    expect(cosine(a ?? [], b ?? [])).toBeGreaterThan(cosine(a ?? [], c ?? []));
    expect(res.usage.total_tokens).toBeGreaterThan(0);
    expect(fake.stats().embeddingCalls - before.embeddingCalls).toBe(1);
    expect(fake.stats().embeddingInputs - before.embeddingInputs).toBe(3);
  });

  it("serves @langchain/openai's OpenAIEmbeddings", async () => {
    const embeddings = new OpenAIEmbeddings({
      apiKey: "sk-test",
      model: "text-embedding-3-small",
      configuration: { baseURL: fake.url },
      maxRetries: 0,
    });
    const [v] = await embeddings.embedDocuments(["take-profit ladder"]);
    expect(v?.[0]).toBeCloseTo(fakeEmbedding("take-profit ladder")[0] ?? 0, 6);
  });

  it("answers a JSON-schema structured output citing the first source of the prompt", async () => {
    const completion = await client.chat.completions.parse({
      model: "gpt-4o-mini",
      messages: [
        { role: "system", content: "Answer from the sources." },
        { role: "user", content: "[source: docs/faq.md#link-binance]\nGo to /link.\n\nQuestion: how do I link?" },
      ],
      response_format: zodResponseFormat(Answer, "support_answer"),
    });
    expect(completion.choices[0]?.message.parsed).toEqual({
      answer: expect.any(String),
      confidence: 0.9,
      sources: ["docs/faq.md#link-binance"],
      needs_human: false,
    });
    const sent = fake.requests.at(-1)?.body as { response_format: { type: string } };
    expect(sent.response_format.type).toBe("json_schema");
    expect(completion.usage?.total_tokens).toBeGreaterThan(0);
  });

  it("asks for a human when the prompt has no source, and uses a test's responder when set", async () => {
    const ask = () =>
      client.chat.completions.create({ model: "m", messages: [{ role: "user", content: "what is the meaning" }] });
    expect(JSON.parse((await ask()).choices[0]?.message.content ?? "")).toMatchObject({ needs_human: true });
    fake.setChatResponder(async () => ({ answer: "custom", confidence: 0.2, sources: [], needs_human: false }));
    expect(JSON.parse((await ask()).choices[0]?.message.content ?? "")).toMatchObject({ answer: "custom" });
    fake.setChatResponder(() => "not json");
    expect((await ask()).choices[0]?.message.content).toBe("not json");
    fake.setChatResponder(null);
  });

  it("fails with a 429 carrying retry-after, then a 500, then recovers", async () => {
    fake.failNext({ status: 429, retryAfterSec: 7 });
    const rateLimited = await client.embeddings.create({ model: "m", input: "x" }).catch((e: unknown) => e);
    expect(rateLimited).toBeInstanceOf(OpenAI.RateLimitError);
    expect((rateLimited as InstanceType<typeof OpenAI.RateLimitError>).headers.get("retry-after")).toBe("7");

    fake.failNext({ status: 500 }, { on: "chat" });
    await client.embeddings.create({ model: "m", input: "not the chat" }); // the fault waits for a chat call
    const failed = await client.chat.completions
      .create({ model: "m", messages: [{ role: "user", content: "q" }] })
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(OpenAI.InternalServerError);
    await expect(
      client.chat.completions.create({ model: "m", messages: [{ role: "user", content: "q" }] }),
    ).resolves.toBeTruthy();
  });

  it("hangs on demand so a client's timeout fires", async () => {
    fake.failNext({ hangMs: 5_000 });
    const started = Date.now();
    const err = await client.chat.completions
      .create({ model: "m", messages: [{ role: "user", content: "q" }] }, { timeout: 200 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("records bodies and whether a key was sent, never the key", async () => {
    const last = fake.requests.at(-1);
    expect(last?.authorized).toBe(true);
    expect(JSON.stringify(fake.requests)).not.toContain("sk-test");
  });
});

describe("fake OpenAI with a required key", () => {
  it("answers 401 to a wrong key", async () => {
    const fake = await startFakeOpenAI({ apiKey: "sk-right" });
    try {
      const client = new OpenAI({ apiKey: "sk-wrong", baseURL: fake.url, maxRetries: 0 });
      await expect(client.embeddings.create({ model: "m", input: "x" })).rejects.toBeInstanceOf(
        OpenAI.AuthenticationError,
      );
    } finally {
      await fake.close();
    }
  });
});
