/**
 * The apps domain (DOMAIN.md section 2) on both database kinds: automation rules (one default
 * per account), extension contexts (exactly one scope), appointments with numeric prices and a
 * uuid array of services. The drizzle-zod insert schema of appointments needs no database.
 */
import { beforeAll, describe, expect, test } from 'bun:test';
import {
  createAccount,
  createConversation,
  createRelationship,
  databaseKinds,
  useMigratedDatabase,
} from '@fluxcore/db/testing';
import { and, arrayContains, eq, isNull } from 'drizzle-orm';
import type { Database } from '../src/connection/client.ts';
import {
  type AutomationRuleConfig,
  appointmentSchemas,
  appointmentServices,
  appointmentStaff,
  appointments,
  automationRules,
  extensionContexts,
  relationships,
  type StaffAvailability,
} from '../src/schema/index.ts';
import { expectAcceptedThenRefusedOn, expectRefusedBy, single, someId } from './support/rows.ts';

describe.each(databaseKinds)('on a fresh %s database', (kind) => {
  const migrated = useMigratedDatabase(kind);
  let db: Database;
  beforeAll(() => {
    db = migrated.db;
  });

  describe('apps: extensions, automation, appointments', () => {
    test('an account has one default automation rule (NULL relationship) beside per-relationship ones', async () => {
      const relationship = await createRelationship(db);
      const accountId = relationship.accountAId;
      const config: AutomationRuleConfig = { delayMs: 1500, assistantId: 'asst_default' };
      const defaultRule = single(
        await db.insert(automationRules).values({ accountId, config }).returning(),
      );
      expect(defaultRule).toMatchObject({
        mode: 'supervised',
        enabled: true,
        relationshipId: null,
      });
      expect(defaultRule.config).toEqual(config);

      const specific = single(
        await db
          .insert(automationRules)
          .values({ accountId, relationshipId: relationship.id, mode: 'automatic' })
          .returning(),
      );
      expect(specific.config).toEqual({});

      const defaults = await db
        .select()
        .from(automationRules)
        .where(
          and(eq(automationRules.accountId, accountId), isNull(automationRules.relationshipId)),
        );
      expect(defaults).toEqual([defaultRule]);

      const loaded = await db.query.automationRules.findFirst({
        where: eq(automationRules.id, specific.id),
        with: { account: true, relationship: true },
      });
      expect(loaded?.account.id).toBe(accountId);
      expect(loaded?.relationship?.id).toBe(relationship.id);

      await expectRefusedBy(
        db.insert(automationRules).values({ accountId, mode: 'disabled' }),
        'automation_rules_account_relationship_key',
      );
      await expectRefusedBy(
        db.insert(automationRules).values({ accountId, relationshipId: relationship.id }),
        'automation_rules_account_relationship_key',
      );
    });

    test('an extension context belongs to exactly one account, relationship or conversation', async () => {
      const a = await createAccount(db);
      const b = await createAccount(db);
      const { conversation } = await createConversation(db, a.id, b.id);
      const context = single(
        await db
          .insert(extensionContexts)
          .values({
            extensionId: '@fluxcore/karen',
            conversationId: conversation.id,
            contextType: 'order-draft',
            payload: { items: [{ sku: 'ROSE-12', quantity: 2 }] },
          })
          .returning(),
      );
      expect(context.payload).toEqual({ items: [{ sku: 'ROSE-12', quantity: 2 }] });

      const loaded = await db.query.extensionContexts.findFirst({
        where: eq(extensionContexts.id, context.id),
        with: { conversation: { with: { relationship: true } } },
      });
      expect(loaded?.conversation?.relationship?.id).toBe(conversation.relationshipId);

      const owner = single(
        await db
          .select()
          .from(relationships)
          .where(eq(relationships.id, conversation.relationshipId)),
      );
      await expectRefusedBy(
        db.insert(extensionContexts).values({
          extensionId: '@fluxcore/karen',
          accountId: owner.accountAId,
          conversationId: conversation.id,
          contextType: 'order-draft',
        }),
        'extension_contexts_one_scope_check',
      );
      await expectRefusedBy(
        db
          .insert(extensionContexts)
          .values({ extensionId: '@fluxcore/karen', contextType: 'order-draft' }),
        'extension_contexts_one_scope_check',
      );
    });

    test('appointments: prices come back as numeric strings, staff service ids as a uuid array', async () => {
      const account = await createAccount(db, { accountType: 'business' });
      const [haircut, colour] = await db
        .insert(appointmentServices)
        .values([
          { accountId: account.id, name: 'Haircut', durationMinutes: 30, price: '25.5' },
          { accountId: account.id, name: 'Colour', durationMinutes: 90 },
        ])
        .returning();
      if (!haircut || !colour) throw new Error('expected two services');
      expect(haircut).toMatchObject({ price: '25.50', currency: 'USD', active: true });
      expect(colour.price).toBe('0.00');

      const availability: StaffAvailability = {
        weekly: {
          mon: [
            { start: '09:00', end: '13:00' },
            { start: '14:00', end: '18:00' },
          ],
        },
        exceptions: [{ date: '2026-03-02', available: false }],
      };
      const marta = single(
        await db
          .insert(appointmentStaff)
          .values({
            accountId: account.id,
            name: 'Marta',
            availability,
            services: [haircut.id, colour.id],
          })
          .returning(),
      );
      expect(marta.services).toEqual([haircut.id, colour.id]);
      expect(marta.availability).toEqual(availability);

      const leo = single(
        await db
          .insert(appointmentStaff)
          .values({ accountId: account.id, name: 'Leo' })
          .returning(),
      );
      expect(leo.services).toEqual([]);
      expect(leo.availability).toEqual({});

      // The array is a real uuid[]: `@>` finds the staff who give a service.
      const colourists = await db
        .select()
        .from(appointmentStaff)
        .where(
          and(
            eq(appointmentStaff.accountId, account.id),
            arrayContains(appointmentStaff.services, [colour.id]),
          ),
        );
      expect(colourists).toEqual([marta]);

      const scheduledAt = new Date('2026-03-03T15:30:00.000Z');
      const booking = single(
        await db
          .insert(appointments)
          .values({
            accountId: account.id,
            serviceId: haircut.id,
            staffId: marta.id,
            clientName: 'Carla',
            scheduledAt,
            durationMinutes: 30,
            metadata: { source: 'website' },
          })
          .returning(),
      );
      expect(booking.status).toBe('pending');
      expect(booking.scheduledAt).toEqual(scheduledAt);

      const loaded = await db.query.appointments.findFirst({
        where: eq(appointments.id, booking.id),
        with: { service: true, staff: true },
      });
      // Nested relations travel as json, where a numeric is a json number: the value survives
      // but its scale does not ('25.5', not '25.50'). Read money at the top level of a query.
      expect(loaded?.service?.price).toBe('25.5');
      expect(loaded?.staff?.services).toEqual([haircut.id, colour.id]);
      expect(loaded?.metadata).toEqual({ source: 'website' });
    });
  });
});

describe('the drizzle-zod insert schemas', () => {
  test("apps: an appointment status is any string up to 20 characters, as the original's varchar", () => {
    const appointment = {
      accountId: someId,
      scheduledAt: new Date('2026-03-03T15:30:00Z'),
      durationMinutes: 30,
      status: 'rescheduled',
    };
    expect(appointmentSchemas.insert.safeParse(appointment).success).toBe(true);
    expectAcceptedThenRefusedOn(appointmentSchemas.insert, appointment, 'status', 'x'.repeat(21));
  });
});
