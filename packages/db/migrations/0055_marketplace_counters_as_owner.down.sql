-- Down of 0055_marketplace_counters_as_owner: written by hand; the functions run as the writer again.
ALTER FUNCTION "public"."fluxcore_marketplace_count_subscribers"() SECURITY INVOKER RESET search_path;--> statement-breakpoint
ALTER FUNCTION "public"."fluxcore_marketplace_rate_listing"() SECURITY INVOKER RESET search_path;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION "public"."fluxcore_marketplace_count_subscribers"() TO PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION "public"."fluxcore_marketplace_rate_listing"() TO PUBLIC;
