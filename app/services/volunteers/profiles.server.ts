import { and, asc, eq, exists, inArray, type SQL } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import {
  memberships,
  organizations,
  users,
  volunteerAvailability,
  volunteerProfiles,
  volunteerRequests,
  volunteerSkills,
  type VolunteerProfile,
} from '#db/schema/index.ts'
import type { SkillLevel, VolunteerSkill, WorkMode } from '#app/domain/skills.ts'
import type { AvailabilityWindow, Weekday } from '#app/domain/volunteers/availability.ts'
import type { TravelArea } from '#app/domain/volunteers/travel-area.ts'
import type { Actor } from '#app/domain/result.ts'
import type { VolunteerProfileInput } from '#app/schemas/volunteers/profile.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import { APPLICANT_ROLES } from '#app/services/applications/applications.server.ts'
import { getPlaces, type PlaceSummary } from '#app/services/places.server.ts'

/** A profile with everything its page and form show. */
export interface VolunteerProfileView {
  id: string
  userId: string
  name: string
  headline: string
  bio: string
  skills: { skill: VolunteerSkill; level: SkillLevel }[]
  languages: string[]
  timeZone: string
  place: PlaceSummary | null
  travelArea: TravelArea
  workMode: WorkMode
  hoursPerMonth: number
  availability: AvailabilityWindow[]
  paused: boolean
  updatedAt: Date
}

/** The profile as saved: the form's values with the county the picker resolved to. */
export type ProfileValues = Omit<VolunteerProfileInput, 'placeFips' | 'placeFipsText'> & {
  placeFips: string | null
}

async function view(profile: VolunteerProfile, name: string): Promise<VolunteerProfileView> {
  const [skills, windows, places] = await Promise.all([
    db()
      .select({ skill: volunteerSkills.skill, level: volunteerSkills.level })
      .from(volunteerSkills)
      .where(eq(volunteerSkills.profileId, profile.id))
      .orderBy(asc(volunteerSkills.skill)),
    db()
      .select({
        weekday: volunteerAvailability.weekday,
        startMinute: volunteerAvailability.startMinute,
        endMinute: volunteerAvailability.endMinute,
      })
      .from(volunteerAvailability)
      .where(eq(volunteerAvailability.profileId, profile.id))
      .orderBy(asc(volunteerAvailability.weekday), asc(volunteerAvailability.startMinute)),
    getPlaces(profile.placeFips ? [profile.placeFips] : []),
  ])
  return {
    id: profile.id,
    userId: profile.userId,
    name,
    headline: profile.headline,
    bio: profile.bio,
    skills: skills.map((s) => ({ skill: s.skill as VolunteerSkill, level: s.level })),
    languages: profile.languages,
    timeZone: profile.timeZone,
    place: places[0] ?? null,
    travelArea: profile.travelArea,
    workMode: profile.workMode,
    hoursPerMonth: profile.hoursPerMonth,
    availability: windows.map((w) => ({ ...w, weekday: w.weekday as Weekday })),
    paused: profile.paused,
    updatedAt: profile.updatedAt,
  }
}

async function profileWhere(condition: SQL) {
  const [row] = await db()
    .select({ profile: volunteerProfiles, name: users.name })
    .from(volunteerProfiles)
    .innerJoin(users, eq(users.id, volunteerProfiles.userId))
    .where(condition)
  return row ? view(row.profile, row.name) : null
}

export const getProfileOfUser = (userId: string) =>
  profileWhere(eq(volunteerProfiles.userId, userId))

export const getProfile = (profileId: string) => profileWhere(eq(volunteerProfiles.id, profileId))

/**
 * Who may see a volunteer's profile: the volunteer, platform admins, and the members of a community
 * group that has an open request (they are the ones looking for help). Everyone else is told it
 * does not exist. Contact details are never part of the profile page.
 */
export async function maySeeProfile(
  viewer: { id: string; isPlatformAdmin: boolean },
  profile: Pick<VolunteerProfileView, 'userId'>,
): Promise<boolean> {
  if (viewer.id === profile.userId || viewer.isPlatformAdmin) return true
  const [row] = await db()
    .select({ organizationId: memberships.organizationId })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(
      and(
        eq(memberships.userId, viewer.id),
        inArray(memberships.role, APPLICANT_ROLES),
        eq(organizations.kind, 'community_group'),
        exists(
          db()
            .select({ id: volunteerRequests.id })
            .from(volunteerRequests)
            .where(
              and(
                eq(volunteerRequests.organizationId, memberships.organizationId),
                eq(volunteerRequests.status, 'open'),
              ),
            ),
        ),
      ),
    )
    .limit(1)
  return !!row
}

/**
 * Creates or replaces the user's volunteer profile: its skills and availability windows are
 * replaced as a whole, in one transaction, with the audit row.
 */
export async function saveProfile(actor: Actor, values: ProfileValues): Promise<{ id: string }> {
  return db().transaction(async (tx) => {
    const fields = {
      headline: values.headline,
      bio: values.bio,
      languages: values.languages,
      timeZone: values.timeZone,
      placeFips: values.placeFips,
      travelArea: values.travelArea,
      workMode: values.workMode,
      hoursPerMonth: values.hoursPerMonth,
      paused: values.paused,
    }
    const [existing] = await tx
      .select({ id: volunteerProfiles.id })
      .from(volunteerProfiles)
      .where(eq(volunteerProfiles.userId, actor.id))
      .for('update')
    const [saved] = existing
      ? await tx
          .update(volunteerProfiles)
          .set(fields)
          .where(eq(volunteerProfiles.id, existing.id))
          .returning({ id: volunteerProfiles.id })
      : await tx
          .insert(volunteerProfiles)
          .values({ userId: actor.id, ...fields })
          .returning({ id: volunteerProfiles.id })
    if (!saved) throw new Error('volunteer profile not saved')
    await tx.delete(volunteerSkills).where(eq(volunteerSkills.profileId, saved.id))
    if (values.skills.length) {
      await tx
        .insert(volunteerSkills)
        .values(values.skills.map((s) => ({ profileId: saved.id, ...s })))
    }
    await tx.delete(volunteerAvailability).where(eq(volunteerAvailability.profileId, saved.id))
    if (values.availability.length) {
      await tx
        .insert(volunteerAvailability)
        .values(values.availability.map((w) => ({ profileId: saved.id, ...w })))
    }
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: existing ? 'volunteer_profile.updated' : 'volunteer_profile.created',
      entityType: 'volunteer_profile',
      entityId: saved.id,
      ip: actor.ip ?? null,
      details: { skills: values.skills.map((s) => s.skill), paused: values.paused },
    })
    return { id: saved.id }
  })
}

/** What the dashboard's card shows of the user's volunteer profile; null for none yet. */
export async function volunteerCardOf(userId: string) {
  const [row] = await db()
    .select({
      id: volunteerProfiles.id,
      headline: volunteerProfiles.headline,
      paused: volunteerProfiles.paused,
    })
    .from(volunteerProfiles)
    .where(eq(volunteerProfiles.userId, userId))
  return row ?? null
}
