-- The original's defaults for an assistant's model and timing settings, and the same keys
-- merged into rows that lack them (a key a row already has is kept), so every row has the
-- fields AssistantModelConfig and AssistantTimingConfig promise. The down restores the
-- defaults only: the merged keys are valid settings and stay.
SET LOCAL lock_timeout = '5s';--> statement-breakpoint
SET LOCAL statement_timeout = '5min';--> statement-breakpoint
ALTER TABLE "fluxcore_assistants" ALTER COLUMN "model_config" SET DEFAULT '{"provider":"openai","model":"gpt-4o","temperature":0.7,"topP":1,"responseFormat":"text"}'::jsonb;--> statement-breakpoint
ALTER TABLE "fluxcore_assistants" ALTER COLUMN "timing_config" SET DEFAULT '{"responseDelaySeconds":2,"smartDelay":true}'::jsonb;--> statement-breakpoint
UPDATE "fluxcore_assistants"
SET "model_config" = '{"provider":"openai","model":"gpt-4o","temperature":0.7,"topP":1,"responseFormat":"text"}'::jsonb || "model_config",
    "timing_config" = '{"responseDelaySeconds":2,"smartDelay":true}'::jsonb || "timing_config"
WHERE NOT ("model_config" ?& array['provider', 'model', 'temperature', 'topP', 'responseFormat'])
   OR NOT ("timing_config" ?& array['responseDelaySeconds', 'smartDelay']);
