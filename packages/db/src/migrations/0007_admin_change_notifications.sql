-- Admins can read anyone's readiness, so a peer or upward answer from someone who is an admin never
-- counts (DESIGN §4). Making someone an admin, or no longer one, therefore changes what readiness counts
-- for everyone they have rated: tell every process to drop everything it keeps. Admin grants are rare.
CREATE TRIGGER accounts_admin_changes_insert AFTER INSERT ON accounts
  FOR EACH ROW WHEN (NEW.is_admin) EXECUTE FUNCTION ascent_notify_everyone();
--> statement-breakpoint
CREATE TRIGGER accounts_admin_changes_update AFTER UPDATE OF is_admin ON accounts
  FOR EACH ROW WHEN (OLD.is_admin IS DISTINCT FROM NEW.is_admin) EXECUTE FUNCTION ascent_notify_everyone();
--> statement-breakpoint
CREATE TRIGGER accounts_admin_changes_delete AFTER DELETE ON accounts
  FOR EACH ROW WHEN (OLD.is_admin) EXECUTE FUNCTION ascent_notify_everyone();
