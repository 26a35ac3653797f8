-- Change notifications: every Ascent process keeps per-process caches of reads (who a token belongs to,
-- who manages whom, each person's readiness) and drops them when the rows behind them change. These
-- triggers tell every process through NOTIFY on the channel "ascent_changes", delivered at commit:
-- the payload is the transaction id, a colon, and a comma-separated list of the ids of the people whose
-- data changed, or "*" when the change concerns everyone (settings, a framework, a review cycle, or more
-- people than one payload holds). A process hears a notification once per listening connection; the
-- transaction id lets it count each one once.
CREATE FUNCTION ascent_notify_people(person_ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF person_ids IS NULL OR cardinality(person_ids) = 0 THEN
    RETURN;
  END IF;
  -- A NOTIFY payload holds under 8000 bytes: past 150 ids, tell everyone instead.
  IF cardinality(person_ids) > 150 THEN
    PERFORM pg_notify('ascent_changes', txid_current() || ':*');
  ELSE
    PERFORM pg_notify('ascent_changes', txid_current() || ':' || array_to_string(person_ids, ','));
  END IF;
END $$;
--> statement-breakpoint
-- Statement-level, over the transition table "changed": TG_ARGV[0] names its person id column.
CREATE FUNCTION ascent_notify_changed_people() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  person_ids text[];
BEGIN
  EXECUTE format('SELECT array_agg(DISTINCT %I::text) FROM changed', TG_ARGV[0]) INTO person_ids;
  PERFORM ascent_notify_people(person_ids);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Statement-level, for rows that reach their person through a parent row: TG_ARGV[0] is the changed
-- rows' key column, TG_ARGV[1] the parent table, TG_ARGV[2] the parent's person id column.
CREATE FUNCTION ascent_notify_changed_people_via() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  person_ids text[];
BEGIN
  EXECUTE format(
    'SELECT array_agg(DISTINCT p.%I::text) FROM changed c JOIN %I p ON p.id = c.%I',
    TG_ARGV[2], TG_ARGV[1], TG_ARGV[0]
  ) INTO person_ids;
  PERFORM ascent_notify_people(person_ids);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Row-level, for small tables whose updates are filtered by a WHEN clause: TG_ARGV[0] is the person id column.
CREATE FUNCTION ascent_notify_row_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM ascent_notify_people(ARRAY[to_jsonb(OLD) ->> TG_ARGV[0]]);
  ELSE
    PERFORM ascent_notify_people(ARRAY[to_jsonb(NEW) ->> TG_ARGV[0]]);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION ascent_notify_everyone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('ascent_changes', txid_current() || ':*');
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Statement triggers fire even when no row changed, as for the "on delete set null" a deleted person
-- causes: this one speaks only when its transition table "changed" has rows.
CREATE FUNCTION ascent_notify_everyone_if_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM changed) THEN
    PERFORM pg_notify('ascent_changes', txid_current() || ':*');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER people_changes_insert AFTER INSERT ON people REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_changed_people('id');
--> statement-breakpoint
CREATE TRIGGER people_changes_update AFTER UPDATE ON people REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_changed_people('id');
--> statement-breakpoint
CREATE TRIGGER people_changes_delete AFTER DELETE ON people REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_changed_people('id');
--> statement-breakpoint
CREATE TRIGGER assessments_changes_insert AFTER INSERT ON assessments REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_changed_people('subject_id');
--> statement-breakpoint
CREATE TRIGGER assessments_changes_update AFTER UPDATE ON assessments REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_changed_people('subject_id');
--> statement-breakpoint
CREATE TRIGGER assessments_changes_delete AFTER DELETE ON assessments REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_changed_people('subject_id');
--> statement-breakpoint
CREATE TRIGGER ratings_changes_insert AFTER INSERT ON ratings REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_changed_people_via('assessment_id', 'assessments', 'subject_id');
--> statement-breakpoint
CREATE TRIGGER ratings_changes_update AFTER UPDATE ON ratings REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_changed_people_via('assessment_id', 'assessments', 'subject_id');
--> statement-breakpoint
CREATE TRIGGER ratings_changes_delete AFTER DELETE ON ratings REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_changed_people_via('assessment_id', 'assessments', 'subject_id');
--> statement-breakpoint
CREATE TRIGGER feedback_requests_changes_insert AFTER INSERT ON feedback_requests REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_changed_people('subject_id');
--> statement-breakpoint
CREATE TRIGGER feedback_requests_changes_update AFTER UPDATE ON feedback_requests REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_changed_people('subject_id');
--> statement-breakpoint
CREATE TRIGGER feedback_requests_changes_delete AFTER DELETE ON feedback_requests REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_changed_people('subject_id');
--> statement-breakpoint
CREATE TRIGGER feedback_request_raters_changes_insert AFTER INSERT ON feedback_request_raters REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_changed_people_via('request_id', 'feedback_requests', 'subject_id');
--> statement-breakpoint
CREATE TRIGGER feedback_request_raters_changes_update AFTER UPDATE ON feedback_request_raters REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_changed_people_via('request_id', 'feedback_requests', 'subject_id');
--> statement-breakpoint
CREATE TRIGGER feedback_request_raters_changes_delete AFTER DELETE ON feedback_request_raters REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_changed_people_via('request_id', 'feedback_requests', 'subject_id');
--> statement-breakpoint
-- The rater too: what a person is asked to rate decides what they may see of others.
CREATE TRIGGER feedback_request_raters_rater_changes_insert AFTER INSERT ON feedback_request_raters REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_changed_people('rater_id');
--> statement-breakpoint
CREATE TRIGGER feedback_request_raters_rater_changes_update AFTER UPDATE ON feedback_request_raters REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_changed_people('rater_id');
--> statement-breakpoint
CREATE TRIGGER feedback_request_raters_rater_changes_delete AFTER DELETE ON feedback_request_raters REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_changed_people('rater_id');
--> statement-breakpoint
CREATE TRIGGER evidence_changes_insert AFTER INSERT ON evidence REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_changed_people('person_id');
--> statement-breakpoint
CREATE TRIGGER evidence_changes_update AFTER UPDATE ON evidence REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_changed_people('person_id');
--> statement-breakpoint
CREATE TRIGGER evidence_changes_delete AFTER DELETE ON evidence REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_changed_people('person_id');
--> statement-breakpoint
CREATE TRIGGER accounts_changes AFTER INSERT OR UPDATE OR DELETE ON accounts
  FOR EACH ROW EXECUTE FUNCTION ascent_notify_row_person('person_id');
--> statement-breakpoint
-- Signing in and using a session or token write last_seen_at / last_used_at: no cached read depends on those.
CREATE TRIGGER sessions_changes AFTER INSERT OR DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION ascent_notify_row_person('person_id');
--> statement-breakpoint
CREATE TRIGGER sessions_changes_update AFTER UPDATE ON sessions
  FOR EACH ROW WHEN (OLD.expires_at IS DISTINCT FROM NEW.expires_at OR OLD.csrf_token IS DISTINCT FROM NEW.csrf_token)
  EXECUTE FUNCTION ascent_notify_row_person('person_id');
--> statement-breakpoint
CREATE TRIGGER api_tokens_changes AFTER INSERT OR DELETE ON api_tokens
  FOR EACH ROW EXECUTE FUNCTION ascent_notify_row_person('person_id');
--> statement-breakpoint
CREATE TRIGGER api_tokens_changes_update AFTER UPDATE ON api_tokens
  FOR EACH ROW WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.token_hash IS DISTINCT FROM NEW.token_hash)
  EXECUTE FUNCTION ascent_notify_row_person('person_id');
--> statement-breakpoint
CREATE TRIGGER settings_changes_insert AFTER INSERT ON settings REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_everyone_if_changed();
--> statement-breakpoint
CREATE TRIGGER settings_changes_update AFTER UPDATE ON settings REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_everyone_if_changed();
--> statement-breakpoint
CREATE TRIGGER settings_changes_delete AFTER DELETE ON settings REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_everyone_if_changed();
--> statement-breakpoint
CREATE TRIGGER settings_changes_truncate AFTER TRUNCATE ON settings
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_everyone();
--> statement-breakpoint
CREATE TRIGGER frameworks_changes_insert AFTER INSERT ON frameworks REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_everyone_if_changed();
--> statement-breakpoint
CREATE TRIGGER frameworks_changes_delete AFTER DELETE ON frameworks REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_everyone_if_changed();
--> statement-breakpoint
CREATE TRIGGER frameworks_changes_truncate AFTER TRUNCATE ON frameworks
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_everyone();
--> statement-breakpoint
-- Saving a draft touches updated_at: only a new slug or name concerns the readers of published versions.
CREATE TRIGGER frameworks_changes_update AFTER UPDATE ON frameworks
  FOR EACH ROW WHEN (OLD.slug IS DISTINCT FROM NEW.slug OR OLD.name IS DISTINCT FROM NEW.name)
  EXECUTE FUNCTION ascent_notify_everyone();
--> statement-breakpoint
-- Drafts are saved often and read by their editors only; publishing (or removing) a version is what counts.
CREATE TRIGGER framework_versions_changes_insert AFTER INSERT ON framework_versions
  FOR EACH ROW WHEN (NEW.status = 'published') EXECUTE FUNCTION ascent_notify_everyone();
--> statement-breakpoint
CREATE TRIGGER framework_versions_changes_update AFTER UPDATE ON framework_versions
  FOR EACH ROW WHEN (OLD.status = 'published' OR NEW.status = 'published') EXECUTE FUNCTION ascent_notify_everyone();
--> statement-breakpoint
CREATE TRIGGER framework_versions_changes_delete AFTER DELETE ON framework_versions
  FOR EACH ROW WHEN (OLD.status = 'published') EXECUTE FUNCTION ascent_notify_everyone();
--> statement-breakpoint
CREATE TRIGGER framework_versions_changes_truncate AFTER TRUNCATE ON framework_versions
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_everyone();
--> statement-breakpoint
CREATE TRIGGER review_cycles_changes_insert AFTER INSERT ON review_cycles REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_everyone_if_changed();
--> statement-breakpoint
CREATE TRIGGER review_cycles_changes_update AFTER UPDATE ON review_cycles REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_everyone_if_changed();
--> statement-breakpoint
CREATE TRIGGER review_cycles_changes_delete AFTER DELETE ON review_cycles REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_everyone_if_changed();
--> statement-breakpoint
CREATE TRIGGER review_cycles_changes_truncate AFTER TRUNCATE ON review_cycles
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_everyone();
--> statement-breakpoint
CREATE TRIGGER title_overrides_changes_insert AFTER INSERT ON title_overrides REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_everyone_if_changed();
--> statement-breakpoint
CREATE TRIGGER title_overrides_changes_update AFTER UPDATE ON title_overrides REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_everyone_if_changed();
--> statement-breakpoint
CREATE TRIGGER title_overrides_changes_delete AFTER DELETE ON title_overrides REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_everyone_if_changed();
--> statement-breakpoint
CREATE TRIGGER title_overrides_changes_truncate AFTER TRUNCATE ON title_overrides
  FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_everyone();
--> statement-breakpoint
-- TRUNCATE has no transition table: emptying any of the person-keyed tables tells everyone.
CREATE TRIGGER people_changes_truncate AFTER TRUNCATE ON people FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_everyone();
--> statement-breakpoint
CREATE TRIGGER assessments_changes_truncate AFTER TRUNCATE ON assessments FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_everyone();
--> statement-breakpoint
CREATE TRIGGER ratings_changes_truncate AFTER TRUNCATE ON ratings FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_everyone();
--> statement-breakpoint
CREATE TRIGGER feedback_requests_changes_truncate AFTER TRUNCATE ON feedback_requests FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_everyone();
--> statement-breakpoint
CREATE TRIGGER feedback_request_raters_changes_truncate AFTER TRUNCATE ON feedback_request_raters FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_everyone();
--> statement-breakpoint
CREATE TRIGGER evidence_changes_truncate AFTER TRUNCATE ON evidence FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_everyone();
--> statement-breakpoint
CREATE TRIGGER accounts_changes_truncate AFTER TRUNCATE ON accounts FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_everyone();
--> statement-breakpoint
CREATE TRIGGER sessions_changes_truncate AFTER TRUNCATE ON sessions FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_everyone();
--> statement-breakpoint
CREATE TRIGGER api_tokens_changes_truncate AFTER TRUNCATE ON api_tokens FOR EACH STATEMENT EXECUTE FUNCTION ascent_notify_everyone();
