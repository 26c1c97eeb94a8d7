/**
 * Examples shown in the OpenAPI document and the /docs page. Each is validated against its
 * schema in tests/unit/openapi.test.ts, so they cannot drift from what the API accepts.
 */

/** The canonical seed report (shared/corpus/seed.json), abridged. */
export const SEED_REPORT_INPUT = {
  title: 'UNRCCA CO-ORGANIZES THE HIGH-LEVEL BORDER SECURITY CONFERENCE',
  dateline: 'DUSHANBE, Tajikistan',
  published: '2022-10-20',
  language: 'en',
  body:
    'On 18-19 October 2022, UNRCCA and the UN Office of Counter-Terrorism (UNOCT) in partnership with the Government of the Republic of Tajikistan, ' +
    'the European Union (EU) and the Organization for Security and Cooperation in Europe (OSCE) organized the high-level conference ' +
    '“International and Regional Border Security and Management Cooperation to Counter Terrorism and Prevent the Movement of Terrorists”.\n\n' +
    'Taking into consideration that the conference took place in Tajikistan, particular attention was paid to the Central Asian region and ' +
    'the situation along the border with Afghanistan.',
};

/** The same press release as an HTML page, posted as `{ "html": ... }`. */
export const SEED_REPORT_HTML_INPUT = {
  html:
    '<html><head><title>UNRCCA co-organizes the high-level Border Security Conference | UNRCCA</title>' +
    '<meta property="article:published_time" content="2022-10-20T09:00:00Z"></head>' +
    '<body><nav>Home · News</nav><article><h1>UNRCCA CO-ORGANIZES THE HIGH-LEVEL BORDER SECURITY CONFERENCE</h1>' +
    '<p>DUSHANBE, Tajikistan – On 18-19 October 2022, UNRCCA and UNOCT organized the high-level conference on border security.</p>' +
    '<p>Particular attention was paid to the Central Asian region and the situation along the border with Afghanistan.</p></article></body></html>',
  url: 'https://unrcca.unmissions.org/unrcca-co-organizes-high-level-border-security-conference',
};

export const SEED_REPORT = {
  id: 'rpt_Yh2Vb7mQ0sK4pX9rT1cN8a',
  publisherId: 'unrcca',
  ...SEED_REPORT_INPUT,
  published: '2022-10-20T00:00:00.000Z',
  receivedAt: '2026-11-02T08:15:00.000Z',
  classification: {
    countries: ['AFG', 'TJK'],
    mentioned: ['AFG', 'TJK'],
    primaryCountry: 'TJK',
    regions: ['034', '142', '143'],
    themes: [
      { id: 'border-management', score: 0.92, evidence: [{ text: 'Border Security and Management', start: 330, end: 360 }] },
      { id: 'counter-terrorism', score: 0.81, evidence: [{ text: 'Counter Terrorism', start: 376, end: 393 }] },
    ],
    primaryTheme: 'border-management',
    language: 'en',
  },
};

export const SUBSCRIBE_INPUT = {
  email: 'analyst@example.org',
  regions: ['143'],
  themes: ['border-management'],
  frequency: 'instant',
  timezone: 'Asia/Dushanbe',
};

export const SUBSCRIBE_DAILY_INPUT = {
  email: 'analyst@example.org',
  regions: ['143', 'AFG'],
  themes: [],
  frequency: 'daily',
  timezone: 'Asia/Dushanbe',
  digestHour: 7,
};

export const VALIDATION_ERROR = {
  error: {
    code: 'validation_failed',
    message: 'title: must not be empty',
    issues: [{ field: 'title', problem: 'must not be empty' }],
  },
};
