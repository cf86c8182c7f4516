/**
 * The assistants domain (DOMAIN.md section 4) on both database kinds: assistants with their
 * model config and instructions, usage logs with exact numeric costs, tool connections that
 * refuse plain credentials. The drizzle-zod insert schema of assistants needs no database.
 */
import { beforeAll, describe, expect, test } from 'bun:test';
import { randomUUID } from 'node:crypto';
import {
  createAccount,
  createAssistant,
  databaseKinds,
  useMigratedDatabase,
} from '@fluxcore/db/testing';
import { eq, sum } from 'drizzle-orm';
import type { Database } from '../src/connection/client.ts';
import {
  type AssistantModelConfig,
  fluxcoreAssistantInstructions,
  fluxcoreAssistantSchemas,
  fluxcoreAssistants,
  fluxcoreInstructions,
  fluxcoreInstructionVersions,
  fluxcoreToolConnections,
  fluxcoreToolDefinitions,
  fluxcoreUsageLogs,
  type ToolAuthConfig,
} from '../src/schema/index.ts';
import { expectAcceptedThenRefusedOn, expectRefusedBy, single, someId } from './support/rows.ts';

describe.each(databaseKinds)('on a fresh %s database', (kind) => {
  const migrated = useMigratedDatabase(kind);
  let db: Database;
  beforeAll(() => {
    db = migrated.db;
  });

  describe('assistants', () => {
    test('an assistant gets draft/local defaults, keeps its model config and loads its instructions', async () => {
      const account = await createAccount(db);
      const modelConfig: AssistantModelConfig = {
        provider: 'openai',
        model: 'gpt-4o-mini',
        temperature: 0.2,
        topP: 1,
        maxTokens: 800,
        responseFormat: 'json_object',
      };
      const assistant = await createAssistant(db, { accountId: account.id, modelConfig });
      expect(assistant).toMatchObject({
        status: 'draft',
        runtime: 'local',
        timingConfig: {},
        externalId: null,
      });
      expect(assistant.modelConfig).toEqual(modelConfig);

      const instruction = single(
        await db
          .insert(fluxcoreInstructions)
          .values({ accountId: account.id, name: 'Tone of voice' })
          .returning(),
      );
      expect(instruction).toMatchObject({
        visibility: 'private',
        status: 'draft',
        isManaged: false,
        currentVersionId: null,
      });
      const version = single(
        await db
          .insert(fluxcoreInstructionVersions)
          .values({
            instructionId: instruction.id,
            versionNumber: 1,
            content: 'Answer in Spanish, briefly.',
            wordCount: 4,
            lineCount: 1,
          })
          .returning(),
      );
      expect(version.tokensEstimated).toBe(0);
      await db
        .update(fluxcoreInstructions)
        .set({ currentVersionId: version.id })
        .where(eq(fluxcoreInstructions.id, instruction.id));
      const link = single(
        await db
          .insert(fluxcoreAssistantInstructions)
          .values({ assistantId: assistant.id, instructionId: instruction.id })
          .returning(),
      );
      expect(link).toMatchObject({ order: 0, isEnabled: true, versionId: null });

      const loaded = await db.query.fluxcoreAssistants.findFirst({
        where: eq(fluxcoreAssistants.id, assistant.id),
        with: {
          account: true,
          instructions: {
            with: { instruction: { with: { currentVersion: true, versions: true } } },
          },
        },
      });
      expect(loaded?.account.id).toBe(account.id);
      expect(loaded?.instructions).toHaveLength(1);
      const loadedInstruction = loaded?.instructions[0]?.instruction;
      expect(loadedInstruction?.currentVersion?.content).toBe('Answer in Spanish, briefly.');
      expect(loadedInstruction?.versions.map((row) => row.versionNumber)).toEqual([1]);
    });

    test('usage logs keep costs as exact numeric strings, summed exactly', async () => {
      const account = await createAccount(db);
      const free = single(
        await db
          .insert(fluxcoreUsageLogs)
          .values({ accountId: account.id, resourceType: 'vector_store', operation: 'retrieval' })
          .returning(),
      );
      expect(free).toMatchObject({
        costCredits: '0.0000',
        apiCalls: 1,
        tokensUsed: 0,
        chunksProcessed: 0,
        requestMetadata: {},
      });
      const paid = single(
        await db
          .insert(fluxcoreUsageLogs)
          .values({
            accountId: account.id,
            resourceType: 'assistant',
            operation: 'chat_completion',
            promptTokens: 1200,
            completionTokens: 300,
            tokensUsed: 1500,
            costCredits: '0.0125',
            provider: 'openai',
            model: 'gpt-4o-mini',
            requestMetadata: { durationMs: 840 },
          })
          .returning(),
      );
      expect(paid.costCredits).toBe('0.0125');
      expect(paid.requestMetadata).toEqual({ durationMs: 840 });

      const [total] = await db
        .select({ cost: sum(fluxcoreUsageLogs.costCredits) })
        .from(fluxcoreUsageLogs)
        .where(eq(fluxcoreUsageLogs.accountId, account.id));
      expect(total?.cost).toBe('0.0125');
    });

    test('a tool connection refuses credentials outside secretRef, ciphertext and keyId', async () => {
      const tool = single(
        await db
          .insert(fluxcoreToolDefinitions)
          .values({
            slug: `calendar-${randomUUID().slice(0, 8)}`,
            name: 'Google Calendar',
            category: 'scheduling',
            type: 'external',
            authType: 'oauth2',
            oauthProvider: 'google',
            schema: { name: 'create_event', parameters: { type: 'object' } },
          })
          .returning(),
      );
      expect(tool).toMatchObject({ visibility: 'public', isBuiltIn: false, isEnabled: true });
      expect(tool.schema).toEqual({ name: 'create_event', parameters: { type: 'object' } });

      const account = await createAccount(db);
      const connection = single(
        await db
          .insert(fluxcoreToolConnections)
          .values({
            accountId: account.id,
            toolDefinitionId: tool.id,
            authConfig: { ciphertext: 'AAEC…', keyId: 'kms-2026-01' },
          })
          .returning(),
      );
      expect(connection.status).toBe('disconnected');
      const loaded = await db.query.fluxcoreToolDefinitions.findFirst({
        where: eq(fluxcoreToolDefinitions.id, tool.id),
        with: { connections: { with: { account: true } } },
      });
      expect(loaded?.connections.map((row) => row.authConfig)).toEqual([
        { ciphertext: 'AAEC…', keyId: 'kms-2026-01' },
      ]);
      expect(loaded?.connections[0]?.account.id).toBe(account.id);

      // The type refuses a plain token too; the cast stands for untyped input (a JSON body).
      const leakedToken = { accessToken: 'ya29.plain-token' } as unknown as ToolAuthConfig;
      await expectRefusedBy(
        db.insert(fluxcoreToolConnections).values({
          accountId: (await createAccount(db)).id,
          toolDefinitionId: tool.id,
          authConfig: leakedToken,
        }),
        'fluxcore_tool_connections_auth_config_check',
      );
    });
  });
});

describe('the drizzle-zod insert schemas', () => {
  test('assistants: an assistant runtime must be local or openai', () => {
    expectAcceptedThenRefusedOn(
      fluxcoreAssistantSchemas.insert,
      {
        accountId: someId,
        name: 'Shop helper',
        runtime: 'openai',
        modelConfig: { model: 'gpt-4o' },
      },
      'runtime',
      'azure',
    );
  });
});
