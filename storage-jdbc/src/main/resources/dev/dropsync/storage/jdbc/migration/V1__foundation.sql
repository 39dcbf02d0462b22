-- dropsync foundation: helpers the row-level-security policies of every later migration use.
--
-- The tenant of a transaction is the setting dropsync.tenant_id, set with
--   SELECT set_config('dropsync.tenant_id', ?, true)   -- = SET LOCAL, ends with the transaction
-- Cross-tenant system work (the scheduler claiming due tasks of every tenant) runs with
--   SELECT set_config('dropsync.scope', 'system', true)
-- and only tables whose policy admits that scope can be touched that way.

CREATE OR REPLACE FUNCTION dropsync_tenant() RETURNS text
  LANGUAGE sql STABLE AS $$ SELECT NULLIF(current_setting('dropsync.tenant_id', true), '') $$;

CREATE OR REPLACE FUNCTION dropsync_is_system() RETURNS boolean
  LANGUAGE sql STABLE AS $$ SELECT coalesce(current_setting('dropsync.scope', true), '') = 'system' $$;
