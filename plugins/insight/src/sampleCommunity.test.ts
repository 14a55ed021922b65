import { createGraphDoc, Workspace } from '@repertoire/core';
import { computeInsight } from '@repertoire/insight';
import { workspaceGraphBackend } from '@repertoire/plugin-host';
import { loadSampleCommunity } from '@repertoire/plugin-sample-community';
import { describe, expect, it } from 'vitest';

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
