/**
 * FluxCore AI (DOMAIN.md §4): assistants, their versioned instructions, vector stores and
 * tools, the tool registry with each account's connections, and the usage telemetry. History:
 * the FluxCore "assistants", "instructions" and "tools and usage" groups of the 2026-02-08
 * audit, and the original's fluxcore_assistant_tools (RAG tools migration).
 *
 * A file per table, named after it; the value sets and their enums are in constants.ts.
 */
export * from './ai-signals.ts';
export * from './ai-suggestions.ts';
export * from './ai-traces.ts';
export * from './constants.ts';
export * from './fluxcore-agent-assistants.ts';
export * from './fluxcore-agents.ts';
export * from './fluxcore-assistant-instructions.ts';
export * from './fluxcore-assistant-tools.ts';
export * from './fluxcore-assistant-vector-stores.ts';
export * from './fluxcore-assistants.ts';
export * from './fluxcore-instruction-versions.ts';
export * from './fluxcore-instructions.ts';
export * from './fluxcore-tool-connections.ts';
export * from './fluxcore-tool-definitions.ts';
export * from './fluxcore-usage-logs.ts';
