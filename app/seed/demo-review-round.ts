import type { DemoApplication } from './seed-application.server.ts'

/**
 * Last season's program as its panel left it: eight groups' applications, four reviewers, a
 * conflict and its replacement, reviews with comments on each criterion, two awards and a
 * decline. Which application is which matters to the e2e specs (tests/e2e), each of which reads
 * or changes only its own: review.spec.ts and fairness.spec.ts score the open reviews of the
 * walking groups and the produce boxes (review.spec.ts also declares Priya's conflict on the
 * produce boxes), decisions.spec.ts decides the ASL navigation and the healing circles,
 * funder-dashboard.spec.ts reads the walking groups in review, grants.spec.ts works on the two
 * grants.
 */

/** The panel, by demo user (app/seed/seed.server.ts DEMO_USERS). */
export const DEMO_PANEL = [
  { user: 'reviewer', kind: 'staff' },
  { user: 'community', kind: 'community' },
  { user: 'kofi', kind: 'staff' },
  { user: 'priya', kind: 'staff' },
] as const
export type PanelKey = (typeof DEMO_PANEL)[number]['user']

/**
 * One reviewer's part on one application: open (nothing declared), a conflict with its reason,
 * or a submitted review with a level (1–4) and a comment per rubric criterion, in the rubric's
 * order (leadership, reach, root causes, voice, feasibility), and an overall comment.
 */
export type DemoReview =
  | { reviewer: PanelKey; open: true }
  | { reviewer: PanelKey; conflict: string }
  | {
      reviewer: PanelKey
      levels: number[]
      comments: string[]
      overall: string
      /** Assigned in place of a reviewer who declared a conflict. */
      replacement?: true
    }

export type DemoApplicationInReview = DemoApplication & {
  key: string
  reviews: DemoReview[]
  /** The panel's consensus is recorded (every review is in). */
  consensus?: true
}

export const IN_REVIEW_APPLICATIONS: DemoApplicationInReview[] = [
  {
    key: 'walking',
    org: 'eastside-health-collective',
    owner: 'eastside',
    contact: 'María Hernández',
    contactEmail: 'maria@example.org',
    title: 'Walking groups and free blood-pressure checks',
    summary:
      'Weekly neighbourhood walking groups led by trained residents, with free blood-pressure checks and referrals to the community clinic for anyone whose reading is high.',
    leadership: 'Founded and led by Latina mothers who live on the Eastside.',
    community: 'Older adults and families on the Eastside of Columbus.',
    fips: ['39049'],
    sdoh: ['health_care', 'neighborhood'],
    lines: [
      ['Walk leader stipends', 500_000],
      ['Blood-pressure monitors', 300_000],
    ],
    reviews: [
      { reviewer: 'reviewer', open: true },
      { reviewer: 'community', open: true },
    ],
  },
  {
    key: 'produce',
    org: 'northfield-food-justice-network',
    owner: 'northfield',
    contact: 'James Whitehorse',
    contactEmail: 'james@example.org',
    title: 'Winter produce boxes for elders',
    summary:
      'From November to March, youth volunteers deliver a weekly box of stored and preserved produce from our gardens to 120 elders who cannot reach a grocery store in winter.',
    leadership: 'Run by a council of local farmers and tribal members.',
    community: 'Elders in rural Athens and Meigs counties.',
    fips: ['39009', '39105'],
    sdoh: ['economic_stability', 'social_community'],
    lines: [
      ['Produce and preserving supplies', 700_000],
      ['Delivery fuel', 300_000],
      ['Youth stipends', 200_000],
    ],
    reviews: [
      { reviewer: 'reviewer', open: true },
      { reviewer: 'community', open: true },
      // A third reviewer, for review.spec.ts to declare a conflict in the browser: the other two
      // still make the program's two, so "Assign reviewers" has no gap to fill after it.
      { reviewer: 'priya', open: true },
    ],
  },
  {
    key: 'warm-rooms',
    org: 'westgate-tenants-union',
    owner: 'westgate',
    contact: 'Tomás Rivera',
    contactEmail: 'tomas@example.org',
    title: 'Warm rooms and cool rooms in our apartment blocks',
    summary:
      'Two community rooms in our largest blocks open as warm rooms in winter and cool rooms in summer, staffed by tenant volunteers who check on neighbours living alone and log every heating failure for repair.',
    leadership: 'Elected by and from the tenants of Westgate’s apartment blocks.',
    community: 'Older tenants and families with babies in Westgate, Cleveland.',
    fips: ['39035'],
    sdoh: ['neighborhood', 'social_community'],
    lines: [
      ['Volunteer stipends', 500_000],
      ['Heaters, fans and bedding', 300_000],
      ['Room hire and utilities', 200_000],
    ],
    consensus: true,
    reviews: [
      {
        reviewer: 'reviewer',
        levels: [4, 3, 4, 3, 3],
        comments: [
          'Tenants elect the organisers and decide which rooms open.',
          'Reaches older tenants living alone; families with babies less clearly.',
          'Logging heating failures builds the record for repairs: real root-cause work.',
          'A monthly tenants’ meeting reviews the rooms, but no written report back yet.',
          'Rooms are secured; the volunteer rota for nights is thin.',
        ],
        overall: 'Strong, tenant-led and practical. Ask how nights will be covered.',
      },
      {
        reviewer: 'kofi',
        levels: [4, 4, 4, 3, 3],
        comments: [
          'Led by the tenants themselves.',
          'Cuyahoga’s most vulnerable blocks; heat and cold hit these tenants hardest.',
          'Ties relief to repairs: the landlord has to answer the log.',
          'Tenants’ meeting is the accountability; fine for a group this size.',
          'Budget is modest and realistic.',
        ],
        overall: 'Fund it. Low cost, clear benefit, and the repair log outlasts the grant.',
      },
    ],
  },
  {
    key: 'recovery',
    org: 'scioto-valley-recovery-alliance',
    owner: 'scioto',
    contact: 'Leah Carter',
    contactEmail: 'leah@example.org',
    title: 'Peer recovery coaches at the jail’s release door',
    summary:
      'Four coaches in long-term recovery meet people on the day they leave the county jail, drive them to treatment intake and stay in touch for 90 days: the first two weeks after release are when our county loses the most people to overdose.',
    leadership:
      'Founded by people in long-term recovery and their families; coaches sit on the board.',
    community:
      'People leaving the Scioto County jail and their families, in Portsmouth and nearby towns.',
    fips: ['39145'],
    sdoh: ['health_care', 'social_community'],
    lines: [
      ['Coach wages', 1_000_000],
      ['Naloxone kits and phones', 250_000],
      ['Mileage', 250_000],
    ],
    consensus: true,
    reviews: [
      { reviewer: 'kofi', conflict: 'I sit on the alliance’s advisory board.' },
      {
        reviewer: 'priya',
        replacement: true,
        levels: [4, 4, 3, 4, 3],
        comments: [
          'Coaches in recovery hold half the board seats.',
          'People leaving jail are the county’s highest overdose risk.',
          'Works on the moment of release, less on why people are jailed.',
          'Participants rate every coach visit; results go to the board.',
          'The jail has signed a letter allowing coaches at release; wages are the whole plan.',
        ],
        overall: 'Saves lives in the riskiest weeks. Ask for the jail’s written agreement.',
      },
      {
        reviewer: 'community',
        levels: [4, 4, 4, 4, 3],
        comments: [
          'People who have been there, leading it.',
          'Nobody else meets people at the door.',
          'Recovery with housing and work after is root-cause work in our county.',
          'Families are part of the meetings.',
          'Four coaches for the whole county is tight.',
        ],
        overall: 'The most needed project in this round.',
      },
    ],
  },
  {
    key: 'bikes',
    org: 'lorain-youth-bike-co-op',
    owner: 'lorain',
    contact: 'Marcus Bell',
    contactEmail: 'marcus@example.org',
    title: 'Earn-a-bike: repair skills and safe routes to school',
    summary:
      'Teenagers learn bike repair over eight Saturday sessions and keep the bike they rebuild; volunteers and parents map safe routes to the two middle schools.',
    leadership:
      'Started by two mechanics and a school counsellor; two youth members joined the board this year.',
    livedExperience: 'partly',
    community: 'Middle and high school students on Lorain’s south side.',
    fips: ['39093'],
    sdoh: ['neighborhood', 'education'],
    lines: [
      ['Bikes and parts', 350_000],
      ['Tools', 150_000],
      ['Instructor stipends', 100_000],
    ],
    consensus: true,
    reviews: [
      {
        reviewer: 'reviewer',
        levels: [2, 3, 2, 2, 3],
        comments: [
          'Young people join the board only now; adults run the program.',
          'The south side has few safe crossings and little public transport.',
          'A bike helps one student; the routes could change more, but are a side task.',
          'No way yet for riders or parents to say how it is going.',
          'The co-op has run sessions before; the plan is clear.',
        ],
        overall: 'A good program, but the health case and youth leadership are thin.',
      },
      {
        reviewer: 'priya',
        levels: [3, 3, 3, 2, 2],
        comments: [
          'Youth members on the board is a real start.',
          'Reaches students without cars at home.',
          'Safe routes to school could outlast the grant if the city adopts them.',
          'Parents map the routes but do not decide anything.',
          'Eight sessions for forty teenagers with two instructors is stretched.',
        ],
        overall: 'Worth encouraging; come back with the routes plan at the centre.',
      },
    ],
  },
  {
    key: 'asl',
    org: 'dayton-deaf-community-center',
    owner: 'dayton',
    contact: 'Ben Adeyemi',
    contactEmail: 'ben@example.org',
    title: 'ASL health navigation at two clinics',
    summary:
      'Deaf navigators fluent in ASL go with Deaf patients to appointments at two community clinics, book interpreters and teach clinic staff how to work with them; we track missed appointments and whether patients understood their care.',
    leadership: 'A Deaf-led board; most of our staff are Deaf or hard of hearing.',
    community: 'Deaf and hard-of-hearing adults in Montgomery County.',
    fips: ['39113'],
    sdoh: ['health_care'],
    lines: [
      ['Navigator wages', 900_000],
      ['Interpreter bookings', 350_000],
      ['Clinic staff training', 150_000],
    ],
    consensus: true,
    reviews: [
      {
        reviewer: 'kofi',
        levels: [4, 3, 3, 3, 4],
        comments: [
          'Deaf-led from the board down.',
          'A group the clinics underserve, though the county is not the region’s poorest.',
          'Training clinic staff changes how the clinics work, beyond this grant.',
          'Patients’ understanding is measured; a patient panel would be better.',
          'Both clinics have agreed; costs are itemised.',
        ],
        overall: 'Solid and well planned.',
      },
      {
        reviewer: 'community',
        levels: [4, 4, 3, 4, 4],
        comments: [
          'Deaf people doing it for Deaf people.',
          'Without an interpreter many skip care altogether.',
          'The staff training is what will last.',
          'They ask every patient afterwards, in ASL.',
          'Ready to start.',
        ],
        overall: 'Clear need, clear plan.',
      },
    ],
  },
  {
    key: 'circles',
    org: 'toledo-refugee-wellness-partnership',
    owner: 'toledo',
    contact: 'Amina Yusuf',
    contactEmail: 'amina@example.org',
    title: 'Healing circles for newly arrived families',
    summary:
      'Facilitators from the Congolese, Afghan and Syrian communities run weekly healing circles in home languages, with childcare, and refer families to mental-health care when they ask for it.',
    leadership:
      'A resettlement agency with three community associations; the facilitators come from the communities.',
    livedExperience: 'partly',
    community: 'Refugee families resettled in Toledo in the last three years.',
    fips: ['39095'],
    sdoh: ['social_community', 'health_care'],
    lines: [
      ['Facilitator stipends', 500_000],
      ['Childcare', 200_000],
      ['Interpreting and referrals', 200_000],
    ],
    reviews: [
      {
        reviewer: 'reviewer',
        levels: [2, 2, 1, 2, 2],
        comments: [
          'The agency decides; the associations are consulted.',
          'Families are reached through the agency’s own caseload only.',
          'Circles help people cope; nothing here changes the conditions they face.',
          'No sign of how families judge the circles.',
          'Facilitator training is not costed.',
        ],
        overall: 'Kind work, weak plan.',
      },
      {
        reviewer: 'community',
        levels: [4, 4, 3, 4, 3],
        comments: [
          'The facilitators are refugees themselves.',
          'These families have nowhere else to talk in their own language.',
          'Healing comes before anything else can change.',
          'The circles decide their own topics.',
          'They have run two circles already without money.',
        ],
        overall: 'I would fund this first.',
      },
    ],
  },
  {
    key: 'phone-tree',
    org: 'northside-neighbours-of-akron',
    owner: 'akron',
    contact: 'Dolores Pike',
    contactEmail: 'dolores@example.org',
    title: 'Heat-wave phone tree for seniors living alone',
    summary:
      'Volunteers call 200 seniors living alone every day of a heat advisory, arrange rides to cooling centres, and alert family or 911 when nobody answers.',
    leadership: 'Volunteers elected by the Northside neighbourhood association.',
    livedExperience: 'no',
    community: 'Seniors living alone on Akron’s Northside.',
    fips: ['39153'],
    sdoh: ['social_community', 'neighborhood'],
    lines: [
      ['Phone system', 150_000],
      ['Volunteer training', 100_000],
      ['Rides to cooling centres', 150_000],
    ],
    consensus: true,
    reviews: [
      {
        reviewer: 'kofi',
        levels: [2, 3, 2, 2, 3],
        comments: [
          'Neighbours, but few of them are seniors.',
          'Seniors living alone are most at risk in heat.',
          'Relief, not prevention.',
          'Seniors are not asked what they want.',
          'Simple and cheap to run.',
        ],
        overall: 'Useful and cheap; not much more.',
      },
      {
        reviewer: 'priya',
        levels: [3, 3, 2, 3, 3],
        comments: [
          'An elected association, close to the people it calls.',
          'A good list of who lives alone already exists.',
          'Could push the city for more cooling centres; does not say so.',
          'The association’s open meetings are the feedback.',
          'Ready for next summer.',
        ],
        overall: 'Fund it if the money allows.',
      },
    ],
  },
]

/** The decisions the officer has made: two awards that became grants, and a decline. */
export const DEMO_DECISIONS = {
  awards: [
    {
      key: 'warm-rooms',
      /** Payments (months after the start, share of the award in minor units). */
      payments: [
        [0, 600_000],
        [6, 400_000],
      ],
      milestone: {
        inDays: 12,
        title: 'Rooms open: first month',
        ask: 'How many neighbours used the rooms, and which heating failures you logged.',
      },
    },
    {
      key: 'recovery',
      payments: [
        [0, 500_000],
        [4, 500_000],
        [8, 500_000],
      ],
      milestone: {
        inDays: 20,
        title: 'Coaches hired and first releases met',
        ask: 'Who you hired, how many people you met at release, and what got in the way.',
      },
      report: {
        body: 'All four coaches are hired and trained in naloxone. In the first weeks we met 23 people at the jail door and drove 17 of them to treatment intake the same day.',
        figures: { peopleReached: 23, volunteersInvolved: 4 },
      },
    },
  ],
  decline: {
    key: 'bikes',
    feedback:
      'The panel liked the co-op and the safe-routes idea. To compete next year, put the routes to school at the centre of the plan, show how it improves health, and let the young riders hold real decisions.',
    /** Shared reviewer comments: the reviewer's place in `reviews` and the criterion (null: overall). */
    shared: [
      [0, 0],
      [1, 2],
      [1, null],
    ] as [number, number | null][],
  },
} as const
