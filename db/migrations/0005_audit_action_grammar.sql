-- Audit actions take one grammar, entity.past_tense_verb in the singular (app/domain/audit-actions.ts).
-- Rows written under the old names are renamed, so a filter by action finds all of history. The log is
-- append-only (migration 0001); its guard is lifted for this one statement, inside the migration's
-- transaction, and put back.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
--> statement-breakpoint
UPDATE audit_log SET action = renamed.new_action
FROM (VALUES
  ('demo.seed', 'database.seeded'),
  ('fund.create', 'fund.created'),
  ('fund.update', 'fund.updated'),
  ('attachment.add', 'attachment.added'),
  ('attachment.remove', 'attachment.removed'),
  ('program.close', 'program.closed'),
  ('program.create', 'program.created'),
  ('program.update', 'program.updated'),
  ('program.open', 'program.opened'),
  ('program.start_review', 'program.review_started'),
  ('program.decide', 'program.decided'),
  ('invitation.create', 'invitation.created'),
  ('invitation.revoke', 'invitation.revoked'),
  ('invitation.accept', 'invitation.accepted'),
  ('user.signup', 'user.signed_up'),
  ('user.login_locked', 'user.locked_out'),
  ('user.password_change', 'user.password_changed'),
  ('user.sessions_end', 'user.sessions_ended'),
  ('organization.create', 'organization.created'),
  ('organization.update', 'organization.updated'),
  ('membership.add', 'membership.added'),
  ('membership.role_change', 'membership.role_changed'),
  ('membership.leave', 'membership.left'),
  ('membership.remove', 'membership.removed'),
  ('application.create', 'application.created'),
  ('application.in_review', 'application.moved_into_review'),
  ('applications.exported', 'application.exported'),
  ('rubric.criterion_add', 'rubric_criterion.added'),
  ('rubric.criterion_update', 'rubric_criterion.updated'),
  ('rubric.criterion_remove', 'rubric_criterion.removed'),
  ('rubric.criterion_move', 'rubric_criterion.moved'),
  ('rubric.weights', 'rubric.reweighted'),
  ('program_question.add', 'program_question.added'),
  ('program_question.update', 'program_question.updated'),
  ('program_question.remove', 'program_question.removed'),
  ('program_question.move', 'program_question.moved')
) AS renamed(old_action, new_action)
WHERE audit_log.action = renamed.old_action;
--> statement-breakpoint
ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;
