import { z } from 'zod'

/** The value a ticked confirmation box posts. */
export const CONFIRMED = 'yes'

/**
 * A required "I understand …" box, for actions that cannot be undone. Checked in the browser and
 * again by the action, so it also guards a post made without JavaScript (or without the form).
 */
export const confirmation = (message: string) =>
  z.literal(CONFIRMED, { errorMap: () => ({ message }) })
