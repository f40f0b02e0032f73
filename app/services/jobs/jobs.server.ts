import { cleanUpJobs } from './clean-up.server.ts'
import { defineJobs } from './job-queue.server.ts'
import { mailJobs } from '#app/services/mail/mail.server.ts'
import { programDeadlineJobs } from '#app/services/programs/program-deadlines.server.ts'
import { notificationJobs } from '#app/services/notifications/notification-jobs.server.ts'
import { reviewJobs } from '#app/services/review/progress.server.ts'
import { grantReminderJobs } from '#app/services/grants/grant-reminders.server.ts'
import { volunteerRequestJobs } from '#app/services/volunteers/request-sweep.server.ts'
import { suggestionBatchJobs } from '#app/services/volunteers/suggestion-batch.server.ts'
import { engagementJobs } from '#app/services/engagements/engagement-expiry.server.ts'
import { checkInJobs } from '#app/services/engagements/check-ins.server.ts'

/** Every background job the app runs; start-up registers them before starting the queue. */
export const ALL_JOBS = [
  ...programDeadlineJobs,
  ...cleanUpJobs,
  ...mailJobs,
  ...notificationJobs,
  ...reviewJobs,
  ...grantReminderJobs,
  ...volunteerRequestJobs,
  ...engagementJobs,
  ...checkInJobs,
  ...suggestionBatchJobs,
]

export function defineAllJobs() {
  defineJobs(ALL_JOBS)
}
