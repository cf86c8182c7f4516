/**
 * What an AI runtime is handed for one turn, as the original app (May lineage, Canon v8.3)
 * imports it from `@fluxcore/db`: the policy context (how and when the AI may act for the
 * account, resolved before any runtime runs) and the runtime configuration (what the runtime
 * uses: instructions, model, stores, tools). Types and one default; nothing here runs.
 */

/** A note, preference or rule about one contact, given to the AI. */
export interface ContactRule {
  type: 'note' | 'preference' | 'rule';
  content: string;
}

/** What the AI does with a message that arrives outside the account's hours. */
export interface OffHoursPolicy {
  action: 'ignore' | 'reply_once' | 'queue';
  message?: string;
}

/** A place of the business as the AI is told of it. */
export interface ResolvedLocation {
  name: string;
  address: string;
  city?: string;
  state?: string;
  country?: string;
  timezone: string;
  isMain: boolean;
  latitude?: number;
  longitude?: number;
}

/** A template the AI may send, with the variables it needs. */
export interface ResolvedTemplate {
  templateId: string;
  name: string;
  instructions?: string;
  variables: { name: string; required?: boolean }[];
  content?: string;
}

/**
 * The part of the business profile the operator lets the AI read. Open: the original adds
 * fields as it resolves them.
 */
export interface ResolvedBusinessProfile {
  displayName?: string;
  bio?: string;
  privateContext?: string;
  businessHours?: { days: string[]; open: string; close: string }[];
  location?: string;
  website?: string;
  timezone?: string;
  avatarUrl?: string;
  aiIncludeTimestamp?: boolean;
  socialLinks?: {
    instagram?: string;
    facebook?: string;
    whatsapp?: string;
    website?: string;
    tiktok?: string;
  };
  brandColors?: { primary?: string; secondary?: string; accent?: string };
  locations?: ResolvedLocation[];
  templates?: ResolvedTemplate[];
  appointmentServices?: { name: string; description?: string; price?: string }[];
  [key: string]: unknown;
}

/** The work in progress on this conversation, when the work engine runs. */
export interface ActiveWorkContext {
  workId: string;
  state: string;
  typeId: string;
}

/** A kind of work the AI may start, at one version. Its definition is the engine's JSON. */
export interface WorkDefinition {
  id: string;
  typeId: string;
  version: string;
  // biome-ignore lint/suspicious/noExplicitAny: the engine's own JSON, read freely by the app
  definitionJson: any;
}

/** How and when the AI may act for an account on one turn; fixed for that turn. */
export interface FluxPolicyContext {
  accountId: string;
  contactId: string;
  conversationId: string;
  channel: string;
  mode: 'auto' | 'suggest' | 'off';
  responseDelayMs: number;
  turnWindowMs: number;
  turnWindowTypingMs: number;
  turnWindowMaxMs: number;
  offHoursPolicy: OffHoursPolicy;
  contactRules: ContactRule[];
  /** Template ids the policy authorises. */
  authorizedTemplates: string[];
  resolvedBusinessProfile: ResolvedBusinessProfile;
  activeWork?: ActiveWorkContext;
  workDefinitions?: WorkDefinition[];
}

/** The policy an account has before its operator changes anything. */
export const FLUX_DEFAULT_POLICY: Omit<
  FluxPolicyContext,
  'accountId' | 'contactId' | 'conversationId' | 'channel' | 'resolvedBusinessProfile'
> = {
  mode: 'auto',
  responseDelayMs: 0,
  turnWindowMs: 3000,
  turnWindowTypingMs: 5000,
  turnWindowMaxMs: 60000,
  offHoursPolicy: { action: 'ignore' },
  contactRules: [],
  authorizedTemplates: [],
};

/** What the account's active runtime uses to answer: resolved from its assistant. */
export interface RuntimeConfig {
  /** The registered runtime that answers. */
  runtimeId: string;
  accountId: string;
  assistantId?: string;
  assistantName?: string;
  instructions?: string;
  provider?: string;
  model?: string;
  temperature?: number;
  maxTokens?: number;
  /** The store a knowledge query reads, and every store linked to the assistant. */
  vectorStoreId?: string;
  vectorStoreIds?: string[];
  /** The OpenAI assistant ('asst_…') when OpenAI runs the assistant. */
  externalAssistantId?: string;
  /** Tool ids the operator authorised. */
  authorizedTools: string[];
  tone?: string;
  language?: string;
  useEmojis?: boolean;
  workDefinitions?: WorkDefinition[];
}

/** One turn of the conversation as a runtime reads it. */
export interface ConversationMessage {
  role: 'user' | 'assistant' | 'system';
  content: string;
  createdAt: Date;
}
