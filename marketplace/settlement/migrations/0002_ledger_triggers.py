"""PostgreSQL holds the ledger to its two rules even against raw SQL:

* append-only: no posting or entry is ever updated or deleted (a correction is a new
  posting). Only the demo reset may delete, after ``SET LOCAL settlement.allow_purge = 'on'``
  in its own transaction (``marketplace.settlement.services.ledger_purge``);
* balanced: at commit, each posting's entries add up to zero, and it has at least two.
  (Django's TestCase checks deferred constraints when a test ends: every test that
  posts is checked too.)

SQLite (the demo without PostgreSQL) relies on the models' own refusals.
"""

from django.db import migrations

FORWARD = """
CREATE FUNCTION settlement_refuse_change() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('settlement.allow_purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'the ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER settlement_posting_append_only
    BEFORE UPDATE OR DELETE ON settlement_posting
    FOR EACH ROW EXECUTE FUNCTION settlement_refuse_change();
CREATE TRIGGER settlement_ledgerentry_append_only
    BEFORE UPDATE OR DELETE ON settlement_ledgerentry
    FOR EACH ROW EXECUTE FUNCTION settlement_refuse_change();

CREATE FUNCTION settlement_posting_balanced() RETURNS trigger AS $$
DECLARE
    posting integer;
    total numeric;
    entries integer;
BEGIN
    IF TG_TABLE_NAME = 'settlement_posting' THEN
        posting := NEW.id;
    ELSE
        posting := NEW.posting_id;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM settlement_posting WHERE id = posting) THEN
        RETURN NULL;  -- deleted since, which only the demo's purge may do
    END IF;
    SELECT COALESCE(SUM(amount), 0), COUNT(*) INTO total, entries
        FROM settlement_ledgerentry WHERE posting_id = posting;
    IF total <> 0 OR entries < 2 THEN
        RAISE EXCEPTION 'posting % does not balance (% entries, sum %)', posting, entries, total
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER settlement_posting_balanced
    AFTER INSERT ON settlement_posting DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION settlement_posting_balanced();
CREATE CONSTRAINT TRIGGER settlement_ledgerentry_balanced
    AFTER INSERT ON settlement_ledgerentry DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION settlement_posting_balanced();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS settlement_ledgerentry_balanced ON settlement_ledgerentry;
DROP TRIGGER IF EXISTS settlement_posting_balanced ON settlement_posting;
DROP FUNCTION IF EXISTS settlement_posting_balanced();
DROP TRIGGER IF EXISTS settlement_ledgerentry_append_only ON settlement_ledgerentry;
DROP TRIGGER IF EXISTS settlement_posting_append_only ON settlement_posting;
DROP FUNCTION IF EXISTS settlement_refuse_change();
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD, params=None)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD, params=None)


class Migration(migrations.Migration):
    dependencies = [("settlement", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
