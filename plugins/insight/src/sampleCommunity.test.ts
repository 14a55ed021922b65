import { createGraphDoc, Workspace } from '@repertoire/core';
import { computeInsight, termsOf, visibleTo } from '@repertoire/insight';
import { headlessPluginContext, workspaceGraphBackend } from '@repertoire/plugin-host';
import { loadSampleCommunity } from '@repertoire/plugin-sample-community';
import { describe, expect, it } from 'vitest';
import { readCommunity } from './communityData.ts';

/** The sample community as the plugin API hands it out, the day after its last meeting. */
function sampleReport() {
  const doc = createGraphDoc();
  loadSampleCommunity(doc, { user: 'u_demo', id: 'w_sample' });
  const graph = workspaceGraphBackend(new Workspace(doc, { user: 'u_reader' }));
  return computeInsight(
    { entities: graph.entities(), relations: graph.relations() },
    {},
    '2025-12-18T00:00:00.000Z',
  );
}

describe('the sample community, as its facilitator sees it', () => {
  const report = sampleReport();
  const name = (id: string) => report.participation.members.find((m) => m.memberId === id)?.name;

  it('shows Daniel Kim drifting: active until July, absent since', () => {
    const daniel = report.alerts.find((a) => a.name === 'Daniel Kim');
    expect(daniel?.kind).toBe('drifting');
    expect(daniel?.reason).toBe(
      'Came to 9 of 10 meetings up to Committee meeting 10 (2025-07-02), and none of the 11 since.',
    );
    expect(daniel?.suggestion).toMatch(/^Check in with Daniel Kim/);
    const trajectory = report.participation.members.find((m) => m.name === 'Daniel Kim');
    expect(trajectory?.periods.at(-1)?.level).toBe('inactive');
    expect(trajectory?.periods.some((p) => p.level === 'core' || p.level === 'active')).toBe(true);
  });

  it('counts every meeting of the year in the attendance grid', () => {
    expect(report.participation.meetings).toHaveLength(21);
    const lucia = report.participation.meetings.filter((m) =>
      m.attendees.includes('sample-member-lucia'),
    );
    expect(lucia).toHaveLength(21);
  });

  it('ranks brokers with their numbers and says whom they bridge', () => {
    expect(report.brokers.length).toBeGreaterThan(0);
    for (const b of report.brokers) {
      expect(b.betweenness).toBeGreaterThan(0);
      expect(b.explanation).toMatch(/^(Bridges the .+ group|Connects \d+ pairs?)/);
    }
    expect(report.communities.length).toBeGreaterThan(0);
  });

  it('finds the gaps the sample leaves: the access problem has no practice', () => {
    const gap = report.gaps.find((g) => g.entityId === 'sample-problem-access');
    expect(gap?.kind).toBe('problemWithoutPractice');
    expect(
      report.gaps.some(
        (g) => g.kind === 'practiceWithoutArtifact' && g.entityId === 'sample-practice-survey',
      ),
    ).toBe(true);
  });

  it('shows Aroha Williams, who has no working tie, as isolated', () => {
    expect(report.network.isolated.map(name)).toEqual(['Aroha Williams']);
  });

  it('finds James Whitfield the first broker, bridging the LMS group and the citizenship group', () => {
    const [first] = report.brokers;
    expect(first?.name).toBe('James Whitfield');
    expect(first?.explanation).toBe(
      'Bridges the LMS pilot with two departments group and the Digital Citizenship programme for Year 9 group.',
    );
  });
});

describe('the sample community on a past date, through graph.at', () => {
  /** The report the Community page computes when "As of" is set to the end of `day`. */
  async function asOf(day: string) {
    const doc = createGraphDoc();
    loadSampleCommunity(doc, { user: 'u_demo', id: 'w_sample' });
    const { context } = await headlessPluginContext(new Workspace(doc, { user: 'u_reader' }), [
      'graph.read',
    ]);
    const now = `${day}T23:59:59.999Z`;
    const snapshot = await readCommunity(context, now);
    const report = computeInsight(snapshot.data, {}, now, undefined, {
      compare: termsOf(snapshot.data, now).slice(1, 3),
    });
    return { report, snapshot };
  }
  const daniel = (report: ReturnType<typeof computeInsight>) =>
    report.participation.members.find((m) => m.name === 'Daniel Kim');

  it('shows Daniel Kim active at the end of June 2025: core in June, no alert', async () => {
    const { report } = await asOf('2025-06-30');
    // The last meeting by then is committee meeting 9 (18 June); he came to both June meetings.
    expect(report.asOf).toBe('2025-06-18T15:30:00.000Z');
    expect(report.participation.meetings).toHaveLength(9);
    const june = daniel(report)?.periods.at(-1);
    expect(june?.period).toBe('2025-06');
    expect(june?.counts.attendance).toBe(2);
    expect(june?.level).toBe('core');
    expect(report.alerts.find((a) => a.name === 'Daniel Kim')).toBeUndefined();
    // The sample records each meeting on its day, so on 30 June meeting 10 was not in the graph.
    expect(report.nextMeeting).toBeUndefined();
  });

  it('shows Daniel Kim drifting at the end of December 2025', async () => {
    const { report } = await asOf('2025-12-31');
    expect(report.participation.meetings).toHaveLength(21);
    expect(report.alerts.find((a) => a.name === 'Daniel Kim')?.kind).toBe('drifting');
    expect(daniel(report)?.periods.at(-1)?.level).toBe('inactive');
  });

  it('compares Term 2 and Term 3 of the year plan: Daniel Kim goes from core to inactive', async () => {
    const { report } = await asOf('2025-12-31');
    const [two, three] = report.comparison ?? [];
    expect([two?.term.label, three?.term.label]).toEqual(['Term 2', 'Term 3']);
    const level = (t: typeof two) =>
      t?.levels.find((l) => l.memberId === 'sample-member-daniel')?.level;
    expect([level(two), level(three)]).toEqual(['core', 'inactive']);
    // Five meetings each term: meetings 6–10 (Term 2) and 11–15 (Term 3).
    expect([two?.meetings, three?.meetings]).toEqual([5, 5]);
    // A plain member sees the same totals, and only their own level.
    const seen = visibleTo(report, { memberId: 'sample-member-tom', privileged: false });
    expect(seen.comparison?.map((t) => t.totals)).toEqual(report.comparison?.map((t) => t.totals));
    expect(seen.comparison?.flatMap((t) => t.levels.map((l) => l.memberId))).toEqual([
      'sample-member-tom',
      'sample-member-tom',
    ]);
  });
});
