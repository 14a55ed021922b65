import { describe, expect, it } from 'vitest';
import { nextSteps } from './nextSteps.ts';
import { testCommunity } from './testCommunity.ts';

// Nine members; fortnightly meetings through the term to 2025-06-01 with members 1-5 at each.
// Member 7 came once this term, member 8 twice, member 9 twice but co-wrote an artifact.
const community = (extra: Parameters<typeof testCommunity>[0]['extra'] = []) => {
  const base = testCommunity({
    members: Array.from({ length: 9 }, () => '2024-09-01'),
    meetings: { from: '2024-09-02', to: '2025-05-26', attendees: () => 5 },
    extra: [
      {
        id: 'd1',
        kind: 'domain',
        title: 'E-learning',
        fields: {},
        createdAt: '2024-09-01T00:00:00Z',
      },
      {
        id: 'p1',
        kind: 'problem',
        title: 'Which LMS?',
        fields: { status: 'open' },
        createdAt: '2024-10-01T00:00:00Z',
      },
      {
        id: 'a1',
        kind: 'artifact',
        title: 'LMS table',
        fields: {},
        createdAt: '2024-10-01T00:00:00Z',
      },
      ...extra,
    ],
  });
  const last = base.entities
    .filter((e) => e.kind === 'meeting')
    .slice(-3)
    .map((e) => e.id);
  return {
    entities: base.entities,
    relations: [
      ...base.relations,
      { from: 'm7', type: 'attended', to: last[0] as string },
      { from: 'm8', type: 'attended', to: last[0] as string },
      { from: 'm8', type: 'attended', to: last[1] as string },
      { from: 'm9', type: 'attended', to: last[1] as string },
      { from: 'm9', type: 'attended', to: last[2] as string },
      { from: 'm9', type: 'contributes-to', to: 'a1' },
    ],
  };
};

describe('nextSteps', () => {
  it('invites the members at the edge this term to co-author the next guideline, with the command that starts it', () => {
    const steps = nextSteps(community(), 'maturing', '2025-06-01');
    const coAuthor = steps.find((s) => s.id === 'coAuthor');
    expect(coAuthor?.text).toBe(
      'Member 7 and Member 8 (2 members) came to one or two meetings this term and have not written an artifact with the community yet: invite them all to co-author the next guideline.',
    );
    expect(coAuthor?.entities).toEqual(['m7', 'm8']);
    expect(coAuthor?.action).toEqual({
      label: 'Start a guideline with them',
      command: 'growth.startCoAuthored',
      args: [['m7', 'm8']],
    });
  });

  it('asks to schedule the next meeting only when none is planned', () => {
    expect(nextSteps(community(), 'maturing', '2025-06-01').map((s) => s.id)).toContain('schedule');
    const planned = community([
      {
        id: 'next',
        kind: 'meeting',
        title: 'Next',
        fields: { date: '2025-06-09' },
        createdAt: '2025-06-01T00:00:00Z',
      },
    ]);
    expect(nextSteps(planned, 'maturing', '2025-06-01').map((s) => s.id)).not.toContain('schedule');
  });

  it('names a problem with no practice while the community is young, and an artifact to renew once it is established', () => {
    const young = nextSteps(community(), 'coalescing', '2025-06-01');
    expect(young.find((s) => s.id === 'problemWithoutPractice')).toMatchObject({
      text: '“Which LMS?” has no practice yet: bring it to the next meeting and collect what members already do.',
      entities: ['p1'],
    });
    const old = nextSteps(community(), 'stewardship', '2025-06-01');
    expect(old.map((s) => s.id)).not.toContain('problemWithoutPractice');
    expect(old.find((s) => s.id === 'renewArtifact')?.text).toBe(
      '“LMS table” has not changed since 2024-10-01: ask who will renew it.',
    );
  });

  it('in transformation, proposes a meeting about the future instead of the usual rhythm', () => {
    const ids = nextSteps(community(), 'transformation', '2025-06-01').map((s) => s.id);
    expect(ids).toContain('futureMeeting');
    expect(ids).not.toContain('schedule');
  });

  it('asks a new community to name its domain', () => {
    const steps = nextSteps(
      testCommunity({ members: ['2025-01-01', '2025-01-01'] }),
      'potential',
      '2025-01-10',
    );
    expect(steps.find((s) => s.id === 'addDomain')?.action?.command).toBe('knowledge.addDomain');
  });
});
